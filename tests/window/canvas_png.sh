#!/bin/sh
# canvas_png.sh APP PNG_CHECK OUTDIR [APP ARGS...]
# File ▸ Export ▸ the network canvas, from the command line: the canvas alone at ×1 and at ×2 under Xvfb.
# Both must be non-blank PNGs, the ×2 picture twice the size of the ×1 picture (drawn again at twice the
# size, not the window's pixels) and smaller than the window at ×1. Exit 77 (skipped) without xvfb-run.
set -u
app=$1 check=$2 out=$3
shift 3
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run not installed: skipped"; exit 77; }
size_of() { "$check" "$1" 0 0 40 | sed -n 's/.*: \([0-9]*\)x\([0-9]*\),.*/\1 \2/p'; }
for k in 1 2; do
  rm -f "$out/canvas$k.png"
  xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$@" --size 1280x800 --frames 8 --canvas-png "$out/canvas$k.png" \
    --canvas-scale "$k" || { echo "backprop-studio exited $? at scale $k"; exit 1; }
  "$check" "$out/canvas$k.png" 0 0 40 || exit 1
done
set -- $(size_of "$out/canvas1.png") $(size_of "$out/canvas2.png")
echo "×1: $1 x $2, ×2: $3 x $4"
[ "$1" -lt 1280 ] && [ "$2" -lt 800 ] || { echo "the ×1 canvas is not smaller than the window"; exit 1; }
[ "$3" -ge $(( 2 * $1 - 2 )) ] && [ "$3" -le $(( 2 * $1 + 2 )) ] && [ "$4" -ge $(( 2 * $2 - 2 )) ] && [ "$4" -le $(( 2 * $2 + 2 )) ] \
  || { echo "the ×2 canvas is not twice the ×1 canvas"; exit 1; }
