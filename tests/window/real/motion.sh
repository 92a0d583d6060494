#!/usr/bin/env bash
# Issue 18: animation for the lecture. Playing (P), the values the next step reads travel along the edges
# into what it computes — forward a⁰ along w into z¹₁ — moving from frame to frame within one step's time;
# View ▸ Motion while playing turns it off; pausing stops it.
. "$(dirname "$0")/lib.sh"
start_app
key p
wait_for 'r["playing"] and any(k.startswith("motion.") for k in r["items"])'
# Two looks at the same step with its dots in two places: they move within the step's time.
now='str(r["step"]) + " " + str(min([v["rect"][0] for k, v in r["items"].items() if k.startswith("motion.")] or [-1]))'
moved="" last=""
for _ in $(seq 1 100); do
    cur=$(q "$now")
    if [ -n "$last" ] && [ "${cur%% *}" = "${last%% *}" ] && [ "${cur#* }" != -1 ] && [ "${last#* }" != -1 ] &&
        [ "$cur" != "$last" ]; then moved=1; break; fi
    last=$cur
    sleep 0.03
done
[ -n "$moved" ] || fail "no value travels from frame to frame within a step"
wait_for 'any(v.get("text") for k, v in r["items"].items() if k.startswith("motion."))' 3  # a value carries its number
shot motion_playing
click_item menu.View
wait_for '"menu.motion" in r["items"]'
click_item menu.motion
wait_for 'r["playing"] and not any(k.startswith("motion.") for k in r["items"])'
sleep 0.5
check 'r["playing"] and not any(k.startswith("motion.") for k in r["items"])' "motion off: nothing travels while playing"
click_item menu.View
wait_for '"menu.motion" in r["items"]'
click_item menu.motion
wait_for 'any(k.startswith("motion.") for k in r["items"])'
key p
wait_for 'not r["playing"] and not any(k.startswith("motion.") for k in r["items"])'
