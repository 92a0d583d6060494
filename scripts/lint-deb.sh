#!/usr/bin/env bash
# Checks Debian packages with lintian: every tag it finds is printed, and an error fails (exit 1).
# Installs lintian first (setup.sh). scripts/package.sh and CI's package stage run it.
# Usage: bash scripts/lint-deb.sh PACKAGE.deb...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: lint-deb.sh PACKAGE.deb..." >&2; exit 2; }
bash "$(dirname "$0")/setup.sh" lintian
# lintian warns when run as root (CI's case); that note is not about the package.
if lintian --fail-on error "$@" 2> >(grep -v 'running with root privileges' >&2); then
  echo "lintian: no errors in $*"
else
  echo "lintian: the package has errors (see the E: lines above)" >&2
  exit 1
fi
