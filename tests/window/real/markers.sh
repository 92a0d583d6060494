#!/usr/bin/env bash
# Issue 18: what a teacher points at is marked. In tests/data/vanishing.json hidden neuron 1 is a ReLU that
# is zero for every sample (dead) and the sigmoid output's z = 10 leaves σ′ under 1 % of its largest
# (saturated): once the pass has computed their z, each carries a small marker whose tooltip says in one
# line why its gradient vanishes; the legend names the markers.
. "$(dirname "$0")/lib.sh"
start_app --load "$(dirname "$0")/../../data/vanishing.json"
check 'not any(k.startswith("canvas.mark.") for k in r["items"])' "no marker before the pass has computed anything"
tap Next   # z¹₁
wait_for '"canvas.mark.1.0" in r["items"]'
check 'r["items"]["canvas.mark.1.0"]["text"] == "dead" and "canvas.mark.2.0" not in r["items"]' \
    "the dead ReLU is marked as soon as its z is known; the output not yet"
key End
wait_for '"canvas.mark.2.0" in r["items"]'
check 'r["items"]["canvas.mark.2.0"]["text"] == "saturated" and "canvas.mark.1.1" not in r["items"]' \
    "the saturated output is marked, the live ReLU is not"
read -r x y <<<"$(item_centre canvas.mark.1.0)"
xdotool mousemove --window "$win" "$x" "$y"; sleep 0.5
wait_for '"tooltip.mark" in r["items"]'
check 'r["items"]["tooltip.mark"]["text"].startswith("Dead ReLU: z ≤ 0 for all 2 samples")' "the dead ReLU's tooltip says why"
shot markers_dead_tooltip
read -r x y <<<"$(item_centre canvas.mark.2.0)"
xdotool mousemove --window "$win" "$x" "$y"; sleep 0.5
wait_for '"tooltip.mark" in r["items"] and r["items"]["tooltip.mark"]["text"].startswith("Saturated: σ′(z²₁)")'
shot markers_saturated_tooltip
check_layout 5
