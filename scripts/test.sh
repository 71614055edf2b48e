#!/usr/bin/env bash
# Builds cio-studio and runs the whole test suite (CTest) on the offscreen platform.
# Usage: scripts/test.sh [ci|dev|asan]   (CMake preset; default: ci, warnings are errors)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-ci}

scripts/bootstrap.sh

start=$(date +%s)
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
built=$(date +%s)

# A private D-Bus session bus, so that no test can reach the developer's own desktop services.
dbus-run-session -- ctest --preset "$preset" -j2 "${@:2}"
finished=$(date +%s)
echo "Build: $((built - start)) s, tests: $((finished - built)) s"
