#!/usr/bin/env bash
# Sets up (Debian packages), builds the release preset and starts Backprop Studio.
# Usage: bash scripts/run.sh [FILE | backprop-studio options]   (no argument: the built-in example)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null
exec ./build/release/app/studio/backprop-studio "$@"
