#!/usr/bin/env bash
# Regenerates the shelters-by-reference screenshots in docs/screenshots/: the register imported from
# 松山市's 指定緊急避難場所一覧 (open data, CC BY; read from ../shared/testdata/opendata, not kept in
# the repository) and an example tsunami alert (shelter-refs/alert.json) that lists four of its
# shelters by reference: takeover in both orientations and the detail view.
# Usage: docs/screenshots/shelter-refs.sh [path/to/machikado]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/build/machikado}"
dest="$here/docs/screenshots"
csv="$here/../shared/testdata/opendata/382019_evacuation_space.csv"
[ -f "$csv" ] || { echo "needs $csv" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" import shelters --id matsuyama.shelters --out "$tmp/shelters.json" "$csv" 2>/dev/null
at=2026-11-23T14:05:00+09:00
for size in 1920x1080 1080x1920; do
  orient=landscape
  [ "$size" = 1080x1920 ] && orient=portrait
  "$bin" render --feed "$dest/shelter-refs/alert.json" --feed "$tmp/shelters.json" --at "$at" \
    --size "$size" --out "$tmp/$orient" --detail >/dev/null
  cp "$tmp/$orient/"*-alert-tsunami-l4.png "$dest/takeover-shelter-refs-$orient-ja.png"
  [ "$orient" = landscape ] && cp "$tmp/$orient/"*-alert-tsunami-l4.detail.png \
    "$dest/detail-shelter-refs-ja.png"
done
ls -1 "$dest"/*shelter-refs*.png
