#!/usr/bin/env bash
# `machikado ingest --config F --once` against a JMA-like Atom feed served on loopback by python's
# http.server (started here): the first run fetches the feed and the two warning documents and
# publishes a valid feed with both alerts; the next runs (restarts) ask If-Modified-Since, get 304,
# fetch no document again and keep both alerts. Skips (77) without the test data.
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
jma="$here/../shared/testdata/jma"
[ -d "$jma" ] || skip "no testdata beside the project ($jma)"
dir="$T_WORK"

mkdir -p "$dir/srv/data"
serve "$dir/srv" 0 "$dir/http.log"
port="$T_PORT"
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

for run in 1 2 3; do
  "$bin" ingest --config "$dir/ingest.json" --once || fail "run $run exited $?"
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
