#!/bin/bash
# write_errors.sh APP OUT_DIR: a write error is a message, never a death by signal (RELIABILITY.md).
#   - stdout a pipe nobody reads any more (--help, --bench): SIGPIPE killed the program (exit 141);
#     now "standard output cannot be written (Broken pipe)", exit 1.
#   - a screenshot over the file size limit (ulimit -f): SIGXFSZ killed it (exit 153) mid-write; now the
#     write fails with EFBIG, the message names the file, exit 1, and no partial file is left.
#     (stb's own PNG writer ignored the error and kept a truncated file: PNGs are now encoded in memory
#     and written by the engine's atomic writer.)
# Exit 77 (skipped) without Xvfb for the window part.
set -u
app=$1 out=$2
mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

# A reader that is gone before the program writes: `true` exits at once, the program starts 0.3 s later.
closed_pipe() { { sleep 0.3; "$@" 2>"$out/stderr.txt"; echo $? >"$out/rc.txt"; } | true; }

closed_pipe "$app" --help
rc=$(cat "$out/rc.txt")
[ "$rc" -eq 1 ] || fail "--help into a closed pipe: exit $rc (141 = killed by SIGPIPE)"
grep -q "standard output cannot be written (Broken pipe)" "$out/stderr.txt" || fail "--help: no message: $(cat "$out/stderr.txt")"
echo "ok: --help into a closed pipe says so, exit 1"

command -v Xvfb >/dev/null 2>&1 || { echo "Xvfb not installed: the window part skipped"; exit 77; }
exec 3< <(Xvfb -displayfd 1 -screen 0 800x600x24 -nolisten tcp 2>/dev/null & echo "pid $!"; wait)
read -r _ xpid <&3
read -r dnum <&3 || fail "Xvfb did not start"
trap 'kill "$xpid" 2>/dev/null' EXIT
export DISPLAY=":$dnum"

closed_pipe "$app" --bench start --frames 3 --size 800x600
rc=$(cat "$out/rc.txt")
[ "$rc" -eq 1 ] || fail "--bench into a closed pipe: exit $rc (141 = killed by SIGPIPE): $(cat "$out/stderr.txt")"
grep -q "standard output cannot be written (Broken pipe)" "$out/stderr.txt" || fail "--bench: no message: $(cat "$out/stderr.txt")"
echo "ok: --bench into a closed pipe says so, exit 1"

shot=$out/too_big.png
rm -f "$shot" "$shot".*
( ulimit -f 4; exec "$app" --frames 2 --size 800x600 --screenshot "$shot" ) >"$out/stdout.txt" 2>"$out/stderr.txt"
rc=$?
[ "$rc" -eq 1 ] || fail "a screenshot over the size limit: exit $rc (153 = killed by SIGXFSZ): $(cat "$out/stderr.txt")"
grep -q "too_big.png" "$out/stderr.txt" || fail "a screenshot over the size limit: no message naming it: $(cat "$out/stderr.txt")"
grep -q "File too large" "$out/stderr.txt" || fail "a screenshot over the size limit: the reason is not said: $(cat "$out/stderr.txt")"
[ ! -e "$shot" ] || fail "a partial screenshot was left ($(stat -c %s "$shot") bytes)"
ls "$shot".* >/dev/null 2>&1 && fail "a temporary file was left: $(ls "$shot".*)"
echo "ok: a screenshot over the size limit says so, exit 1, nothing left"
