#!/usr/bin/env bash
# Signed feeds end to end (headless kiosk, local feed file): with a public key configured, a feed
# signed with minisign is shown; a tampered body or a missing signature rejects the feed while the
# last good content stays on screen, and status.json says why. Skips (exit 77) without minisign.
. "$(dirname "$0")/lib.sh"
bin="$(realpath "$1")"
here="$T_ROOT"
work="$T_WORK"
need minisign minisign
need python3
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
status="$work/state/status.json"
"$bin" run --headless --config config.json --state-dir "$work/state" >"$work/log" 2>&1 &
kiosk=$!
track "$kiosk"
wait_state() {  # wait_state STATE SECONDS: feeds[0].state, with the last good content on screen
  wait_json "$2" "$status" "d['feeds'][0]['state'] == '$1' and d['slide']" "$kiosk" ||
    { cat "$work/log"; fail "the feed never became $1 with a slide on screen"; }
}
wait_state ok 30
echo "ok: a signed feed is shown"

# Tamper with the body after signing (one byte).
sed -i 's/池尻/池屁/' news.json
wait_state rejected 60
echo "ok: tampered feed rejected: $(json_get "$status" 'd["feeds"][0]["last_error"]')"

publish 6
wait_state ok 60
rm news.json.minisig
publish_unsigned() { python3 -c 'import json; d=json.load(open("news.json")); d["ttl"]=7; json.dump(d,open("news.json","w"),ensure_ascii=False)'; }
publish_unsigned
wait_state rejected 60
echo "ok: unsigned feed rejected: $(json_get "$status" 'd["feeds"][0]["last_error"]')"
