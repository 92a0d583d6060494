#!/usr/bin/env bash
# The real-input window tests' toolkit: each flow script sources this, starts the real backprop-studio on
# its own virtual screen (Xvfb) with a fresh HOME, and drives it with real X key presses, clicks and drags
# (xdotool), asserting on what the program reports (--report-state: see app/studio/figures/frame_report.h).
#
#   start_app [ARGS...]       Xvfb at $SIZE (default 1280x800), HOME=$WORK/home, the program with
#                             --report-state $WORK/report.json; waits for its window and first report
#   key NAME... / tap NAME... press like a person (80 ms) / like a clicker (4 ms)
#   click X Y, drag X1 Y1 X2 Y2, resize W H, type TEXT
#   click_item ID             the centre of a reported control (e.g. menu.Presets)
#   point EXPR                "x y" from the report, e.g. point 'r["canvas"]["edges"]["w,2,0,0"]'
#   wait_for PYEXPR [SECS]    until the report satisfies PYEXPR (r is the report), else fail
#   check PYEXPR MESSAGE      the report satisfies PYEXPR now, else fail with MESSAGE
#   shot NAME                 a screenshot into $SHOTS (look at them)
#   app_running / wait_exit [SECS] / kill_app (SIGKILL; start_app again starts it on the same screen)
#   stop_app                  Ctrl+Q (nothing unsaved) and the screen closed: another start_app may follow
#   check_layout [SECS]       layout_check.py passes on the report within SECS (nothing clipped, no words
#                             over words, every neuron's number, the formula whole, every tool reachable)
# Exit 77 (CTest: skipped) when Xvfb or xdotool is missing.
set -u
APP=${APP:?APP must name the backprop-studio binary}
SIZE=${SIZE:-1280x800}
SHOTS=${SHOTS:-/tmp/bp-real-shots}
PY=/usr/bin/python3
for c in Xvfb xdotool "$PY"; do command -v "$c" >/dev/null 2>&1 || { echo "skipped: $c is not installed"; exit 77; }; done
WORK=$(mktemp -d /tmp/bp-real.XXXXXX)
REPORT=$WORK/report.json
mkdir -p "$WORK/home" "$SHOTS"
xpid="" apid="" win=""

cleanup() {
    [ -n "$apid" ] && kill "$apid" 2>/dev/null
    [ -n "$xpid" ] && kill "$xpid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    [ -f "$REPORT" ] && { echo "--- last report (canvas left out):" >&2
        "$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); r.pop("canvas",None); r["items"]=sorted(r["items"]); print(json.dumps(r))' "$REPORT" >&2; }
    [ -f "$WORK/app.log" ] && { echo "--- program output:" >&2; tail -20 "$WORK/app.log" >&2; }
    exit 1
}

