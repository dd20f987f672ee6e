#!/usr/bin/env bash
# Regenerates the detail-view screenshots in docs/screenshots/ from the demo feeds with
# `machikado render --detail` (headless). Usage: docs/screenshots/detail-screenshots.sh [machikado binary]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/build/machikado}"
dest="$here/docs/screenshots"
demo="$here/feeds/demo"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
at=2026-11-23T10:00:00+09:00
feeds=(--feed "$demo/news.json" --feed "$demo/alerts.json" --feed "$demo/drill.json" --feed "$demo/preparedness.json")

shot() {  # shot NAME LANG SIZE ITEM-ID
  local name="$1" lang="$2" size="$3" id="$4" dir="$tmp/$2-$3"
  if [ ! -d "$dir" ]; then
    "$bin" render "${feeds[@]}" --at "$at" --lang "$lang" --size "$size" --out "$dir" --detail >/dev/null
  fi
  local src
  src="$(ls "$dir"/[0-9][0-9][0-9]-"$id".detail.png | head -n 1)"
  cp "$src" "$dest/$name.png"
  echo "$name.png  ←  $(basename "$src") ($lang, $size)"
}

shot detail-news-ja ja 1920x1080 news-smartphone-soudankai
shot detail-news-en en 1920x1080 news-smartphone-soudankai
shot detail-news-easy-ja ja-x-easy 1920x1080 news-smartphone-soudankai
shot detail-news-ko ko 1920x1080 news-bousaijuku-zaitaku
shot detail-alert-shelters-ja ja 1920x1080 alert-l4-gakesen-landslide
shot detail-exercise-ja ja 1920x1080 drill-ikejiri-jishin-kunren
shot detail-preparedness-easy-ja ja-x-easy 1920x1080 prep-kagu-tentou-boushi
shot detail-alert-portrait-ja ja 1080x1920 alert-l4-gakesen-landslide
