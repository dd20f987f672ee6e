#!/usr/bin/env bash
# Refreshes the golden images of tests/golden/ from tests/golden/feed.json: every template in both
# orientations, at half scale (960x540, 540x960) to keep the PNGs small. Deterministic: fixed --at
# time, fixed fonts. Usage: tests/update-goldens.sh [path/to/machikado]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/build/machikado}"
at="2026-11-23T14:05:00+09:00"
for size in 960x540 540x960; do
  out="$here/tests/golden/$size"
  rm -rf "$out"
  "$bin" render --feed "$here/tests/golden/feed.json" --out "$out" --size "$size" --at "$at" --include-test
  rm -f "$out"/*.layout.json
done
echo "goldens refreshed; review the PNGs before committing"
