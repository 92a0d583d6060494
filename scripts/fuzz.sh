#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz and fuzzes each for a bounded
# time; exits non-zero on any crash, leak, timeout (> 10 s per input) or memory use above 2 GB.
# Usage: bash scripts/fuzz.sh                 40 s per target, five targets: about 4 minutes
#        bash scripts/fuzz.sh --seconds 60    per target
#        bash scripts/fuzz.sh --minutes 30    per target (a long run)
#        bash scripts/fuzz.sh --target fuzz_loader   one target only
# The growing corpus lives in build-fuzz/fuzz-corpus/<target>; the seeds in tests/fuzz/corpus stay as they
# are. A crash leaves its input in build-fuzz/fuzz-artifacts/ and the command to replay it is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=40
targets=(fuzz_loader fuzz_cli_args fuzz_answers fuzz_expression fuzz_lesson)
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --target) targets=("$2"); shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

bash scripts/setup.sh clang libclang-rt-14-dev
build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBP_FUZZ=ON -DBP_WERROR=ON \
  -DBP_UNITY=ON -DBP_BUILD_APP=OFF -DBP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

seeds_of() {  # the read-only seed folders of a target
  case "$1" in
    fuzz_loader) echo "tests/fuzz/corpus/loader tests/data/bad" ;;
    fuzz_cli_args) echo "tests/fuzz/corpus/cli_args" ;;
    fuzz_answers) echo "tests/fuzz/corpus/answers" ;;
    fuzz_expression) echo "tests/fuzz/corpus/expression" ;;
    fuzz_lesson) echo "tests/fuzz/corpus/lesson assets/lessons" ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  extra=()
  [ "$t" = fuzz_loader ] && extra=(-dict=tests/fuzz/network.dict)
  [ "$t" = fuzz_answers ] && extra=(-dict=tests/fuzz/answers.dict)
  [ "$t" = fuzz_lesson ] && extra=(-dict=tests/fuzz/lesson.dict)
  log="$build/fuzz-$t.log"
  echo "fuzz: $t for ${seconds} s (log: $log)"
  # The first folder receives new inputs; the seed folders are only read.
  # shellcheck disable=SC2046
  if "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="$artifacts" "${extra[@]}" "$corpus" $(seeds_of "$t") >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $t clean: $runs executions in ${seconds} s"
  else
    status=1
    echo "fuzz: $t FAILED; the end of its log:" >&2
    grep -v '^#\|Uses:' "$log" | tail -40 >&2
    for a in "$artifacts"*; do
      [ -e "$a" ] && echo "fuzz: replay with: $build/tests/fuzz/$t $a" >&2
    done
  fi
done
exit $status
