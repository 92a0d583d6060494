#!/bin/sh
# lab_field.sh APP PNG_CHECK WORKDIR PRESET [SHARE]
# The Lab's decision field and points reach the screen through the platform's GL textures and atlas
# sprites (views/ui_textures.h, ui_sprites.h): trains the preset a little with the Lab open, takes a
# screenshot and the --report-state of the same frame, and checks the plot's pixels — a field drawn is
# many colours, none covering more than SHARE (default 0.35) of the plot; without it the plot is one
# ground colour under the points. Exit 77 (skipped) without xvfb-run.
set -u
app=$1 check=$2 work=$3 preset=$4 share=${5:-0.35}
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run not installed: skipped"; exit 77; }
mkdir -p "$work"
png=$work/lab_field.png report=$work/lab_field.json
rm -f "$png" "$report"
xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$preset" --tab lab --train-steps 300 --size 1280x800 --frames 12 \
    --screenshot "$png" --report-state "$report"
rc=$?
[ "$rc" -eq 0 ] || { echo "backprop-studio exited $rc"; exit 1; }
region=$(python3 -c '
import json, sys
x, y, w, h = json.load(open(sys.argv[1]))["items"]["lab.plot"]["rect"]
print(int(x) + 2, int(y) + 2, int(w) - 4, int(h) - 4)' "$report") || { echo "no lab.plot in $report"; exit 1; }
echo "the plot: $region"
# shellcheck disable=SC2086
exec "$check" "$png" 1280 800 40 $region "$share"
