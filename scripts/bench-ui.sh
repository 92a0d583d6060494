#!/usr/bin/env bash
# The UI benchmark (issue 8): builds the release app and runs `backprop-studio --bench SCENARIO` under
# xvfb-run for every scenario, printing the CPU time per frame of the app's own code (median and 99th
# percentile), the loss curve's share, and the time from process start to the first frame, with each
# target marked PASS or MISS; then the live Lab (issue 25: `--bench live`, training on its worker thread
# with every view on) three times, with the medians. Nothing is asserted: the numbers are for
# docs/PERFORMANCE.md. The live run's frame rate needs the machine to itself (two free cores).
# Usage: bash scripts/bench-ui.sh [FRAMES [LIVE_SECONDS]]   (default 300 frames per scenario; live: 10^6 steps)
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-300}
live_seconds=${2:-0}
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target backprop-studio >/dev/null
app=build/release/app/studio/backprop-studio
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== software OpenGL under Xvfb: the GL draw calls are timed apart and not counted as our code"
for scenario in start spiral wide largest loss; do
  xvfb-run -a -s "-screen 0 1280x800x24" "$app" --bench "$scenario" --frames "$frames" --size 1280x800
done
echo "== the live Lab, three runs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
live=()
for run in 1 2 3; do
  args=(--bench live --size 1280x800)
  [ "$live_seconds" != 0 ] && args+=(--seconds "$live_seconds")
  out=$(xvfb-run -a -s "-screen 0 1280x800x24" "$app" "${args[@]}")
  printf '%s\n' "$out" | sed 1d
  live+=("$(printf '%s\n' "$out" | head -1)")
done
printf '%s\n' "${live[@]}" | python3 -c '
import json, statistics, sys
runs = [json.loads(line) for line in sys.stdin if line.strip()]
def median(key): return statistics.median(r[key] for r in runs)
print("live, median of %d runs: %.0f samples/s = %.1f x Playground (target >= 40: %s), %.1f frames/s (target >= 55: %s), 99th percentile frame %.1f ms" % (
    len(runs), median("samples_per_second"), median("ratio_to_playground"), "PASS" if median("ratio_to_playground") >= 40 else "MISS",
    median("frames_per_second"), "PASS" if median("frames_per_second") >= 55 else "MISS", median("frame_p99_ms")))
'
