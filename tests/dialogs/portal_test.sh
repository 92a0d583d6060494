#!/usr/bin/env bash
# The desktop dialog's portal path, on a private session bus (run it under dbus-run-session): with a
# mock xdg-desktop-portal answering (python3-dbusmock and tests/dialogs/mock_portal.py), or with no
# portal on the bus, where the dialog must fall back. Runs studio_tests' DesktopDialogOnTheBus tests.
# Usage: dbus-run-session -- bash portal_test.sh mock|none STUDIO_TESTS
set -euo pipefail
mode=$1 tests=$2
here=$(cd "$(dirname "$0")" && pwd)
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "no session bus: run it under dbus-run-session"; exit 1; }
folder=$(mktemp -d "/tmp/bp-portal ü-XXXXXX")  # a space and a non-ASCII letter: the URI must be decoded
mock=""
trap '[ -n "$mock" ] && kill "$mock" 2>/dev/null; rm -rf "$folder"' EXIT
if [ "$mode" = mock ]; then
  /usr/bin/python3 -m dbusmock --session --template "$here/mock_portal.py" \
    -p "{\"folder\": \"$folder\"}" >"$folder/mock.log" 2>&1 &
  mock=$!
  gdbus wait --session --timeout 20 org.freedesktop.portal.Desktop \
    || { cat "$folder/mock.log"; echo "the mock portal did not start"; exit 1; }
fi
BP_TEST_PORTAL=$mode BP_TEST_PORTAL_DIR=$folder "$tests" --gtest_filter='DesktopDialogOnTheBus.*'
