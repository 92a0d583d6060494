#!/bin/sh
# expect_exit.sh CODE PATTERN COMMAND...: runs COMMAND (no display needed) and checks its exit status is
# CODE and that its stdout+stderr contains PATTERN (a grep -E expression).
set -u
code=$1 pattern=$2
shift 2
output=$("$@" 2>&1)
rc=$?
echo "$output"
[ "$rc" -eq "$code" ] || { echo "expected exit $code, got $rc"; exit 1; }
echo "$output" | grep -Eq -- "$pattern" || { echo "output does not match: $pattern"; exit 1; }
