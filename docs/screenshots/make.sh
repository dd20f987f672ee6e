#!/usr/bin/env bash
# Regenerates docs/screenshots/: every template (news, preparedness, alert L3, takeover L4 and L5,
# exercise, project) in both orientations, in Japanese and English, with `machikado render` on
# tests/golden/feed.json at a fixed time. Usage: docs/screenshots/make.sh [path/to/machikado]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/build/machikado}"
dest="$here/docs/screenshots"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for lang in ja en; do
  for size in 1920x1080 1080x1920; do
    orient=landscape
    [ "$size" = 1080x1920 ] && orient=portrait
    "$bin" render --feed "$here/tests/golden/feed.json" --out "$tmp/$lang-$orient" --size "$size" \
      --lang "$lang" --at 2026-11-23T14:05:00+09:00 >/dev/null
    for png in "$tmp/$lang-$orient"/*.png; do
      id="$(basename "$png" .png)"; id="${id#*-}"; id="${id#g-}"
      cp "$png" "$dest/$id-$orient-$lang.png"
    done
  done
done
# The offline indicator, once per orientation.
"$bin" render --feed "$here/tests/golden/feed.json" --out "$tmp/offline" --size 1920x1080 \
  --at 2026-11-23T14:05:00+09:00 --offline-since 2026-11-23T10:42:00+09:00 >/dev/null
cp "$tmp/offline/"*-g-news.png "$dest/news-offline-landscape-ja.png"
ls "$dest"/*.png | wc -l
