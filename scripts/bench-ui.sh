#!/usr/bin/env bash
# The UI benchmark (issue 8): builds the release app and runs `backprop-studio --bench SCENARIO` under
# xvfb-run for every scenario, printing the CPU time per frame of the app's own code (median and 99th
# percentile), the loss curve's share, and the time from process start to the first frame, with each
# target marked PASS or MISS. Nothing is asserted: the numbers are for docs/PERFORMANCE.md.
# Usage: bash scripts/bench-ui.sh [FRAMES]        (default 300 frames per scenario)
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-300}
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target backprop-studio >/dev/null
app=build/release/app/studio/backprop-studio
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== software OpenGL under Xvfb: the GL draw calls are timed apart and not counted as our code"
for scenario in start spiral wide largest loss; do
  xvfb-run -a -s "-screen 0 1280x800x24" "$app" --bench "$scenario" --frames "$frames" --size 1280x800
done
