#!/usr/bin/env bash
# Issue 18, item 6: quiz mode asking for L must hide every copy of L — the loss panel ("now 0.2984"), the
# loss node, the Lab's training-set loss, File ▸ Export's trace — and its answer field must sit beside the
# L node, not over it; a hint given for one question must not stay up on the next.
. "$(dirname "$0")/lib.sh"
start_app --quiz-what loss --tab lab
key End  # the whole pass: quiz mode stops before L
wait_for 'r["quiz_waiting"] and r["phase_on_screen"] == "loss"'
check '"quiz.field" in r["items"] and "quiz.node" in r["items"]' "an answer field on the canvas beside the node"
check '(lambda a, b: a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1])(r["items"]["quiz.field"]["rect"], r["items"]["quiz.node"]["rect"])' \
    "the answer field does not cover the L node it asks about"
check 'r["items"]["loss.now"]["text"].endswith("?") and "0.298" not in r["items"]["loss.now"]["text"]' "the loss panel hides L"
check 'r["items"]["canvas.loss"]["text"] == "?"' "the loss node hides L"
wait_for 'any(k.startswith("lab.number.") for k in r["items"])'
check 'not any("0.298" in v.get("text", "") for k, v in r["items"].items())' "no reported text shows L"
check 'any(v.get("text", "") == "training set ?" for k, v in r["items"].items() if k.startswith("lab."))' \
    "the Lab hides its training-set loss (one sample: it is L)"
shot quiz_leaks_question
check_layout 5
# File ▸ Export ▸ the trace as CSV: L's line is empty.
click_item menu.File
wait_for '"menu.File.Export" in r["items"]'
read -r x y <<<"$(item_centre menu.File.Export)"
xdotool mousemove --window "$win" "$x" "$y"; sleep 0.4
wait_for '"export.-trace.csv" in r["items"]'
click_item export.-trace.csv
wait_for 'r["status"].startswith("Exported ")'
csv=$(q 'r["status"][len("Exported "):]')
[ -f "$csv" ] || fail "no export at $csv"
grep -qx 'loss,,,,,' "$csv" || fail "the exported trace gives L away: $(grep '^loss' "$csv")"
grep -q '0\.298' "$csv" && fail "the exported trace holds L's value"
# A hint, then the right answer: the next pass's question starts without it.
click_item quiz.hint
wait_for '"quiz.hint_text" in r["items"]'
click_item quiz.field  # the canvas's field
type_text 0.2984
key Return
wait_for 'not r["quiz_waiting"] and r["items"]["loss.now"]["text"].endswith("0.2984")'
check 'r["items"]["canvas.loss"]["text"] == "0.2984"' "answered: L shows"
key End     # the rest of the pass
wait_for 'r["step"] == r["events"]'
key Right   # the update, and the next pass
wait_for 'r["steps_done"] == 1'
key End
wait_for 'r["quiz_waiting"] and r["phase_on_screen"] == "loss"'
check '"quiz.hint_text" not in r["items"]' "the hint of the last question is not up on this one"
check 'r["items"]["loss.now"]["text"].endswith("?")' "the new pass's L is hidden again"
