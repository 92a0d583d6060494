#!/usr/bin/env bash
# The AppStream metadata, as software centres read it: appstreamcli validate --no-net on the source file
# (no network in CI), its newest release is the project's version, and validate-tree on an install
# under /usr (the metainfo beside the .desktop entry it launches and the icon).
# Usage: appstream_test.sh SOURCE_DIR BUILD_DIR PROJECT_VERSION
set -euo pipefail
source_dir=$1 build=$(cd "$2" && pwd) version=$3
metainfo="$source_dir/assets/metainfo/studio.backprop.BackpropStudio.metainfo.xml"
command -v appstreamcli >/dev/null || { echo "appstreamcli is missing: scripts/setup.sh installs appstream"; exit 1; }
appstreamcli validate --no-net --explain "$metainfo"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)
[ "$newest" = "$version" ] || { echo "the newest <release> is $newest, the project is $version: add a release"; exit 1; }
stage=$(mktemp -d /tmp/bp-appstream-XXXXXX)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage" cmake --install "$build" --prefix /usr >/dev/null
appstreamcli validate-tree --no-net --explain "$stage"
echo "appstream test: ok"
