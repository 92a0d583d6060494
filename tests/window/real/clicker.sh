#!/usr/bin/env bash
# A presentation clicker: Page Down / Page Up step the pass forward and back, B (or .) blanks the canvas.
# Its taps are 4 ms long; during 120 ms frames ImGui 1.86, which reads key state once a frame, missed
# them. Every tap must count, as must an ordinary press, a held key's repeats and Ctrl+Z, and ImGui's
# own keys (Esc closing a menu).
. "$(dirname "$0")/lib.sh"
start_app --frame-delay 120
check 'r["step"] == 0' "the pass starts at step 0"
tap Next Next Next Next Next
wait_for 'r["step"] == 5' 5 || true
check 'r["step"] == 5' "five clicker taps (Page Down, 4 ms each) during slow frames: five steps"
tap Prior Prior
wait_for 'r["step"] == 3'
tap Right space
wait_for 'r["step"] == 5'
key Left
wait_for 'r["step"] == 4'
tap b
wait_for 'r["blank"]'
shot clicker_blank
tap period
wait_for 'not r["blank"]'
tap End
wait_for 'r["step"] == r["events"]'
tap Home
wait_for 'r["step"] == 0'
# ImGui's own keys too: a 4 ms Esc during a slow frame closes an open menu (ImGui saw no key down before).
click_item menu.View
wait_for 'any(k.startswith("menu.text_size") for k in r["items"])'
tap Escape
wait_for 'not any(k.startswith("menu.text_size") for k in r["items"])' 3
key ctrl+q
wait_exit 5 || fail "quit"
