#!/usr/bin/env bash
# The slow rows of the hostile-world suite (docs/RELIABILITY.md), too slow for every CI run: 10⁶-sample
# files and the limits around them, 30 million training steps under a memory limit, a real full disk (a
# 1 MB tmpfs, when root may mount one), and kill -9 at random moments while backprop-cli saves --out.
# The fast rows run with CTest (ctest -R Hostile). Prints one line per case and exits 1 if any failed.
# Usage: bash scripts/hostile-slow.sh [--steps N]     (N: the long run's steps, default 30000000)
#        BP_CLI=path/to/backprop-cli bash scripts/hostile-slow.sh   (default: build/release's)
set -euo pipefail
cd "$(dirname "$0")/.."

steps=30000000
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) steps="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "hostile-slow.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

cli=${BP_CLI:-build/release/app/cli/backprop-cli}
if [ ! -x "$cli" ]; then
  cmake --preset release >/dev/null
  cmake --build build/release -j"$(nproc)" --target backprop-cli
fi
cli=$(realpath "$cli")
work=$(mktemp -d /tmp/bp-hostile-slow.XXXXXX)
mounted=""
cleanup() { [ -n "$mounted" ] && umount "$mounted" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
failures=0
report() {  # report NAME OK DETAIL
  if [ "$2" = ok ]; then printf 'ok    %-58s %s\n' "$1" "$3"; else printf 'FAIL  %-58s %s\n' "$1" "$3"; failures=$((failures + 1)); fi
}
# Runs a command and prints its peak resident set in KiB (0 without GNU time: `apt-get install time`).
peak_kb() {
  if [ -x /usr/bin/time ]; then /usr/bin/time -f %M -o "$work/time.txt" "$@" >/dev/null && cat "$work/time.txt"
  else "$@" >/dev/null && echo 0; fi
}

# ---- 10⁶ samples: the largest data set the loader takes, and one sample more ----
python3 - "$work" <<'EOF'
import random, sys
random.seed(1)
work = sys.argv[1]
head = ('{"layers": [{"size": 2}, {"size": 3, "activation": "tanh", "weights": [[0.1, 0.2], [0.3, -0.1], [0.5, 0.2]],'
        ' "biases": [0, 0, 0]}, {"size": 1, "activation": "sigmoid", "weights": [[0.3, 0.2, -0.4]], "biases": [0]}],'
        ' "loss": "mse_half", "training": {"batch_size": 32}, "data": {"inputs": [')
for name, n in (("million", 10**6), ("million-and-one", 10**6 + 1)):
    with open(f"{work}/{name}.json", "w") as f:
        f.write(head + ",".join("[%r,%r]" % (random.random(), random.random()) for _ in range(n)))
        f.write('], "targets": [' + ",".join("[%r]" % random.random() for _ in range(n)) + "]}}")
EOF
size=$(stat -c %s "$work/million.json")
start=$(date +%s%3N)
if kb=$(peak_kb "$cli" train "$work/million.json" --steps 1000 --every 1000 --out "$work/million-out.json" 2>"$work/err"); then
  report "10^6 samples ($((size / 1000000)) MB): train 1000 steps, --out" ok \
    "$(( ($(date +%s%3N) - start) / 1000 )).$(( ($(date +%s%3N) - start) % 1000 / 100 )) s, peak $((kb / 1024)) MB"
else
  report "10^6 samples: train 1000 steps, --out" fail "$(cat "$work/err")"
fi
if "$cli" trace "$work/million-and-one.json" >/dev/null 2>"$work/err"; then
  report "10^6 + 1 samples: refused" fail "it loaded"
elif grep -q "has too many rows (1000001): the limit is 1000000 samples" "$work/err"; then
  report "10^6 + 1 samples: refused with the limit named" ok "$(head -c 80 "$work/err")…"
else
  report "10^6 + 1 samples: refused with the limit named" fail "$(cat "$work/err")"
fi
# 129 MiB of real bytes (not sparse): refused by its size, before it is read
head -c $((129 << 20)) /dev/zero | tr '\0' ' ' > "$work/huge.json"
if "$cli" trace "$work/huge.json" 2>"$work/err" >/dev/null || ! grep -q "larger than the 128 MiB" "$work/err"; then
  report "a 129 MiB file: refused by its size" fail "$(cat "$work/err")"
else
  report "a 129 MiB file: refused by its size" ok "$(cat "$work/err")"
fi
rm -f "$work/huge.json" "$work/million-and-one.json"

# ---- $steps steps under a memory limit: the log streams, complete, exit 0 ----
cp assets/presets/mazur-2-2-2.json "$work/net.json"
start=$(date +%s)
status=0
kb=$( (ulimit -v $((256 * 1024)); peak_kb "$cli" train "$work/net.json" --steps "$steps" --log "$work/loss.csv" \
       --out "$work/long-out.json" 2>"$work/err") ) || status=$?
rows=$(wc -l < "$work/loss.csv" 2>/dev/null || echo 0)
last=$(tail -n 1 "$work/loss.csv" 2>/dev/null || true)
if [ "$status" -eq 0 ] && [ "$rows" -eq $((steps + 1)) ] && [[ "$last" =~ ^$((steps - 1)),[0-9.e+-]+$ ]]; then
  report "$steps steps under a 256 MB address-space limit, --log" ok \
    "$(( $(date +%s) - start )) s, peak $((kb / 1024)) MB, $rows log rows, last: $last"
else
  report "$steps steps under a 256 MB address-space limit, --log" fail "status $status, $rows rows, last '$last': $(cat "$work/err")"
fi
rm -f "$work/loss.csv"

# ---- a real full disk: the log on a 1 MB tmpfs (root only) ----
if [ "$(id -u)" -eq 0 ] && mkdir -p "$work/small" && mount -t tmpfs -o size=1m tmpfs "$work/small" 2>/dev/null; then
  mounted="$work/small"
  status=0
  "$cli" train "$work/net.json" --steps 10000000 --log "$work/small/loss.csv" --out "$work/disk-out.json" \
    >/dev/null 2>"$work/err" || status=$?
  if [ "$status" -eq 1 ] && grep -q "No space left on device" "$work/err" && [ -s "$work/disk-out.json" ] &&
     [ ! -e "$work/small/loss.csv" ] && [ -z "$(ls -A "$work/small")" ]; then
    report "a full disk (1 MB tmpfs) under --log" ok "$(cat "$work/err")"
  else
    report "a full disk (1 MB tmpfs) under --log" fail "status $status: $(cat "$work/err"); left: $(ls -A "$work/small")"
  fi
  umount "$work/small" && mounted=""
else
  echo "skip  a full disk (1 MB tmpfs): needs root and mount (the CTest suite covers it with RLIMIT_FSIZE)"
fi

# ---- kill -9 at random moments while --out is saved: always the complete old or new file ----
python3 - "$work/big.json" <<'EOF'
import json, math, sys
sizes = [64, 128, 128, 2]
layers = [{"size": 64}]
for l in range(1, 4):
    layers.append({"size": sizes[l], "activation": "tanh" if l < 3 else "sigmoid",
                   "weights": [[math.sin(l * 1000 + j * 64 + k) for k in range(sizes[l - 1])] for j in range(sizes[l])],
                   "biases": [0.0] * sizes[l]})
data = {"inputs": [[math.cos(n + k) for k in range(64)] for n in range(4)], "targets": [[0.2, 0.8]] * 4}
json.dump({"layers": layers, "loss": "mse_half", "data": data}, open(sys.argv[1], "w"))
EOF
"$cli" train "$work/big.json" --steps 1 --out "$work/kill-out.json" >/dev/null
old=$(md5sum < "$work/kill-out.json")
"$cli" train "$work/big.json" --steps 2 --out "$work/kill-new.json" >/dev/null
new=$(md5sum < "$work/kill-new.json")
bad=0
left=0
for round in $(seq 1 40); do
  "$cli" train "$work/big.json" --steps $((round % 2 + 1)) --out "$work/kill-out.json" >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 60 + 10))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  now=$(md5sum < "$work/kill-out.json")
  [ "$now" = "$old" ] || [ "$now" = "$new" ] || bad=$((bad + 1))
  left=$((left + $(find "$work" -maxdepth 1 -name 'kill-out.json.tmp-*' | wc -l)))  # the next run removes it
