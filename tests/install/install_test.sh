#!/usr/bin/env bash
# Installs the build into a temporary DESTDIR and runs the installed programs from a directory outside
# the source and build trees: a path that only works from the build tree fails here.
# Usage: install_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
stage=$(mktemp -d /tmp/bp-install-XXXXXX)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage" cmake --install "$build" --prefix /opt/backprop-studio >/dev/null
root="$stage/opt/backprop-studio"
for f in bin/backprop-cli bin/backprop-studio share/backprop-studio/presets/mazur-2-2-2.json \
         share/backprop-studio/expressions/exp-exp-x-squared.json \
         share/backprop-studio/lessons/notes-004-delta-recurrence.md share/backprop-studio/lessons/first-steps.md \
         share/applications/backprop-studio.desktop share/icons/hicolor/scalable/apps/backprop-studio.svg \
         share/icons/hicolor/48x48/apps/backprop-studio.png share/man/man1/backprop-cli.1.gz \
         share/man/man1/backprop-studio.1.gz share/doc/backprop-studio/README.md share/doc/backprop-studio/copyright \
         share/backprop-studio/python/backprop_studio.py; do
  [ -e "$root/$f" ] || { echo "not installed: $f"; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/share/applications/backprop-studio.desktop" \
    || { echo "the .desktop entry does not pass desktop-file-validate"; exit 1; }
fi
cd "$stage"   # outside the source and build trees
out=$("$root/bin/backprop-cli" trace "$root/share/backprop-studio/presets/mazur-2-2-2.json")
echo "$out" | grep -q '"loss"' || { echo "installed backprop-cli trace printed no loss"; exit 1; }
"$root/bin/backprop-cli" --version
# The installed lessons are listed from share/ and pass their check against the installed presets.
"$root/bin/backprop-cli" lesson list | grep -q "^$root/share/backprop-studio/lessons\$" \
  || { echo "installed backprop-cli lesson list does not list share/backprop-studio/lessons"; exit 1; }
"$root/bin/backprop-cli" lesson check "$root"/share/backprop-studio/lessons/*.md >/dev/null \
  || { echo "an installed lesson does not pass lesson check"; exit 1; }
if command -v xvfb-run >/dev/null; then
  HOME="$stage/home" XDG_CONFIG_HOME="$stage/home/.config" XDG_DATA_HOME="$stage/home/.local/share" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$root/bin/backprop-studio" --frames 5 --size 1280x800 \
    --screenshot "$stage/shot.png"
  [ -s "$stage/shot.png" ] || { echo "installed backprop-studio wrote no screenshot"; exit 1; }
  # The installed app lists its presets from share/, not from the source tree.
  HOME="$stage/home" xvfb-run -a -s "-screen 0 1280x800x24" "$root/bin/backprop-studio" --list-presets \
    | grep -q mazur-2-2-2 || { echo "installed backprop-studio does not find its presets"; exit 1; }
fi
echo "install test: ok"
