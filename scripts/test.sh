#!/usr/bin/env bash
# Sets up (Debian packages), builds the release preset and runs every test with CTest.
# Usage: bash scripts/test.sh          (README's test command; .ci/run calls exactly this)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON   # warnings are errors in CI
cmake --preset release -DBP_WERROR=$werror >/dev/null
cmake --build --preset release -j"$(nproc)"
ctest --preset release -j"$(nproc)"
