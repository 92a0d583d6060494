#!/usr/bin/env bash
# Issue 18, items 3 and 4: every size a lecture meets — 1024×768, 1280×720, 1366×768, 1920×1080 and
# 3840×2160 — normal and presenting (F11), at every text size the View menu offers (Ctrl+= / Ctrl+- walk
# them): no control or word clipped, no words over words, every neuron's number on the canvas, the
# formula whole, every toolbar tool on its row or in its » menu (which opens, its tools unclipped); a text
# size larger than the window holds says so in View ▸ Text size. One start per size; a screenshot of each
# combination in the shots folder.
. "$(dirname "$0")/lib.sh"
SIZES=${SIZES:-"1024x768 1280x720 1366x768 1920x1080 3840x2160"}
pct() { awk "BEGIN{printf \"%d\", $1 * 100 + 0.5}"; }
for SIZE in $SIZES; do
    start_app --text-scale 0.75 --step 5
    for mode in normal present; do
        if [ "$mode" = present ]; then key F11; wait_for 'r["present"]'; fi
        sizes="0.75 1 1.25 1.5 1.75 2"
        [ "$mode" = present ] && sizes="2 1.75 1.5 1.25 1 0.75"
        for t in $sizes; do
            wait_for "r['present'] == ('$mode' == 'present') and abs(r['text_scale'] - $t) < 1e-3"
            check_layout 5
            shot "sizes_${SIZE}_${mode}_$(pct "$t")"
            if [ "$(q 'r["overflow"] != []')" = True ] && [ "$t" = 2 ]; then  # the » menu opens and holds the rest
                over=$(q 'r["overflow"]')  # while the menu is open the row reports nothing moved
                click_item toolbar.more
                wait_for '"toolbar_more" in r["dialogs"]'
                # A popup's first frame is ImGui's measuring frame (drawn hidden, its items clipped): wait it out.
                wait_for '"toolbar.train" in r["items"] and not r["items"]["toolbar.train"]["clipped"]' 3  # Train is reachable
                check 'all("toolbar." + t in r["items"] and not r["items"]["toolbar." + t]["clipped"] for t in '"$over"')' \
                    "every tool in the » menu is there, unclipped"
                shot "sizes_${SIZE}_${mode}_more"
                key Escape
                wait_for '"toolbar_more" not in r["dialogs"]'
            fi
            if [ "$t" = 2 ] && [ "$mode" = normal ] && [ "$(q 'r["scale"] < r["scale_wanted"]')" = True ]; then
                click_item menu.View  # the cap is said, not silent
                wait_for '"menu.text_size" in r["items"]'
                read -r x y <<<"$(item_centre menu.text_size)"
                xdotool mousemove --window "$win" "$x" "$y"; sleep 0.4
                wait_for '"menu.text_size.200" in r["items"]'
                check '"this window fits" in r["items"]["menu.text_size.200"]["text"]' "View ▸ Text size says the window limits the size"
                shot "sizes_${SIZE}_text_size_menu"
                key Escape Escape
                wait_for '"menu.text_size" not in r["items"]'
            fi
            [ "$mode" = normal ] && [ "$t" != 2 ] && key ctrl+equal
            [ "$mode" = present ] && [ "$t" != 0.75 ] && key ctrl+minus
        done
    done
    stop_app
done
