#!/usr/bin/env bash
# Regenerates the shelter slide screenshots in docs/screenshots/: 「この近くの指定緊急避難場所」 made
# from 松山市's 指定緊急避難場所一覧 (open data, CC BY; read from ../shared/testdata/opendata, not kept
# in the repository) for a kiosk near 松山市役所, in both orientations, in Japanese and English, and
# its detail view.
# Usage: docs/screenshots/shelter-slide.sh [path/to/machikado]
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
near=33.8416,132.7657
for lang in ja en; do
  for size in 1920x1080 1080x1920; do
    orient=landscape
    [ "$size" = 1080x1920 ] && orient=portrait
    "$bin" render --feed "$tmp/shelters.json" --near "$near" --at "$at" --lang "$lang" \
      --size "$size" --out "$tmp/$lang-$orient" --detail >/dev/null
    cp "$tmp/$lang-$orient/"*-shelters-nearby.png "$dest/shelter-slide-$orient-$lang.png"
  done
done
cp "$tmp/ja-landscape/"*-shelters-nearby.detail.png "$dest/detail-shelter-slide-ja.png"
ls -1 "$dest"/*shelter-slide*.png
