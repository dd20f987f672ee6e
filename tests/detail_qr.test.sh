#!/usr/bin/env bash
# `machikado render --detail` on the demo feeds writes a detail view per slide, and the QR code in a
# news item's detail PNG decodes (zbarimg, as a phone would) to that item's url. Skips (exit 77)
# when zbarimg is missing.
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
need zbarimg zbar-tools
need python3
out="$T_WORK/out"
demo="$here/feeds/demo"
"$bin" render --feed "$demo/news.json" --feed "$demo/alerts.json" --feed "$demo/drill.json" \
  --at 2026-11-23T10:00:00+09:00 --size 1920x1080 --out "$out" --detail >/dev/null

slides=$(ls "$out" | grep -c '^[0-9][0-9][0-9]-.*[^l]\.png$' || true)
details=$(ls "$out" | grep -c '\.detail\.png$' || true)
layouts=$(ls "$out" | grep -c '\.detail\.layout\.json$' || true)
echo "slides=$slides details=$details detail-layouts=$layouts"
[ "$details" -gt 0 ] || fail "no detail files"
[ "$details" -eq "$layouts" ] || fail "$details detail PNGs but $layouts detail layouts"

checked=0
for png in "$out"/*-news-*.detail.png; do
  id="$(basename "$png" .detail.png)"
  id="${id#[0-9][0-9][0-9]-}"
  want="$(python3 -c 'import json,sys
for it in json.load(open(sys.argv[1]))["items"]:
    if it["id"] == sys.argv[2]: print(it.get("url", ""))' "$demo/news.json" "$id")"
  [ -n "$want" ] || continue
  got="$(zbarimg --raw -q "$png" || true)"
  [ "$got" = "$want" ] || fail "$png: QR decodes to '$got', want '$want'"
  grep -q '"role":"qr"' "${png%.png}.layout.json" || grep -q '"role": "qr"' "${png%.png}.layout.json" ||
    fail "no qr box in ${png%.png}.layout.json"
  checked=$((checked + 1))
  [ "$checked" -ge 3 ] && break
done
[ "$checked" -gt 0 ] || fail "no news detail with a url was checked"
echo "ok: $checked QR code(s) decode to their item's url"