done
"$cli" train "$work/big.json" --steps 1 --out "$work/kill-out.json" >/dev/null
after=$(find "$work" -maxdepth 1 -name 'kill-out.json.tmp-*' | wc -l)
if [ "$bad" -eq 0 ] && [ "$after" -eq 0 ]; then
  report "kill -9 during 40 saves of --out (0.5 MB)" ok "always complete; $left kills left a temporary file, removed by the next run"
else
  report "kill -9 during 40 saves of --out (0.5 MB)" fail "$bad partial files; $after leftovers after the last run"
fi

# ---- the window with a 10⁶-sample data set: frames keep coming while the Lab trains (real input) ----
studio=$(dirname "$cli")/../studio/backprop-studio
if [ -x "$studio" ] && BP_SLOW_TESTS=1 APP=$(realpath "$studio") bash tests/window/real/big_data.sh >"$work/big_data.log" 2>&1; then
  report "the window trains on 10⁶ samples (real.big_data)" ok "$(grep -c '^ok at' "$work/big_data.log") sizes, frames kept coming"
else
  report "the window trains on 10⁶ samples (real.big_data)" fail "$(grep -m1 FAIL "$work/big_data.log")"
fi

[ "$failures" -eq 0 ] || { echo "$failures case(s) failed"; exit 1; }
echo "all cases passed"
