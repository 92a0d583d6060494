#!/usr/bin/env bash
# The PyTorch side of export and import, which CI leaves out: python3-torch is 168 MB to download and
# about 2 minutes to install on CI's bare machine (239 packages), for tests that take 30 s. Installs it,
# builds backprop-cli and runs CTest's export tests with PyTorch required (a missing torch fails instead
# of skipping): export.numpy, export.pytorch (every preset and the grid of networks against backprop-cli
# train) and export.import (save_network's round trip, students' models, refusals).
# Run it before every submission that touches engine/export, app/cli/cmd_export.cpp, tests/export or
# assets/python/backprop_studio.py.   Usage: bash scripts/check-export-torch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh python3-torch
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target backprop-cli
BP_REQUIRE_TORCH=1 ctest --preset release -R '^export\.' --no-tests=error