start_app() {
    if [ -z "$xpid" ]; then  # one virtual screen for the whole flow (the program may be started again)
        exec 3< <(Xvfb -displayfd 1 -screen 0 "${SIZE}x24" -nolisten tcp -noreset 2>/dev/null & echo "pid $!"; wait)
        read -r _ xpid <&3
        read -r dnum <&3 || fail "Xvfb did not start"
        export DISPLAY=":$dnum"
        for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done  # it accepts clients
    fi
    rm -f "$REPORT"
    local w=${SIZE%x*} h=${SIZE#*x}
    HOME=$WORK/home XDG_CONFIG_HOME= XDG_DATA_HOME= "$APP" --size "${w}x${h}" --report-state "$REPORT" --file-dialogs in-app "$@" >"$WORK/app.log" 2>&1 &
    apid=$!
    for _ in $(seq 1 300); do
        win=$(xdotool search --onlyvisible --pid "$apid" 2>/dev/null | head -1)
        [ -n "$win" ] && [ -s "$REPORT" ] && break
        kill -0 "$apid" 2>/dev/null || fail "the program exited at start"
        sleep 0.1
    done
    [ -n "$win" ] || fail "no window appeared"
    xdotool windowmove "$win" 0 0 windowfocus --sync "$win" 2>/dev/null
    sleep 0.3
}

app_running() { kill -0 "$apid" 2>/dev/null; }

kill_app() {  # SIGKILL: a crash, or the power cord
    kill -9 "$apid" 2>/dev/null
    wait "$apid" 2>/dev/null
    apid=""
}

wait_exit() {  # the program ends by itself within SECS
    local secs=${1:-5}
    for _ in $(seq 1 $((secs * 10))); do app_running || { wait "$apid"; local rc=$?; apid=""; return $rc; }; sleep 0.1; done
    fail "the program is still running after ${secs} s"
}

stop_app() {
    key ctrl+q
    wait_exit 5 || :  # it ended (else wait_exit fails); its status is another test's business
    kill "$xpid" 2>/dev/null
    # Xvfb is not this shell's child (wait returns at once): see it gone before the next screen starts.
    for _ in $(seq 1 50); do kill -0 "$xpid" 2>/dev/null || break; sleep 0.1; done
    xpid="" win=""
    rm -f "$REPORT"
}

check_layout() {
    local secs=${1:-5} out=""
    for _ in $(seq 1 $((secs * 10))); do
        out=$("$PY" "$(dirname "${BASH_SOURCE[0]}")/layout_check.py" "$REPORT") && return 0
        sleep 0.1
    done
    fail "the layout at $SIZE (present: $(q 'r["present"]'), text size $(q 'r["text_scale"]'), scale $(q 'r["scale"]')):
$out"
}

q() { "$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$REPORT" "$1" 2>/dev/null; }

check() { [ "$(q "bool($1)")" = "True" ] || fail "$2 (expected: $1)"; }

wait_for() {
    local expr=$1 secs=${2:-8}
    for _ in $(seq 1 $((secs * 20))); do
        [ "$(q "bool($expr)")" = "True" ] && return 0
        app_running || fail "the program ended while waiting for: $expr"
        sleep 0.05
    done
    fail "timed out after ${secs} s waiting for: $expr"
}

point() { q "' '.join(str(int(round(v))) for v in ($1)[:2])"; }

item_centre() {
    local c
    c=$(q "' '.join(str(int(round(v))) for v in (lambda b: (b[0]+b[2]/2, b[1]+b[3]/2))(r['items']['$1']['rect']))")
    [ -n "$c" ] || fail "the window reports no control '$1'"
    echo "$c"
}

press() {  # hold-ms keys...
    local ms=$1; shift
    # Keys go to the focused window; with two instances on one screen and no window manager, make sure it
    # is this one (a loaded machine raced the second instance's focus against its first key).
    [ -n "$win" ] && xdotool windowfocus --sync "$win" 2>/dev/null
    for k in "$@"; do
        local mods=() key=$k
        while [[ $key == *+?* ]]; do mods+=("${key%%+*}"); key=${key#*+}; done
        for m in "${mods[@]}"; do xdotool keydown "$m"; done
        xdotool keydown "$key"; sleep "$(awk "BEGIN{print $ms/1000}")"; xdotool keyup "$key"
        for m in "${mods[@]}"; do xdotool keyup "$m"; done
        sleep 0.12
    done
}
key() { press 80 "$@"; }
tap() { press 4 "$@"; }
type_text() { xdotool type --delay 60 "$*"; sleep 0.1; }

click() { xdotool mousemove --window "$win" "$1" "$2" sleep 0.08 click 1; sleep 0.15; }
dclick() { xdotool mousemove --window "$win" "$1" "$2" sleep 0.08 click --repeat 2 --delay 150 1; sleep 0.15; }
click_item() {  # at its centre once it holds still: a popup's first frame measures it, then it moves
    local c p=""
    for _ in $(seq 1 30); do
        local t; t=$(stat -c %Y.%y "$REPORT" 2>/dev/null)
        c=$(item_centre "$1") || exit 1
        [ "$c" = "$p" ] && break
        p=$c
        for _ in $(seq 1 50); do [ "$(stat -c %Y.%y "$REPORT" 2>/dev/null)" != "$t" ] && break; sleep 0.02; done  # the next frame
    done
    click $c
}
drag() {
    local x1=$1 y1=$2 x2=$3 y2=$4
    xdotool mousemove --window "$win" "$x1" "$y1" sleep 0.1 mousedown 1
    for i in $(seq 1 10); do
        xdotool mousemove --window "$win" $((x1 + (x2 - x1) * i / 10)) $((y1 + (y2 - y1) * i / 10)); sleep 0.03
    done
    sleep 0.1; xdotool mouseup 1; sleep 0.2
}
resize() { xdotool windowsize "$win" "$1" "$2"; sleep 0.5; }
shot() { command -v import >/dev/null && import -window root "$SHOTS/$1.png" 2>/dev/null; return 0; }
