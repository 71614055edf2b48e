#!/usr/bin/env bash
# Installs what is missing, builds cio-studio and opens it on the demo workspace
# (the built-in sandbox: no Customer.io account needed).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target cio-studio cio-studio-cli cio-sandbox
exec build/app/cio-studio --demo "$@"
