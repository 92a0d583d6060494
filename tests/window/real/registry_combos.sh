#!/usr/bin/env bash
# Issue 19: an activation or a loss added to the engine's registry (softplus, ELU, the Huber loss) reaches the
# studio's network editor with no edit there: its combos list them, and picking one by mouse changes the
# network (one undo entry each), at a small window and a large one with large text.
. "$(dirname "$0")/lib.sh"
# The left end of a reported control: at 1024x768 with large text the editor's table is wider than the side
# panel, so the centre of a combo may lie under the panel's edge.
click_left() { click $(point "(r['items']['$1']['rect'][0] + 12, r['items']['$1']['rect'][1] + r['items']['$1']['rect'][3] / 2)"); }
for SIZE in 1024x768 1920x1080; do
    start_app --text-scale 1.5 --tab inspector
    click_item inspector.tab.network
    wait_for '"network.activation.1" in r["items"] and "network.loss" in r["items"]'
    click_left network.activation.1
    wait_for '"network.choice.softplus" in r["items"] and "network.choice.elu" in r["items"]'
    shot "registry_activations_$SIZE"
    check "not r['items']['network.choice.elu']['clipped']" "the activation list shows elu whole at $SIZE"
    click_item network.choice.elu
    wait_for 'r["undo"] and r["undo"][-1].startswith("elu on ")'
    click_left network.activation.1
    wait_for '"network.choice.softplus" in r["items"]'
    click_item network.choice.softplus
    wait_for 'r["undo"][-1].startswith("softplus on ")'
    c=$(point "(r['items']['network.activation.1']['rect'][0] - 60, r['items']['network.activation.1']['rect'][1])")
    xdotool mousemove --window "$win" $c click --repeat 12 --delay 40 5  # the wheel: the panel down to the loss
    sleep 0.5
    click_left network.loss
    wait_for '"network.choice.huber" in r["items"]'
    shot "registry_losses_$SIZE"
    check "not r['items']['network.choice.huber']['clipped']" "the loss list shows huber whole at $SIZE"
    click_item network.choice.huber
    wait_for 'r["undo"][-1] == "loss huber" and not r["status_is_error"]'
    sleep 0.3  # a frame drawn after the edit
    shot "registry_huber_$SIZE"
    key ctrl+z ctrl+z ctrl+z  # the three edits undone: the document is as it was opened
    wait_for 'not r["modified"] and not r["undo"]'
    stop_app
done
