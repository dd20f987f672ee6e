#!/usr/bin/env bash
# End to end, headless, against a real HTTP server on loopback: the kiosk keeps showing the last good
# content and reports each feed's state in status.json when the server goes away (offline), serves a
# broken feed (rejected) and comes back (ok); a restart with the network down shows the cached
# content at once. (How fast that is, is a figure: bench/kiosk, docs/benchmarks.md.)
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
work="$T_WORK"
need python3

mkdir -p "$work/www" "$work/state"
# The demo feed with a short ttl (a feed's ttl may lengthen the poll interval), and its images.
publish_good() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["ttl"]=5; json.dump(d,open(sys.argv[2],"w"),ensure_ascii=False)' \
    "$here/feeds/demo/news.json" "$work/www/news.json"
}
publish_good
cp -r "$here/feeds/demo/images" "$work/www/images"
serve "$work/www"
port="$T_PORT"

cat >"$work/config.json" <<JSON
{"feeds": [{"url": "http://127.0.0.1:$port/news.json", "poll_interval_s": 5}], "district": "ikejiri"}
JSON

status="$work/state/status.json"
feed() { json_get "$status" "d['feeds'][0]['$1']"; }
# wait_for STATE SECONDS: feeds[0].state is STATE while content stays on screen.
wait_for() {
  wait_json "$2" "$status" "d['feeds'][0]['state'] == '$1' and d['slide'] and d['feeds'][0]['items'] > 0" "$kiosk" ||
    { cat "$work/kiosk.log"; fail "the feed never became $1 with content on screen"; }
}

"$bin" run --headless --config "$work/config.json" --state-dir "$work/state" >"$work/kiosk.log" 2>&1 &
kiosk=$!
track "$kiosk"
wait_for ok 30
items_ok="$(feed items)"
echo "ok: online, $items_ok items"

stop_server
wait_for offline 60
[ "$(feed items)" = "$items_ok" ] || fail "items changed while offline"
[ -n "$(feed last_error)" ] || fail "no last_error while offline"
echo "ok: offline keeps the last good content ($(feed last_error))"

echo '{"format": "machikado-feed/1", "id": "broken",' > "$work/www/news.json"
serve "$work/www" "$port"
wait_for rejected 60
echo "ok: a rejected feed keeps the last good content"

publish_good
wait_for ok 60
echo "ok: back online"

# Stop (as systemd would) and restart with the network down: the cache is shown at once.
stop "$kiosk" || fail "the kiosk exited $? on SIGTERM"
# The headless run left its operations files: Prometheus metrics and proof of play.
grep -q '^machikado_feed_up{url="http://127.0.0.1' "$work/state/machikado.prom" ||
  fail "no feed metrics in machikado.prom"
grep -q '^machikado_uptime_seconds ' "$work/state/machikado.prom" || fail "no uptime metric"
[ -s "$work/state/play/play.jsonl" ] || fail "no proof-of-play log"
"$bin" report --state-dir "$work/state" --from 2000-01-01T00:00:00Z --json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["items"] and d["items"][0]["shows"] >= 1, d'
echo "ok: metrics and proof of play written, report reads them"
stop_server
rm -f "$status"
"$bin" run --headless --config "$work/config.json" --state-dir "$work/state" >"$work/kiosk.log" 2>&1 &
kiosk=$!
track "$kiosk"
wait_json 60 "$status" 'd["slide"] and d["feeds"][0]["items"] > 0' "$kiosk" ||
  { cat "$work/kiosk.log"; fail "nothing on screen after an offline boot"; }
[ "$(feed from_cache)" = "True" ] || fail "from_cache is '$(feed from_cache)'"
echo "ok: offline boot shows cached content"
