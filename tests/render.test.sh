#!/usr/bin/env bash
# machikado render end to end, as a process: writes PNG + layout.json per slide and manifest.json;
# rejects bad feeds with exit 1 and bad usage with exit 2. (Every option of render is covered in
# process by app/commands/render_command_test.cpp.)
. "$(dirname "$0")/lib.sh"
bin="$1"
tmp="$T_WORK"
golden="$T_ROOT/tests/golden/feed.json"
"$bin" render --feed "$golden" --out "$tmp/out" --size 960x540 --at 2026-11-23T14:05:00+09:00 >/dev/null
test -f "$tmp/out/manifest.json" || fail "no manifest.json"
n=$(ls "$tmp/out"/*.png | wc -l)
[ "$n" -eq 9 ] || fail "expected 9 slides (2 takeover alerts × 2 languages, 5 rotation slides), got $n"
ls "$tmp/out"/001-g-alert-l5.png "$tmp/out"/001-g-alert-l5.layout.json >/dev/null
grep -q '"mode": "takeover"' "$tmp/out/manifest.json" || fail "no takeover in the manifest"
if ls "$tmp/out" | grep -q g-test; then fail "test item rendered without --include-test"; fi
echo '{"format": "machikado-feed/1", "id": "x"' >"$tmp/bad.json"
rc=0
"$bin" render --feed "$tmp/bad.json" --out "$tmp/bad" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "invalid feed: exit $rc, want 1"
grep -q "rejected" "$tmp/err" || fail "invalid feed: no reason"
rc=0
"$bin" render --feed "$golden" 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "missing --out: exit $rc, want 2"
echo ok
