#!/usr/bin/env bash
# Installs the Debian package on a bare Debian 12 (the base system ../shared/tools/fresh-machine makes:
# debootstrap minbase + git) with apt, runs both programs from /, then purges it and checks that none
# of its files are left. Needs root. Usage: sudo bash scripts/deb-bare-test.sh build/package/backprop-studio_*.deb
set -u
deb=$(realpath "$1")
base=/tmp/fresh-machine/base.tar
[ -s "$base" ] || { echo "run ../shared/tools/fresh-machine once first (it makes $base)"; exit 2; }
R=$(mktemp -d /tmp/fresh-machine/deb-XXXX)
cleanup() { umount "$R/proc" 2>/dev/null; umount "$R/dev" 2>/dev/null || umount -l "$R/dev"; rm -rf "$R"; }
trap cleanup EXIT
tar -C "$R" -xf "$base"
mount -t proc proc "$R/proc" && mount --bind /dev "$R/dev"
cp "$deb" "$R/root/"
chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 bash -c '
set -eu
cd /root
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null 2>&1
echo "== apt install ./$(ls *.deb)"
apt-get install -y -q ./*.deb 2>/dev/null | sed -n "/NEW packages/,/upgraded/p"
files=$(dpkg -L backprop-studio)
cd /
echo "== from /: backprop-cli and backprop-studio"
backprop-cli --version
backprop-cli trace /usr/share/backprop-studio/presets/mazur-2-2-2.json | grep "\"loss\""
backprop-studio --version
echo "presets found by the installed app: $(backprop-studio --list-presets | wc -l)"
apt-get install -y -q --no-install-recommends xvfb xauth >/dev/null 2>&1   # a display for the test only
mkdir -p /tmp/u
HOME=/tmp/u xvfb-run -a -s "-screen 0 1280x800x24" backprop-studio --frames 5 --screenshot /tmp/installed.png
echo "window rendered: $(stat -c %s /tmp/installed.png) bytes of PNG"
apt-get remove -y -q --purge backprop-studio >/dev/null 2>&1
for f in $files; do [ -f "$f" ] && { echo "left behind: $f"; exit 1; }; done
echo "purged: none of the package files is left"
'
rc=$?
echo "deb-bare-test: exit $rc"
exit $rc
