#!/usr/bin/env bash
# Issue 24: saving over a read-only (0444) file asks, as editors do. Ctrl+S on an edited 0444 file shows
# "Read-only file"; Cancel leaves the file and the work; Ctrl+S again and "Save anyway" replaces it, keeping
# the mode 0444, and the title loses its *.
. "$(dirname "$0")/lib.sh"
RO=$WORK/ro.json
cp "$(dirname "$0")/../../../assets/presets/xor-2-3-1.json" "$RO"
chmod 0444 "$RO"
before=$(sha256sum <"$RO")
start_app "$RO"
read -r x y <<<"$(point 'r["canvas"]["edges"]["w,1,0,0"]')"
drag "$x" "$y" "$x" $((y - 40))
wait_for 'r["modified"]'
key ctrl+s
wait_for '"Read-only file" in r["dialogs"] and "read_only.save" in r["items"]'
sleep 1  # the modal settles
shot read_only_question
click_item read_only.cancel
wait_for '"Read-only file" not in r["dialogs"]'
check 'r["modified"]' "Cancel keeps the work unsaved"
[ "$(sha256sum <"$RO")" = "$before" ] || fail "Cancel must leave the file as it was"
key ctrl+s
wait_for '"Read-only file" in r["dialogs"] and "read_only.save" in r["items"]'
sleep 1
click_item read_only.save
wait_for 'not r["modified"] and "Read-only file" not in r["dialogs"]'
[ "$(sha256sum <"$RO")" != "$before" ] || fail "Save anyway must replace the file"
[ "$(stat -c %a "$RO")" = 444 ] || fail "the file must stay read-only (mode $(stat -c %a "$RO"))"
stop_app
