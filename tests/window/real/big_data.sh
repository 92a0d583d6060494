#!/usr/bin/env bash
# Issue 24/25: a data set of 10⁶ samples (the largest a file may hold) keeps the window responsive. The
# test writes the file (not committed: 60 MB), opens it, opens the Lab and trains by real clicks, and
# checks that frames keep coming while it trains: the --report-state file, rewritten by every frame whose
# numbers changed, shows the step counter moving many times a second (before bounded work per frame a
# frame took ~11 s). The Lab says its numbers are on a spread of the samples; the plot draws a spread.
# Slow (a 60 MB file, ~40 s): run by scripts/hostile-slow.sh and with BP_SLOW_TESTS=1, not in CI. It found,
# beside other work on both cores, training that stood still after the first chunk (a new worker stopped
# by the next frame's edit before it ever ran); fixed in lab_worker.cpp, passes now under two busy loops.
[ "${BP_SLOW_TESTS:-}" = 1 ] || { echo "skipped: set BP_SLOW_TESTS=1 (scripts/hostile-slow.sh runs it)"; exit 77; }
. "$(dirname "$0")/lib.sh"
BIG=$WORK/million.json
"$PY" - "$(dirname "$0")/../../../assets/presets/spiral-2-8-8-8-1.json" "$BIG" <<'PY'
import json, math, random, sys
doc = json.load(open(sys.argv[1]))
rng = random.Random(7)
X, Y = [], []
for n in range(1000000):  # two interleaved spirals, as the preset's
    k = n % 2
    r = rng.random()
    t = 4.0 * math.pi * r + k * math.pi
    X.append([round(r * math.cos(t) + rng.gauss(0, 0.05), 6), round(r * math.sin(t) + rng.gauss(0, 0.05), 6)])
    Y.append([k])
doc["data"] = {"inputs": X, "targets": Y}
doc.pop("dataset", None)
json.dump(doc, open(sys.argv[2], "w"), separators=(",", ":"))
PY
[ -s "$BIG" ] || fail "the 10⁶-sample file was not written"

for run in 1024x768:1.5 1920x1080:2; do
    size=${run%:*} SIZE=${run%:*}
    start_app "$BIG" --text-scale "${run#*:}"
    wait_for '"tab.lab" in r["items"]' 60
    click_item tab.lab
    wait_for '"lab.train" in r["items"]' 60
    shot "big_data_${size}_lab"
    # The readout (below the fold at a large text size: reported when it is on the screen) says its numbers
    # are on a spread of the samples.
    check '"lab.number.spread" not in r["items"] or "of the 1000000 samples" in r["items"]["lab.number.spread"]["text"]' \
        "the Lab says its numbers are on a spread of the 10⁶ samples"
    click_item lab.train
    wait_for 'r["steps_done"] > 0' 60
    # Frames keep coming: within 10 s of wall-clock time the step counter the frames report changes at
    # least 3 times. Before, one frame took 11 s (at most 1 change); the bar is far below what a quiet
    # machine does (50+ changes in 3 s) because CI runs this beside other tests on a small shared machine
    # — responsiveness is measured in PERFORMANCE.md, not asserted here.
    seen=() last="" until=$((SECONDS + 10))
    while [ "$SECONDS" -lt "$until" ] && [ "${#seen[@]}" -lt 3 ]; do
        now=$(q 'r["steps_done"]')
        [ -n "$now" ] && [ "$now" != "$last" ] && seen+=("$now") && last=$now
        sleep 0.05
    done
    [ "${#seen[@]}" -ge 3 ] || fail "at $size only ${#seen[@]} frames reported a new step in 10 s while training on 10⁶ samples"
    echo "ok at $size: ${#seen[@]} new step counts (last $last)"
    shot "big_data_$size"
    click_item lab.train  # pause
    sleep 0.5
    # The notes wrap inside the window (below the fold of the scrolling Lab they count as clipped: not here).
    for note in lab.number.spread lab.plot.spread; do
        check "'$note' not in r['items'] or (lambda b: b[0] + b[2] <= r['window'][0])(r['items']['$note']['rect'])" \
            "the note $note runs past the window's right edge"
    done
    shot "big_data_${size}_paused"
    key ctrl+q  # the trained network is unsaved work: the question, then Discard
    wait_for '"unsaved.discard" in r["items"]' 10
    sleep 1  # the modal settles (it sizes itself in its first frames; slow frames on a loaded machine)
    click_item unsaved.discard
    wait_exit 30 || fail "the program must quit cleanly while its worker has trained"
    kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null; xpid="" win=""  # the next size on a new screen
done
