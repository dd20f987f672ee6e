#!/usr/bin/env bash
# The shelter slide end to end: `machikado render` makes 「この近くの指定緊急避難場所」 from the
# register of the feeds given, for the position of --near or of the config's shelter_slide, in both
# orientations; no position and no ids means no slide; check-config refuses a bad shelter_map_url.
. "$(dirname "$0")/lib.sh"
bin="$1"
tmp="$T_WORK"
reg=tests/shelters/register.json
at=2026-11-23T14:05:00+09:00
"$bin" validate "$reg" >/dev/null
for size in 1920x1080 1080x1920; do
  "$bin" render --feed "$reg" --near 35.6505,139.6845 --out "$tmp/$size" --size "$size" --at "$at" \
    --detail >/dev/null
  layout=$(ls "$tmp/$size"/*-shelters-nearby.layout.json)
  grep -q '"この近くの指定緊急避難場所"' "$layout"
  grep -q '"みどり台小学校"' "$layout"   # the nearest (≈ 90 m)
  grep -q '"約90m"' "$layout"
  grep -q '"対応する災害"' "$layout"
  if grep -q 'みどり山展望広場' "$layout"; then echo "$size: a shelter 3 km away is listed"; exit 1; fi
  ls "$tmp/$size"/*-shelters-nearby.detail.png >/dev/null
  grep -q '"qr"' "$(ls "$tmp/$size"/*-shelters-nearby.detail.layout.json)"
done
# English, by ids from a config (no position: no distances), with a map URL template.
cat >"$tmp/kiosk.json" <<JSON
{"feeds": ["$PWD/$reg"], "language": "en",
 "shelter_slide": {"ids": ["X-0006", "X-0001"]},
 "shelter_map_url": "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"}
JSON
"$bin" check-config "$tmp/kiosk.json" >/dev/null
"$bin" render --config "$tmp/kiosk.json" --out "$tmp/en" --at "$at" >/dev/null
layout=$(ls "$tmp/en"/*-shelters-nearby.layout.json)
grep -q '"Designated emergency evacuation sites near here"' "$layout"
grep -q '"みどり山展望広場"' "$layout"   # no English name: the Japanese one
if grep -q 'as the crow flies' "$layout"; then echo "distances without a position"; exit 1; fi
# Without position or ids there is no shelter slide.
"$bin" render --feed "$reg" --out "$tmp/none" --at "$at" >/dev/null || true
if ls "$tmp/none" 2>/dev/null | grep -q shelters-nearby; then echo "slide without a position"; exit 1; fi
# A template that points nowhere is refused.
echo '{"shelter_map_url": "https://maps.example.jp/"}' >"$tmp/bad.json"
set +e
"$bin" check-config "$tmp/bad.json" >"$tmp/out" 2>&1; rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "check-config accepted a map URL without position (exit $rc)"; exit 1; }
grep -q "/shelter_map_url" "$tmp/out"
echo ok
