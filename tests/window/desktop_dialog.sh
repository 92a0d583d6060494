#!/bin/sh
# desktop_dialog.sh APP PNG_CHECK OUTDIR
# The desktop's file dialogs in the real app under Xvfb, with no session bus (as in CI) and fake zenity
# and kdialog first on PATH:
#   1. the fallback: both fail at once (exit 5) → the app tries both, then shows the in-app browser,
#      and exits 0 with a non-blank screenshot;
#   2. never blocking: a zenity that keeps its dialog open for 30 s → the app still draws its frames and
#      exits at once, ending the dialog's process.
# Exit 77 (skipped) without xvfb-run.
set -u
app=$1 check=$2 out=$3
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run not installed: skipped"; exit 77; }
tmp=$(mktemp -d /tmp/bp-dialog-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
fake() {  # fake NAME BODY: records its arguments in NAME.args, then runs BODY
  printf '#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done > "$0.args"\n%s\n' "$2" > "$tmp/bin/$1"
  chmod +x "$tmp/bin/$1"
}
run() {  # the app with the desktop's dialogs, no session bus, the fakes first on PATH
  env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$tmp" XDG_CURRENT_DESKTOP= PATH="$tmp/bin:$PATH" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$app" --file-dialogs desktop --size 1280x800 "$@"
}

fake zenity "exit 5"
fake kdialog "exit 5"
run --open-dialog open --frames 30 --screenshot "$out/dialog_fallback.png" || { echo "backprop-studio exited $?"; exit 1; }
[ -f "$tmp/bin/zenity.args" ] && [ -f "$tmp/bin/kdialog.args" ] || { echo "zenity and kdialog were not both tried"; exit 1; }
grep -qx -- "--getopenfilename" "$tmp/bin/kdialog.args" || { echo "kdialog was not asked to open a file"; exit 1; }
"$check" "$out/dialog_fallback.png" 1280 800 40 || exit 1

rm -f "$tmp/bin/"*.args
fake zenity 'echo $$ > "$0.pid"; exec sleep 30'
start=$(date +%s)
run --open-dialog save --frames 20 || { echo "backprop-studio exited $? with the dialog open"; exit 1; }
elapsed=$(( $(date +%s) - start ))
[ -f "$tmp/bin/zenity.pid" ] || { echo "zenity was not started"; exit 1; }
grep -qx -- "--save" "$tmp/bin/zenity.args" || { echo "zenity was not asked to save"; exit 1; }
[ "$elapsed" -lt 20 ] || { echo "the app waited for the dialog ($elapsed s)"; exit 1; }
if kill -0 "$(cat "$tmp/bin/zenity.pid")" 2>/dev/null; then echo "the dialog's process outlived the app"; exit 1; fi
echo "fallback: zenity and kdialog tried, the in-app browser shown; an open dialog: $elapsed s, ended with the app"
