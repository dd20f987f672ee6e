#!/usr/bin/env bash
# One command: installs what is missing, builds, and runs the whole test suite.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/deploy/install-deps.sh"
bash "$here/deploy/build.sh" "$@"
build="${MACHIKADO_BUILD_DIR:-$here/build}"
cd "$build"
ctest --output-on-failure -j "$(nproc)"
