#!/usr/bin/env bash
# Nothing is lost to a crash, and two instances never share an autosave (issue 24): edit a weight, wait
# for the autosave, SIGKILL the program; the next start offers the work and restores it exactly. A second
# instance running beside the first is never offered the first one's live autosave.
. "$(dirname "$0")/lib.sh"
start_app
read -r x y <<<"$(point 'r["canvas"]["edges"]["w,2,0,0"]')"
drag "$x" "$y" "$x" $((y - 50))
wait_for 'r["modified"]'
wait_for 'r["autosave"]["exists"]' 8
edited=$(q 'r["undo"][-1]')

# A second instance beside the live first one: no offer, and the first one's file stays.
first_report=$REPORT first_pid=$apid
REPORT=$WORK/report2.json apid=""
start_app
sleep 1
check 'r["autosave"]["offers"] == 0 and "Restore unsaved work?" not in r["dialogs"]' "a live instance's autosave is offered"
key ctrl+q
wait_exit 5 || fail "the second instance must quit cleanly"
REPORT=$first_report apid=$first_pid
check 'r["autosave"]["exists"]' "the second instance removed the first one's autosave"

kill_app
start_app
wait_for '"Restore unsaved work?" in r["dialogs"] and r["autosave"]["offers"] == 1'
shot crash_restore_offer
click_item restore.yes
wait_for 'r["modified"] and r["autosave"]["offers"] == 0'
check 'r["autosave"]["exists"]' "the restored work is in this instance's own autosave at once"
check 'r["title"].startswith("Untitled")' "restored untitled work"
key ctrl+q
wait_for 'r["pending"] == "quit"'
click_item unsaved.discard
wait_exit 5 || fail "Discard then quits"
start_app
sleep 1
check 'r["autosave"]["offers"] == 0' "discarded explicitly: nothing offered again"
key ctrl+q
wait_exit 5
echo "restored: $edited"
