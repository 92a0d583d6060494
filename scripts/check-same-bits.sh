#!/usr/bin/env bash
# Checks that the engine gives the same bits whichever vector code runs: builds it three times in Release
# — as shipped (AVX-512, AVX2 and SSE2 clones, the CPU picks one), AVX2 only (-march=x86-64-v3, no clones)
# and baseline SSE2 only (no clones) — runs the engine tests in each, then trains workloads (a), (b) and (c)
# of the engine benchmark STEPS steps (default 300) in each and compares a hash of every parameter's bits.
# Usage: bash scripts/check-same-bits.sh [STEPS]     (build directories: build/bits-*; takes minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-300}
specs=build/bits-specs
python3 -c "import sys; sys.path.insert(0, 'tests/bench'); import bench_spec; bench_spec.write_specs('$specs')"
declare -A flags=([clones]="" [avx2]="-march=x86-64-v3 -DBP_VECTOR_CLONES=" [sse2]="-DBP_VECTOR_CLONES=")
for name in clones avx2 sse2; do
  dir=build/bits-$name
  echo "== $name: building (CXXFLAGS: ${flags[$name]:-none})"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DBP_BUILD_BENCHMARKS=ON -DBP_BUILD_APP=OFF \
    -DCMAKE_CXX_FLAGS="${flags[$name]}" >"$dir.log" 2>&1
  cmake --build "$dir" -j"$(nproc)" --target engine_tests engine_workloads >>"$dir.log" 2>&1 ||
    { tail -20 "$dir.log"; echo "check-same-bits: the $name build failed (log: $dir.log)" >&2; exit 1; }
  "$dir/tests/engine_tests" --gtest_brief=1 >"$dir.tests" 2>&1 ||
    { cat "$dir.tests"; echo "check-same-bits: engine tests failed in the $name build" >&2; exit 1; }
  tail -1 "$dir.tests"
  "$dir/tests/bench/engine_workloads" --digest "$steps" "$specs"/workload_*.json >"$dir.digest"
  cat "$dir.digest"
done
if cmp -s build/bits-clones.digest build/bits-avx2.digest && cmp -s build/bits-clones.digest build/bits-sse2.digest; then
  echo "same bits: every parameter after $steps steps of each workload is identical in the three builds"
else
  echo "check-same-bits: the builds differ" >&2
  exit 1
fi
