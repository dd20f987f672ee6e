#!/usr/bin/env bash
# Publish → on-screen latency of an emergency, end to end: nginx (Debian's, on loopback, started here)
# serves an alerts feed polled every 5 s by a headless kiosk; the served file is replaced by one with
# a level-4 alert and the time until status.json says mode "emergency" is measured (target: poll
# interval + 0.5 s). Then the alert is withdrawn and the rotation must come back. Prints the figures;
# `ALERT_LATENCY_RUNS=N` repeats the measurement (docs/benchmarks.md). A benchmark, not a test:
# tests/alert_latency.test.sh checks the same path without timing it.
# Usage: bench/alert_latency.sh build/machikado
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "skip: nginx not installed"; exit 77; }
runs="${ALERT_LATENCY_RUNS:-4}"
interval=5

dir="$(mktemp -d)"
nginx_pid=""; kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
chmod 0755 "$dir"
mkdir -p "$dir/feeds" "$dir/tmp" "$dir/state"

# The alerts feed: empty, then the demo's level-4 alert. ttl = the poll interval.
make_feed() {  # make_feed OUT WITH_ALERT
  python3 - "$here/feeds/demo/alerts.json" "$1" "$2" "$interval" <<'PY'
import json, sys, datetime
d = json.load(open(sys.argv[1]))
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
d["generated"] = now.isoformat().replace("+00:00", "Z")
d["ttl"] = int(sys.argv[4])
items = [i for i in d["items"] if i.get("level") == 4][:1] if sys.argv[3] == "1" else []
for i in items:
    i["issued"] = (now - datetime.timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    i.pop("valid_from", None)
    i["valid_until"] = (now + datetime.timedelta(hours=6)).isoformat().replace("+00:00", "Z")
    i.pop("expires", None)
    i.pop("districts", None)
d["items"] = items
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
  chmod 0644 "$1"
}
make_feed "$dir/feeds/alerts.json" 0
make_feed "$dir/alert-on.json" 1
make_feed "$dir/alert-off.json" 0
cp "$here/feeds/demo/news.json" "$dir/feeds/news.json"; chmod 0644 "$dir/feeds/news.json"

port=""
for _ in $(seq 1 20); do
  try=$((20000 + RANDOM % 40000))
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
error_log $dir/error.log warn;
events { worker_connections 64; }
http {
    client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi; uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;
    include $here/deploy/nginx/machikado-feeds-http.conf;
    server {
        listen 127.0.0.1:$try;
        root $dir/feeds;
        access_log off;
        include $here/deploy/nginx/machikado-feeds-locations.conf;
    }
}
CONF
  : >"$dir/error.log"
  "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -g "daemon off; pid $dir/nginx.pid;" 2>>"$dir/error.log" &
  nginx_pid=$!
  for _ in $(seq 1 50); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$try/alerts.json', timeout=1)" 2>/dev/null; then port=$try; break; fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ] && break
  kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
  grep -q "Address already in use" "$dir/error.log" || { cat "$dir/error.log"; exit 1; }
done
[ -n "$port" ] || { echo "no free port for nginx"; exit 1; }

cat >"$dir/config.json" <<JSON
{"feeds": [{"url": "http://127.0.0.1:$port/news.json", "poll_interval_s": 300},
           {"url": "http://127.0.0.1:$port/alerts.json", "poll_interval_s": $interval}],
 "district": "ikejiri"}
JSON
# status.json is replaced atomically; a grep is cheap enough to poll every 20 ms.
mode() { sed -n 's/^  "mode": "\([a-z]*\)",$/\1/p' "$dir/state/status.json" 2>/dev/null | head -1; }
wait_mode() {  # wait_mode MODE SECONDS → prints ms waited
  local start=$(date +%s%N)
  for _ in $(seq $(($2 * 50))); do
    if [ "$(mode)" = "$1" ]; then echo $(( ($(date +%s%N) - start) / 1000000 )); return 0; fi
    sleep 0.02
  done
  echo "FAIL: mode '$(mode)', waited $2 s for '$1'" >&2; cat "$dir/kiosk.log" >&2; return 1
}

"$bin" run --headless --config "$dir/config.json" --state-dir "$dir/state" >"$dir/kiosk.log" 2>&1 &
kiosk_pid=$!
wait_mode rotation 30 >/dev/null
sleep $((interval + 1))  # past the first polls: from now on alerts.json is polled every ~5 s (304s)
worst=0
for r in $(seq 1 "$runs"); do
  # Publish atomically, as deploy/nginx/publish-feed.sh does: write beside, then rename.
  cp "$dir/alert-on.json" "$dir/feeds/.alerts.json.new"; mv "$dir/feeds/.alerts.json.new" "$dir/feeds/alerts.json"
  ms=$(wait_mode emergency 60)
  echo "publish → emergency on screen: $ms ms (poll interval ${interval} s)"
  [ "$ms" -gt "$worst" ] && worst=$ms
  cp "$dir/alert-off.json" "$dir/feeds/.alerts.json.new"; mv "$dir/feeds/.alerts.json.new" "$dir/feeds/alerts.json"
  ms=$(wait_mode rotation 60)
  echo "withdraw → rotation back: $ms ms"
done
echo "worst publish → emergency: $worst ms; target ≤ $((interval * 1000 + 500)) ms"
