#!/usr/bin/env bash
# One command: installs what is missing, builds, and starts the kiosk on the bundled demo feeds.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/deploy/install-deps.sh"
bash "$here/deploy/build.sh"
build="${MACHIKADO_BUILD_DIR:-$here/build}"
exec "$build/machikado" "$@"
