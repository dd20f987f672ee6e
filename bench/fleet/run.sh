#!/usr/bin/env bash
# Fleet simulation: starts nginx (Debian's, no root needed) on 127.0.0.1 with the example feed
# configuration of deploy/nginx/, serves a copy of feeds/demo/*.json, and runs bench/fleet_sim —
# ≥ 1,000 simulated kiosks polling with the kiosk's own fetch code — against it.
#
#   bench/fleet/run.sh                      # 1,000 kiosks × 3 feeds every 10 s, 60 s measured
#   bench/fleet/run.sh --kiosks 2000 --interval 5 --duration 120 --json out.json
#
# Extra arguments go to fleet_sim (see its --help). MACHIKADO_BUILD_DIR selects the build tree
# (default ./build); KEEP=1 keeps the temp directory (nginx.conf, logs) for inspection.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${MACHIKADO_BUILD_DIR:-$here/build}"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "run.sh: nginx not found (deploy/install-deps.sh installs nginx-light)" >&2; exit 1; }

if [ ! -f "$build/build.ninja" ]; then
  bash "$here/deploy/build.sh"
fi
cmake --build "$build" --target fleet_sim >/dev/null
sim="$build/bench/fleet_sim"

dir="$(mktemp -d -t machikado-fleet.XXXXXX)"
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -TERM "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT

# When run as root, nginx's workers drop to "nobody": they must be able to read the feeds.
chmod 0755 "$dir"
mkdir -p "$dir/feeds" "$dir/tmp"
cp "$here"/feeds/demo/*.json "$dir/feeds/"
chmod 0644 "$dir"/feeds/*
# A signature next to one feed, to show how .minisig files are served (a throwaway key).
if command -v minisign >/dev/null; then
  minisign -G -W -p "$dir/fleet.pub" -s "$dir/fleet.key" >/dev/null
  minisign -S -s "$dir/fleet.key" -m "$dir/feeds/alerts.json" >/dev/null
  chmod 0644 "$dir/feeds/alerts.json.minisig"
fi

write_conf() {  # $1 = port
  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
worker_rlimit_nofile 16384;
error_log $dir/error.log warn;
events { worker_connections 8192; }
http {
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 75s;
    include $here/deploy/nginx/machikado-feeds-http.conf;
    server {
        listen 127.0.0.1:$1;
        root $dir/feeds;
        access_log $dir/access.log combined if=\$machikado_loggable;
        include $here/deploy/nginx/machikado-feeds-locations.conf;
    }
}
EOF
}

# Pick a free port: try random high ports until nginx binds one.
port=""
for _ in $(seq 1 20); do
  try=$((20000 + RANDOM % 40000))
  write_conf "$try"
  : >"$dir/error.log"
  "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -g "daemon off; pid $dir/nginx.pid;" 2>>"$dir/error.log" &
  nginx_pid=$!
  for _ in $(seq 1 50); do
    if curl -fs -o /dev/null "http://127.0.0.1:$try/news.json"; then port=$try; break; fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ] && break
  kill -TERM "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
  grep -q "Address already in use" "$dir/error.log" || { cat "$dir/error.log" >&2; exit 1; }
done
[ -n "$port" ] || { echo "run.sh: no free port found" >&2; exit 1; }
base="http://127.0.0.1:$port"
echo "nginx $("$nginx_bin" -v 2>&1 | sed 's/.*\///') pid $nginx_pid on $base, feeds in $dir/feeds"

# What a kiosk sees: headers of a gzipped feed, its 304, and a signature.
etag="$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$base/news.json" |
  tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')"
echo "--- GET /news.json (gzip)"
curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$base/news.json" | tr -d '\r' |
  grep -iE '^(HTTP|content-type|content-encoding|etag|last-modified|cache-control|vary)'
echo "--- GET /news.json with If-None-Match: $etag"
curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' -H "If-None-Match: $etag" "$base/news.json" |
  tr -d '\r' | grep -iE '^(HTTP|etag|cache-control)'
echo "--- GET /alerts.json, /alerts.json.minisig"
curl -s -o /dev/null -D - "$base/alerts.json" | tr -d '\r' | grep -iE '^(HTTP|cache-control)'
curl -s -o /dev/null -D - "$base/alerts.json.minisig" | tr -d '\r' |
  grep -iE '^(HTTP|content-type|cache-control)' || true
echo "---"

"$sim" --base-url "$base/" --feeds news.json,preparedness.json,alerts.json \
  --change-file "$dir/feeds/news.json" --nginx-pid "$nginx_pid" "$@"
