#!/usr/bin/env bash
# Builds the Debian package build/package/backprop-studio_<version>_<arch>.deb with CPack.
# Install it with: sudo apt install ./build/package/backprop-studio_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dpkg-dev file
cmake -S . -B build/package -DCMAKE_BUILD_TYPE=Release -DBP_BUILD_TESTS=OFF -DBP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/package -j"$(nproc)"
(cd build/package && cpack -G DEB)
ls build/package/*.deb
