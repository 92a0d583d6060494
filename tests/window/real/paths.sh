#!/usr/bin/env bash
# Issue 18, item 9: in the Paths list of a deeper network (the 3-layer ReLU preset) the route and the
# product of a path never write over each other ("→ out⁴₁ → L0.01019"), at a narrow window and a large one.
. "$(dirname "$0")/lib.sh"
PRESET=$(dirname "$0")/../../../assets/presets/relu-3-layer.json
no_overlap='not (lambda a, b: a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3])'
for SIZE in 1024x768 1920x1080; do
    start_app --load "$PRESET" --select w,1,0,0 --tab paths
    key End
    wait_for '"paths.route.0" in r["items"] and "paths.product.1" in r["items"]'
    for row in 0 1; do
        check "$no_overlap(r['items']['paths.route.$row']['rect'], r['items']['paths.product.$row']['rect'])" \
            "path $((row + 1)): its route and its product do not overlap at $SIZE"
        check "not r['items']['paths.product.$row']['clipped']" "path $((row + 1)): its product is not cut off at $SIZE"
    done
    shot "paths_relu_$SIZE"
    stop_app
done
