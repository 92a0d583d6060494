#!/bin/sh
# run_app.sh APP PNG_CHECK OUT.png WxH [APP ARGS...]
# Runs backprop-studio under Xvfb for a few frames with a screenshot, then checks that it exited 0 and
# that the PNG has the window's size and is not blank. Exit 77 (skipped) without xvfb-run.
set -u
app=$1 check=$2 out=$3 size=$4
shift 4
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run not installed: skipped"; exit 77; }
rm -f "$out"
xvfb-run -a -s "-screen 0 ${size}x24" "$app" "$@" --size "$size" --frames 12 --screenshot "$out"
rc=$?
[ "$rc" -eq 0 ] || { echo "backprop-studio exited $rc"; exit 1; }
w=${size%x*} h=${size#*x}
exec "$check" "$out" "$w" "$h" 40
