#!/usr/bin/env bash
# Installs the Debian packages Backprop Studio needs to build, run and test.
# Idempotent and quiet: when everything is present it prints nothing and exits 0.
# Uses sudo only when not root. Extra package names may be passed as arguments.
set -euo pipefail

packages=(
  g++ make cmake pkg-config
  libimgui-dev libglfw3-dev libstb-dev python3-glad nlohmann-json3-dev
  libgtest-dev libbenchmark-dev
  xvfb xauth libgl1-mesa-dri fonts-dejavu-core xdotool python3
  desktop-file-utils
  python3-numpy appstream
  libportal-dev dbus-daemon dbus-bin python3-dbusmock
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp /tmp/backprop-setup.XXXXXX.log)
if ! { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -20 "$log" >&2
  echo "setup: apt-get failed (full log: $log)" >&2
  exit 1
fi
rm -f "$log"
echo "setup: done"
