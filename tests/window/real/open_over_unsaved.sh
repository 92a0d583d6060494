#!/usr/bin/env bash
# Issue 18, item 2: Ctrl+O, pick a file, Open (a click, Enter, a double-click) over unsaved changes. The
# question must appear at once (it appeared only after Cancel), Cancel must go back to the browser, and
# Discard must open the file that was picked.
. "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/home/Documents"
cp "$(dirname "$0")/../../../assets/presets/xor-2-3-1.json" "$WORK/home/Documents/other.json"
start_app
read -r x y <<<"$(point 'r["canvas"]["edges"]["w,2,0,0"]')"
drag "$x" "$y" "$x" $((y + 30))
wait_for 'r["modified"]'
for way in ${WAYS:-click enter double-click}; do
    echo "way: $way"
    key ctrl+o
    wait_for 'r["browser_open"] and "browser.entry.other.json" in r["items"]'
    case $way in
        click) click_item browser.entry.other.json; wait_for '"browser.go" in r["items"]'; click_item browser.go ;;
        enter) click_item browser.entry.other.json; sleep 0.2; key Return ;;
        double-click)  # ImGui times a double click by its frames: on a loaded machine a slow frame can
            # stretch the pair past 0.3 s, and it reads as one click. Try again then (a person would).
            read -r ex ey <<<"$(item_centre browser.entry.other.json)"
            for _ in 1 2 3; do
                dclick "$ex" "$ey"
                sleep 0.5
                [ "$(q 'r["pending"]')" = "open" ] && break
            done ;;
    esac
    wait_for 'r["pending"] == "open" and "Unsaved changes" in r["dialogs"] and not r["browser_open"]' 3 ||
        fail "Open by $way over unsaved changes did not ask"
    shot "open_over_unsaved_$way"
    click_item unsaved.cancel
    wait_for 'r["pending"] == "none" and r["browser_open"]'
    check 'r["modified"] and r["path"] == ""' "Cancel ($way) keeps the edited document"
    key Escape
    wait_for 'not r["browser_open"]'
done
key ctrl+o
wait_for '"browser.entry.other.json" in r["items"]'
click_item browser.entry.other.json
sleep 0.2
key Return
wait_for '"unsaved.discard" in r["items"]' 10
click_item unsaved.discard
wait_for 'r["path"].endswith("/other.json")'
check 'not r["modified"] and r["title"] == "other"' "Discard opens the file that was picked"
key ctrl+q
wait_exit 5 || fail "Ctrl+Q on a clean document must quit with status 0"
