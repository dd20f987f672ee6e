#!/usr/bin/env bash
# End to end, headless, against a real HTTP server on loopback: the kiosk keeps showing the last good
# content and reports each feed's state in status.json when the server goes away (offline), serves a
# broken feed (rejected) and comes back (ok); a restart with the network down shows the cached
# content at once.
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
command -v python3 >/dev/null || { echo "skip: python3 missing"; exit 77; }

work="$(mktemp -d)"
server_pid=""
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/www" "$work/state"
# The demo feed with a short ttl (a feed's ttl may lengthen the poll interval), and its images.
publish_good() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["ttl"]=5; json.dump(d,open(sys.argv[2],"w"),ensure_ascii=False)' \
    "$here/feeds/demo/news.json" "$work/www/news.json"
}
publish_good
cp -r "$here/feeds/demo/images" "$work/www/images"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
serve() {
  (cd "$work/www" && exec python3 -m http.server "$port" --bind 127.0.0.1 >"$work/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null && return; sleep 0.1; done
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

cat >"$work/config.json" <<JSON
{"feeds": [{"url": "http://127.0.0.1:$port/news.json", "poll_interval_s": 5}], "district": "ikejiri"}
JSON

status() {  # status FIELD → value from status.json (feeds[0].FIELD, or slide id with "slide")
  python3 - "$work/state/status.json" "$1" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    print(""); sys.exit()
f = sys.argv[2]
if f == "slide":
    print((d.get("slide") or {}).get("id", ""))
elif f == "mode":
    print(d.get("mode", ""))
else:
    v = d["feeds"][0].get(f)
    print("" if v is None else v)
PY
}
wait_for() {  # wait_for FIELD VALUE SECONDS
  for _ in $(seq $(($3 * 10))); do [ "$(status "$1")" = "$2" ] && return 0; sleep 0.1; done
  cat "$work/state/status.json"; echo "FAIL: $1 is '$(status "$1")', waited $3 s for '$2'"; cat "$work/kiosk.log"; exit 1
}
expect_content() {
  [ -n "$(status slide)" ] || { echo "FAIL: nothing on screen ($1)"; exit 1; }
  [ "$(status items)" -gt 0 ] || { echo "FAIL: no items ($1)"; exit 1; }
}

serve
"$bin" run --headless --config "$work/config.json" --state-dir "$work/state" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
wait_for state ok 20
expect_content "online"
items_ok="$(status items)"
echo "ok: online, $items_ok items"

stop_server
wait_for state offline 30
expect_content "server gone"
[ "$(status items)" = "$items_ok" ] || { echo "FAIL: items changed while offline"; exit 1; }
[ -n "$(status last_error)" ] || { echo "FAIL: no last_error while offline"; exit 1; }
echo "ok: offline keeps the last good content ($(status last_error))"

echo '{"format": "machikado-feed/1", "id": "broken",' > "$work/www/news.json"
serve
wait_for state rejected 60
expect_content "rejected feed"
echo "ok: a rejected feed keeps the last good content"

publish_good
wait_for state ok 60
expect_content "back"
echo "ok: back online"

# Restart with the network down: the cache is shown at once.
kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true; kiosk_pid=""
# The headless run left its operations files: Prometheus metrics and proof of play.
grep -q '^machikado_feed_up{url="http://127.0.0.1' "$work/state/machikado.prom" ||
  { echo "FAIL: no feed metrics in machikado.prom"; exit 1; }
grep -q '^machikado_uptime_seconds ' "$work/state/machikado.prom" || { echo "FAIL: no uptime metric"; exit 1; }
[ -s "$work/state/play/play.jsonl" ] || { echo "FAIL: no proof-of-play log"; exit 1; }
"$bin" report --state-dir "$work/state" --from 2000-01-01T00:00:00Z --json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["items"] and d["items"][0]["shows"] >= 1, d'
echo "ok: metrics and proof of play written, report reads them"
stop_server
rm -f "$work/state/status.json"
start=$(date +%s%N)
"$bin" run --headless --config "$work/config.json" --state-dir "$work/state" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
# An event wait; the bound only ends a hang (the time is a figure, not an assertion: docs/benchmarks.md).
for _ in $(seq 3000); do [ -n "$(status slide)" ] && break; sleep 0.02; done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_content "offline boot"
[ "$(status from_cache)" = "True" ] || { echo "FAIL: from_cache is '$(status from_cache)'"; exit 1; }
echo "ok: offline boot shows cached content (status.json after $elapsed_ms ms)"
