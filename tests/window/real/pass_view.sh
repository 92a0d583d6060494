#!/usr/bin/env bash
# Issue 18, items 5, 8, 10: what is shown follows the pass. Stepping with a clicker's Page Down, the
# neurons show a through the forward pass and δ from the backward pass on without the δ button being
# found; the phase strip lights the phase of the step on screen (the loss, not the backward pass that
# comes next); after the update step an edge says its weight's update is pending ("0.4 → 0.359") until
# the next pass applies it.
. "$(dirname "$0")/lib.sh"
start_app
check 'r["neurons_show"] == "a" and r["phase_on_screen"] == ""' "before the first step: a, no phase lit"
lit='[k[len("phase."):] for k, v in r["items"].items() if k.startswith("phase.") and v.get("text") == "lit"]'
for _ in 1 2 3 4 5 6 7 8 9; do tap Next; done   # z and a of four neurons, then the loss
wait_for 'r["step"] == 9'
check 'r["event"] == "loss" and r["phase_on_screen"] == "loss"' "the loss formula is on screen"
check "$lit == ['Loss']" "the phase strip lights Loss while the loss formula is shown (it lit Backward, the next phase)"
check 'r["neurons_show"] == "a"' "the loss on screen: the neurons still show a"
tap Next
wait_for 'r["step"] == 10'
check 'r["event"] == "output_delta" and r["neurons_show"] == "δ"' "the backward pass: the neurons show δ by themselves"
check "$lit == ['Backward']" "the phase strip lights Backward"
check 'r["items"]["canvas.n.2.0"]["text"] == "0.1385"' "output neuron 1 shows δ²₁ = 0.1385"
shot pass_view_backward
key End
wait_for 'r["step"] == r["events"]'
check 'r["items"]["canvas.w.2.0.0"]["text"] == "0.4 → 0.359"' "the edge says its update is pending"
check "$lit == ['Update']" "the phase strip lights Update"
shot pass_view_pending
tap Next   # the next pass starts from the updated network
wait_for 'r["steps_done"] == 1 and r["step"] == 0'
check 'r["items"]["canvas.w.2.0.0"]["text"] == "0.359"' "applied: the edge shows the new weight alone"
check 'r["neurons_show"] == "a"' "a new pass: the neurons show a again"
