#!/usr/bin/env bash
# Builds the Debian package build/package/backprop-studio_<version>_<arch>.deb with CPack and checks it
# with lintian (an error fails the script). Install it with: sudo apt install ./build/package/backprop-studio_*.deb
# With a build folder as argument it packages that build as it is instead (CI: the tested release build).
# Usage: bash scripts/package.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/package}
bash scripts/setup.sh dpkg-dev file
if [ $# -eq 0 ]; then
  cmake -S . -B build/package -DCMAKE_BUILD_TYPE=Release -DBP_BUILD_TESTS=OFF -DBP_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build/package -j"$(nproc)"
fi
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >/dev/null)
bash scripts/lint-deb.sh "$build"/*.deb
ls "$build"/*.deb
