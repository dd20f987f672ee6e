#!/usr/bin/env bash
# An emergency published on the feed server reaches the screen, and its withdrawal gives the
# rotation back: nginx (Debian's, with deploy/nginx/'s configuration, on loopback, started here)
# serves an alerts feed polled every 5 s by a headless kiosk; the served file is replaced atomically
# by one with a level-4 alert, then by an empty one, and status.json's mode must follow. How long
# that takes is a benchmark (bench/alert_latency.sh, docs/benchmarks.md), not asserted here.
# Skips (exit 77) without nginx.
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
dir="$T_WORK"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
need "$nginx_bin" nginx-light
need python3
interval=5
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

# nginx on a port the kernel picked for a socket just closed; on the rare collision, another one.
port=""
for _ in $(seq 1 20); do
  try=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
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
  track "$nginx_pid"
  for _ in $(seq 1 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$try/alerts.json', timeout=1)" 2>/dev/null; then port=$try; break; fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ] && break
  stop "$nginx_pid" || true
  grep -q "Address already in use" "$dir/error.log" || { cat "$dir/error.log"; fail "nginx did not start"; }
done
[ -n "$port" ] || fail "no free port for nginx"

cat >"$dir/config.json" <<JSON
{"feeds": [{"url": "http://127.0.0.1:$port/news.json", "poll_interval_s": 300},
           {"url": "http://127.0.0.1:$port/alerts.json", "poll_interval_s": $interval}],
 "district": "ikejiri"}
JSON
status="$dir/state/status.json"
"$bin" run --headless --config "$dir/config.json" --state-dir "$dir/state" >"$dir/kiosk.log" 2>&1 &
kiosk=$!
track "$kiosk"
wait_mode() {  # wait_mode MODE: the timeout only bounds a hang (polls are every 5 s)
  wait_json 60 "$status" "d['mode'] == '$1'" "$kiosk" || { cat "$dir/kiosk.log"; fail "mode never became $1"; }
}
wait_mode rotation
# Past the first poll of alerts.json: from then on it is polled every ~5 s (304s).
wait_json 60 "$status" 'd["feeds"][1]["state"] == "ok"' "$kiosk" || fail "alerts.json was never fetched"
publish() { cp "$1" "$dir/feeds/.alerts.json.new"; mv "$dir/feeds/.alerts.json.new" "$dir/feeds/alerts.json"; }
# Publish atomically, as deploy/nginx/publish-feed.sh does: write beside, then rename.
publish "$dir/alert-on.json"
wait_mode emergency
echo "ok: the published alert took over the screen"
publish "$dir/alert-off.json"
wait_mode rotation
echo "ok: its withdrawal gave the rotation back"
