#!/usr/bin/env bash
# The engine benchmark (issue 8): our engine side by side with PyTorch (float64 and float32, one thread)
# and NumPy on the same networks, data, initial weights and hyper-parameters; checks that all reach the
# same loss, prints steps/s, samples/s, GFLOP/s, the ratios and PASS/MISS per target, then the Google
# Benchmark timings of the kernels; then the whole-process CLI benchmark (scripts/bench-cli.sh). Installs
# python3-torch, python3-numpy and nodejs for these benchmarks only.
# Usage: bash scripts/bench-engine.sh        (build directory: $BP_BENCH_BUILD_DIR, default build/bench)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh python3-torch python3-numpy
build=${BP_BENCH_BUILD_DIR:-build/bench}
log="$build/bench-build.log"
mkdir -p "$build"
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBP_BUILD_BENCHMARKS=ON -DBP_BUILD_APP=OFF &&
       cmake --build "$build" -j"$(nproc)" --target engine_workloads engine_bench; } >"$log" 2>&1; then
  tail -30 "$log" >&2
  echo "bench-engine: the build failed (full log: $log)" >&2
  exit 1
fi

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== single-core ceilings (engine_bench peak/*)"
"$build/tests/bench/engine_bench" --benchmark_filter='^peak/' --benchmark_min_time=0.2 \
  --benchmark_out="$build/peaks.json" --benchmark_out_format=json 2>/dev/null | grep '^peak/'
echo "== ours vs PyTorch vs NumPy (rates from the median CPU time of the runs)"
/usr/bin/python3 tests/bench/bench_engine.py --build "$build" --peaks "$build/peaks.json" --json "$build/bench-results.json"
echo "== engine kernels (Google Benchmark)"
"$build/tests/bench/engine_bench" --benchmark_filter='^(forward|backward|train_step|stepper|paths)/' \
  --benchmark_min_time=0.1 2>/dev/null | grep -E '^(forward|backward|train_step|stepper|paths)/|^Benchmark|^-'
echo
bash scripts/bench-cli.sh
