#!/usr/bin/env bash
# `machikado ingest --config F --once` against a JMA-like Atom feed served on loopback by python's
# http.server (started here): the first run fetches the feed and the two warning documents and
# publishes a valid feed with both alerts; the next runs (restarts) ask If-Modified-Since, get 304,
# fetch no document again and keep both alerts. Prints the wall time of each run. Skips (77)
# without the test data.
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
jma="$here/../shared/testdata/jma"
[ -d "$jma" ] || { echo "skip: no testdata beside the project"; exit 77; }

dir="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$dir/srv/data"
cp "$jma/17_02_01_190529_VXWW50.xml" "$dir/srv/data/a.xml"
cp "$jma/32-39_11_02_250206_VTSE41.xml" "$dir/srv/data/b.xml"
cat >"$dir/srv/feed.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>高頻度（随時）</title>
<entry><title>土砂災害警戒情報</title><id>a</id><updated>2013-08-23T06:15:14Z</updated>
<link type="application/xml" href="http://127.0.0.1:$port/data/a.xml"/></entry>
<entry><title>津波警報・注意報・予報a</title><id>b</id><updated>2013-08-23T06:16:14Z</updated>
<link type="application/xml" href="http://127.0.0.1:$port/data/b.xml"/></entry>
<entry><title>季節観測</title><id>c</id><updated>2013-08-23T06:17:14Z</updated>
<link type="application/xml" href="http://127.0.0.1:$port/data/c.xml"/></entry>
</feed>
XML
cat >"$dir/ingest.json" <<JSON
{"jma_feeds": ["http://127.0.0.1:$port/feed.xml"], "areas": ["0133100", "210"],
 "state_dir": "$dir/state", "out": "$dir/out/jma.json"}
JSON
(cd "$dir/srv" && exec python3 -m http.server "$port" --bind 127.0.0.1) >"$dir/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.1
done

for run in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" ingest --config "$dir/ingest.json" --once || fail "run $run exited $?"
  end=$(date +%s.%N)
  echo "run $run: $(python3 -c "print(f'{$end - $start:.3f}')") s"
  "$bin" validate "$dir/out/jma.json" >/dev/null || fail "run $run: published feed invalid"
  python3 - "$dir/out/jma.json" <<'PY' || fail "run $run: alerts"
import json, sys
ids = sorted(i["id"] for i in json.load(open(sys.argv[1]))["items"])
assert ids == ["jma-landslide-0133100", "jma-tsunami-210"], ids
PY
done
gets() { grep -c "GET $1 " "$dir/http.log" || true; }
[ "$(gets /data/a.xml)" = 1 ] || fail "a.xml fetched $(gets /data/a.xml) times"
[ "$(gets /data/b.xml)" = 1 ] || fail "b.xml fetched $(gets /data/b.xml) times"
[ "$(gets /data/c.xml)" = 0 ] || fail "季節観測 should never be downloaded"
[ "$(grep -c 'GET /feed.xml .* 304' "$dir/http.log")" = 2 ] || fail "later polls were not conditional: $(cat "$dir/http.log")"
echo "ingest_once: OK"
