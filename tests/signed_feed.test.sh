#!/usr/bin/env bash
# Signed feeds end to end (headless kiosk, local feed file): with a public key configured, a feed
# signed with minisign is shown; a tampered body or a missing signature rejects the feed while the
# last good content stays on screen, and status.json says why.
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
command -v minisign >/dev/null || { echo "skip: minisign not installed"; exit 77; }
work="$(mktemp -d)"
kiosk_pid=""
trap '[ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
minisign -G -W -p k.pub -s k.sec >/dev/null 2>&1 </dev/null
publish() {  # publish TTL: writes news.json (ttl changes the bytes) and signs it
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["ttl"]=int(sys.argv[2]); json.dump(d,open("news.json","w"),ensure_ascii=False)' \
    "$here/feeds/demo/news.json" "$1"
  minisign -S -s k.sec -m news.json >/dev/null 2>&1 </dev/null
}
publish 5
cat > config.json <<JSON
{"feeds": [{"url": "$work/news.json", "poll_interval_s": 5}], "district": "ikejiri",
 "public_keys": ["$(tail -1 k.pub)"]}
JSON
"$bin" check-config config.json
field() {
  python3 - "$work/state/status.json" "$1" <<'PY'
import json, sys
try: d = json.load(open(sys.argv[1]))
except Exception: print(""); sys.exit()
f = sys.argv[2]
print((d.get("slide") or {}).get("id", "") if f == "slide" else (d["feeds"][0].get(f) or ""))
PY
}
wait_for() {
  for _ in $(seq $(($3 * 10))); do [ "$(field "$1")" = "$2" ] && return 0; sleep 0.1; done
  echo "FAIL: $1 is '$(field "$1")', waited $3 s for '$2'"; cat "$work/state/status.json" "$work/log"; exit 1
}
"$bin" run --headless --config config.json --state-dir "$work/state" >"$work/log" 2>&1 &
kiosk_pid=$!
wait_for state ok 20
[ -n "$(field slide)" ] || { echo "FAIL: signed feed not shown"; exit 1; }
echo "ok: a signed feed is shown"

# Tamper with the body after signing (one byte).
sed -i 's/池尻/池屁/' news.json
wait_for state rejected 30
[ -n "$(field slide)" ] || { echo "FAIL: the last good content left the screen"; exit 1; }
echo "ok: tampered feed rejected: $(field last_error)"

publish 6
wait_for state ok 30
rm news.json.minisig
publish_unsigned() { python3 -c 'import json; d=json.load(open("news.json")); d["ttl"]=7; json.dump(d,open("news.json","w"),ensure_ascii=False)'; }
publish_unsigned
wait_for state rejected 30
[ -n "$(field slide)" ] || { echo "FAIL: the last good content left the screen"; exit 1; }
echo "ok: unsigned feed rejected: $(field last_error)"
