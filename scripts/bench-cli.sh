#!/usr/bin/env bash
# The whole-process CLI benchmark: `backprop-cli train` (start-up, the network file in, per-sample SGD, a
# "step loss" line per step, the trained network out) on tests/bench/circle-2-8-8-1.json against
# TensorFlow Playground's training core (100 000 steps, target ≥ 5×) and PyTorch float64's training loop
# (10 000 steps, target ≥ 200×); checks that all reach the same final loss and prints the ratios.
# Installs nodejs and python3-torch for this benchmark only (tests/bench/bench_cli.py says how it times).
# Usage: bash scripts/bench-cli.sh        (build directory: $BP_BENCH_BUILD_DIR, default build/bench)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh nodejs python3-torch
build=${BP_BENCH_BUILD_DIR:-build/bench}
peer=../shared/peers/tfp/peer_core.js
[ -f "$peer" ] || { echo "bench-cli: the Playground peer is missing: $peer" >&2; exit 1; }
log="$build/bench-cli-build.log"
mkdir -p "$build"
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBP_BUILD_BENCHMARKS=ON -DBP_BUILD_APP=OFF &&
       cmake --build "$build" -j"$(nproc)" --target backprop-cli; } >"$log" 2>&1; then
  tail -30 "$log" >&2
  echo "bench-cli: the build failed (full log: $log)" >&2
  exit 1
fi
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== backprop-cli train (whole process) vs TensorFlow Playground's core and PyTorch float64"
/usr/bin/python3 tests/bench/bench_cli.py --cli "$build/app/cli/backprop-cli" --net tests/bench/circle-2-8-8-1.json \
  --tfp "$peer" --work "$build/bench-cli" --json "$build/bench-cli-results.json"
