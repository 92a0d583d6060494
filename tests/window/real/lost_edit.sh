#!/usr/bin/env bash
# Issue 18, item 1: drag a weight, then a preset from the Presets menu. The preset must ask first (it
# replaced the document without a word), Cancel keeps the edit and its autosave, Ctrl+Q asks too, and
# only an explicit Discard lets the preset in and removes the autosave.
. "$(dirname "$0")/lib.sh"
start_app
check 'not r["modified"]' "a fresh example is not modified"
read -r x y <<<"$(point 'r["canvas"]["edges"]["w,2,0,0"]')"
drag "$x" "$y" "$x" $((y - 40))
wait_for 'r["modified"] and r["selection"] == "w,2,0,0"'
check '"0.4" not in r["undo"][-1]' "the undo entry names where the drag ended, not the old value"
wait_for 'r["autosave"]["exists"]' 8   # written within 5 s of an edit
click_item menu.Presets
wait_for '"preset.xor-2-3-1" in r["items"]'
click_item preset.xor-2-3-1
wait_for 'r["pending"] == "preset" and "Unsaved changes" in r["dialogs"]'
shot lost_edit_question
click_item unsaved.cancel
wait_for 'r["pending"] == "none" and not r["dialogs"]'
check 'r["modified"] and r["title"] == "Mazur'"'"'s 2-2-2 example"' "Cancel keeps the edited document"
check 'r["autosave"]["exists"]' "Cancel keeps the autosave"
key ctrl+q
wait_for 'r["pending"] == "quit"'
app_running || fail "Ctrl+Q quit over unsaved work without asking"
key Escape
wait_for 'r["pending"] == "none"'
click_item menu.Presets
wait_for '"preset.xor-2-3-1" in r["items"]'
click_item preset.xor-2-3-1
wait_for '"unsaved.discard" in r["items"]'
click_item unsaved.discard
wait_for 'r["title"].startswith("XOR")'
check 'not r["modified"] and not r["autosave"]["exists"]' "discarded explicitly: a clean preset, no autosave"
key ctrl+q
wait_exit 5 || fail "Ctrl+Q on a clean document must quit with status 0"
