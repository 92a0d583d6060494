#!/usr/bin/env bash
# The desktop's file dialogs for real, on a virtual display: the real zenity, and the real
# xdg-desktop-portal with its GTK backend on a private session bus. For each, backprop-studio asks
# (File ▸ Save As…, then File ▸ Open…), xdotool types a path into the dialog and presses Enter as a
# person would, and the app must write the network there, then open it (its window title changes).
# Not in CI: it installs zenity, xdg-desktop-portal and xdg-desktop-portal-gtk (GTK 3, ~70 MB);
# CI tests the same code against a mock portal and fake dialog programs (tests/dialogs, tests/window).
# Run it after changing app/studio/desktop/native_dialog*.   Usage: bash scripts/check-desktop-dialogs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --inside ]; then  # one dialog, already under xvfb-run (and dbus-run-session for the portal)
  app=$2 backend=$3 action=$4 file=$5
  export XDG_CURRENT_DESKTOP=GNOME  # the portal picks its GTK backend for GNOME
  [ "$backend" = zenity ] && unset DBUS_SESSION_BUS_ADDRESS
  title=$([ "$action" = save ] && echo "Save the network as" || echo "Open a network file")
  "$app" --file-dialogs desktop --open-dialog "$action" --frames 100000 --size 1280x800 >/dev/null 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 300); do
    dialog=$(xdotool search --name "^$title\$" 2>/dev/null | head -1 || true)
    [ -n "$dialog" ] && break
    sleep 0.1
  done
  [ -n "${dialog:-}" ] || { echo "$backend: no \"$title\" dialog appeared"; exit 1; }
  shows=$([ "$backend" = zenity ] && echo zenity || echo xdg-desktop-portal-gtk)
  pgrep -f "$shows" >/dev/null || { echo "$backend: the dialog is not $shows's"; exit 1; }
  sleep 0.5
  xdotool windowfocus --sync "$dialog"
  # Save: the name field has the focus, with the suggested name; Open: Ctrl+L opens the location field.
  xdotool key --clearmodifiers "$([ "$action" = save ] && echo ctrl+a || echo ctrl+l)"
  sleep 0.3
  xdotool type --delay 5 "$file"
  sleep 0.5
  xdotool key Return
  name=$(basename "$file" .json)
  for _ in $(seq 300); do
    if [ "$action" = save ]; then [ -s "$file" ] && break
    else xdotool search --name "^$name — Backprop Studio\$" >/dev/null 2>&1 && break; fi
    sleep 0.1
  done
  if [ "$action" = save ]; then [ -s "$file" ] || { echo "$backend: Save As… wrote nothing"; exit 1; }
  else xdotool search --name "^$name — Backprop Studio\$" >/dev/null 2>&1 || { echo "$backend: Open… did not open $file"; exit 1; }; fi
  echo "$backend: $action $file: ok"
  exit 0
fi

bash scripts/setup.sh zenity xdg-desktop-portal xdg-desktop-portal-gtk xdotool
build=${BP_BUILD_DIR:-build/release}
[ -d "$build" ] || cmake --preset release >/dev/null
cmake --build "$build" -j"$(nproc)" --target backprop-studio >/dev/null
app=$(realpath "$build/app/studio/backprop-studio")
tmp=$(mktemp -d /tmp/bp-desktop-dialogs-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
screen=(xvfb-run -a -s "-screen 0 1280x800x24")
for backend in zenity portal; do
  bus=(); [ "$backend" = portal ] && bus=(dbus-run-session --)
  for action in save open; do
    "${screen[@]}" "${bus[@]}" bash "$0" --inside "$app" "$backend" "$action" "$tmp/by-$backend.json" 2>/dev/null
  done
done
echo "check-desktop-dialogs: zenity and the desktop portal saved and opened through their own dialogs"
