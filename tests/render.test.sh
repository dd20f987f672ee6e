#!/usr/bin/env bash
# machikado render end to end: writes PNG + layout.json per slide and manifest.json; rejects bad feeds
# with exit 1 and bad usage with exit 2.
set -euo pipefail
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" render --feed tests/golden/feed.json --out "$tmp/out" --size 960x540 --at 2026-11-23T14:05:00+09:00 >/dev/null
test -f "$tmp/out/manifest.json"
n=$(ls "$tmp/out"/*.png | wc -l)
[ "$n" -eq 7 ] || { echo "expected 7 slides, got $n"; exit 1; }
ls "$tmp/out"/001-g-alert-l4.png "$tmp/out"/001-g-alert-l4.layout.json >/dev/null
grep -q '"mode": "takeover"' "$tmp/out/manifest.json"
if ls "$tmp/out" | grep -q g-test; then echo "test item rendered without --include-test"; exit 1; fi
echo '{"format": "machikado-feed/1", "id": "x"' >"$tmp/bad.json"
set +e
"$bin" render --feed "$tmp/bad.json" --out "$tmp/bad" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "invalid feed: exit $rc, want 1"; exit 1; }
grep -q "rejected" "$tmp/err"
set +e
"$bin" render --feed tests/golden/feed.json 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "missing --out: exit $rc, want 2"; exit 1; }
echo ok
