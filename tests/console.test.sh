#!/usr/bin/env bash
# The publishing console end to end: start it on loopback (a free port the system picks), add
# users, log in with curl, create and edit a notice, publish, fetch the feed with ETag/304, verify
# its signature with Debian's minisign, and point a headless kiosk at it until the notice is in
# status.json. The examples of docs/console-api.md are these requests.
. "$(dirname "$0")/lib.sh"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
need minisign minisign
need curl curl
need python3
work="$T_WORK"
cd "$work"
# lib.sh's fail, with the two logs.
fail() { echo "FAIL: $*"; echo "--- console log"; cat console.log 2>/dev/null; echo "--- kiosk log"; cat kiosk.log 2>/dev/null; exit 1; }
json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

cat > console.json <<JSON
{"state_dir": "$work/state", "listen_address": "127.0.0.1", "port": 0,
 "feeds": [{"id": "center.news", "title": {"ja": "池尻まちづくりセンター", "en": "Ikejiri"}, "ttl": 5}]}
JSON
"$bin" console init --config console.json >/dev/null
pubkey="$("$bin" console public-key --config console.json)"
echo 'a long admin password' | "$bin" console add-user --config console.json boss --role admin --password-stdin
echo 'sato-san password 1' | "$bin" console add-user --config console.json sato --role editor \
  --feeds center.news --password-stdin
if echo 'short' | "$bin" console add-user --config console.json weak --role admin --password-stdin 2>/dev/null; then
  fail "a short password was accepted"
fi

: >console.out
"$bin" console --config console.json >console.out 2>console.log &
console_pid=$!
track "$console_pid"
port=""
for _ in $(seq 200); do
  port="$(sed -n 's/^machikado console: listening on 127.0.0.1:\([0-9]*\)$/\1/p' console.out)"
  [ -n "$port" ] && break
  kill -0 "$console_pid" 2>/dev/null || fail "the console exited"
  sleep 0.05
done
[ -n "$port" ] || fail "the console did not start listening"
base="http://127.0.0.1:$port"
echo "ok: console listening on $base"

# Log in: the session cookie goes to the cookie jar, the CSRF token comes in the body.
csrf="$(curl -sf -c jar -H 'Content-Type: application/json' \
  -d '{"name": "sato", "password": "sato-san password 1"}' "$base/api/v1/session" | json 'd["csrf"]')"
[ -n "$csrf" ] || fail "no CSRF token"
grep -q HttpOnly jar || fail "the session cookie is not HttpOnly"
code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"name": "sato", "password": "wrong"}' "$base/api/v1/session")"
[ "$code" = 401 ] || fail "a wrong password gave $code"
echo "ok: logged in"

item='{"id": "news-console-1", "kind": "news", "title": {"ja": "防災訓練のお知らせ", "en": "Disaster drill"},
       "summary": {"ja": "12月14日 10時から池尻小学校で防災訓練を行います。"}}'
code="$(curl -s -o /dev/null -w '%{http_code}' -b jar -H 'Content-Type: application/json' \
  -d "$item" "$base/api/v1/feeds/center.news/items")"
[ "$code" = 403 ] || fail "a POST without X-CSRF-Token gave $code"
out="$(curl -sf -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "$item" "$base/api/v1/feeds/center.news/items")"
[ "$(echo "$out" | json 'd["revision"]')" = 1 ] || fail "create: $out"
echo "ok: created $out"

bad='{"id": "news-bad", "kind": "news", "title": {"ja": ""}, "priority": 1000}'
out="$(curl -s -w '\n%{http_code}' -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "$bad" "$base/api/v1/feeds/center.news/items")"
[ "$(echo "$out" | tail -1)" = 422 ] || fail "an invalid item: $out"
echo "ok: invalid item refused: $(echo "$out" | head -1 | json 'd["errors"][0]["path"] + " " + d["errors"][0]["message"]')"

edited="${item/防災訓練のお知らせ/防災訓練のお知らせ（雨天決行）}"
out="$(curl -sf -X PUT -b jar -H "X-CSRF-Token: $csrf" -H 'If-Match: "1"' -H 'Content-Type: application/json' \
  -d "$edited" "$base/api/v1/feeds/center.news/items/news-console-1")"
[ "$(echo "$out" | json 'd["revision"]')" = 2 ] || fail "edit: $out"
code="$(curl -s -o /dev/null -w '%{http_code}' -X PUT -b jar -H "X-CSRF-Token: $csrf" -H 'If-Match: "1"' \
  -H 'Content-Type: application/json' -d "$edited" "$base/api/v1/feeds/center.news/items/news-console-1")"
[ "$code" = 409 ] || fail "a stale revision gave $code"
echo "ok: edited (revision 2), a stale edit is a conflict"

# A phone photo: the sensor's pixels (quadrants red, green, blue, white) and an EXIF Orientation
# written by exiftool. The console turns the pixels for viewing before it drops EXIF, so each
# upload comes back upright: its size and the colour of each quadrant are checked against EXIF 2.3.
im=/usr/bin/convert
if command -v exiftool >/dev/null && [ -x "$im" ] && "$im" -version 2>/dev/null | grep -q ImageMagick; then
  "$im" \( -size 32x16 xc:red xc:lime +append \) \( -size 32x16 xc:blue xc:white +append \) -append \
    -quality 95 sensor.jpg
  declare -A want=([1]="64x32 RGBW" [2]="64x32 GRWB" [3]="64x32 WBGR" [4]="64x32 BWRG"
                   [5]="32x64 RBGW" [6]="32x64 BRWG" [7]="32x64 WGBR" [8]="32x64 GWRB")
  for o in 1 2 3 4 5 6 7 8; do
    exiftool -q -n -Orientation="$o" -o "phone-$o.jpg" sensor.jpg || fail "exiftool -Orientation=$o"
    [ "$(exiftool -s3 -n -Orientation "phone-$o.jpg")" = "$o" ] || fail "exiftool did not write Orientation $o"
    out="$(curl -sf -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: image/jpeg' \
      --data-binary @"phone-$o.jpg" "$base/api/v1/images")" || fail "upload of orientation $o"
    curl -sf -o "upright-$o.jpg" "$(echo "$out" | json 'd["url"]')" || fail "fetch of orientation $o"
    [ -z "$(exiftool -s3 -Orientation "upright-$o.jpg")" ] || fail "orientation $o: EXIF survived"
    # Each quadrant averaged to one pixel, then named by its nearest colour.
    got="$("$im" "upright-$o.jpg" -format '%wx%h ' -write info:- -resize '2x2!' -depth 8 txt:- |
      python3 -c '
import re, sys
text = sys.stdin.read()
size = text.split()[0]
names = {"R": (255, 0, 0), "G": (0, 255, 0), "B": (0, 0, 255), "W": (255, 255, 255)}
px = [tuple(map(int, m)) for m in re.findall(r"\d+,\d+: \((\d+),(\d+),(\d+)", text)]
near = lambda c: min(names, key=lambda n: sum((a - b) ** 2 for a, b in zip(c, names[n])))
print(size, "".join(near(c) for c in px))')"
    [ "$got" = "${want[$o]}" ] || fail "orientation $o: the upload came back as $got, not ${want[$o]}"
  done
  echo "ok: phone photos with EXIF Orientation 1–8 come back upright (size and quadrants checked)"
else
  echo "skip: phone photo orientation (needs exiftool from libimage-exiftool-perl and ImageMagick)"
fi

out="$(curl -s -b jar -H "X-CSRF-Token: $csrf" -d "{}" "$base/api/v1/feeds/center.news/publish")"
etag="$(echo "$out" | json "d.get(\"etag\", \"\")")" || fail "publish: $out"
url="$(echo "$out" | json "d.get(\"url\", \"\")")"
[ "$url" = "$base/feeds/center.news.json" ] || fail "publish: $out"
echo "ok: published $out"

curl -sf -o center.news.json "$url"
curl -sf -o center.news.json.minisig "$url.minisig"
[ -s state/publish/center.news.json ] && [ -s state/publish/center.news.json.minisig ] ||
  fail "nothing in the publish directory"
cmp -s center.news.json state/publish/center.news.json || fail "served and published files differ"
minisign -Vm center.news.json -P "$pubkey" >/dev/null || fail "minisign does not verify the feed"
echo "ok: minisign -V verifies the published feed"
code="$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url")"
[ "$code" = 304 ] || fail "If-None-Match gave $code"
echo "ok: ETag / If-None-Match → 304"

# The preview is drawn by the kiosk's renderer (PNG signature checked).
curl -sf -b jar -o preview.png "$base/api/v1/feeds/center.news/items/news-console-1/preview.png?size=960x540&lang=en" ||
  fail "preview"
[ "$(head -c 8 preview.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the preview is not a PNG"
echo "ok: preview.png ($(stat -c %s preview.png) bytes)"

token="$("$bin" console add-kiosk --config console.json lobby-1)"
cat > kiosk.json <<JSON
{"feeds": [{"url": "$url", "poll_interval_s": 5}], "public_keys": ["$pubkey"],
 "status_url": "$base/api/v1/fleet/report", "status_token": "$token", "status_interval_s": 5}
JSON
"$bin" check-config kiosk.json >/dev/null || fail "kiosk config: $("$bin" check-config kiosk.json 2>&1)"
"$bin" run --headless --config kiosk.json --state-dir "$work/kstate" >kiosk.log 2>&1 &
kiosk_pid=$!
track "$kiosk_pid"
slide=""
for _ in $(seq 300); do
  slide="$(python3 -c 'import json,sys
try: d=json.load(open(sys.argv[1])); print((d.get("slide") or {}).get("id",""))
except Exception: print("")' kstate/status.json)"
  [ "$slide" = news-console-1 ] && break
  sleep 0.1
done
[ "$slide" = news-console-1 ] || fail "the kiosk does not show the notice (status: $(cat kstate/status.json 2>/dev/null))"
echo "ok: the headless kiosk shows news-console-1"

# The kiosk reports its status.json to the console (first report at start).
kiosks=""
for _ in $(seq 300); do
  kiosks="$(curl -sf -b jar "$base/api/v1/fleet" | json '[k["slide"] for k in d["kiosks"] if k["id"]=="lobby-1"]')"
  [ "$kiosks" = "['news-console-1']" ] && break
  sleep 0.1
done
[ "$kiosks" = "['news-console-1']" ] || fail "the fleet does not list the kiosk's slide: $(curl -s -b jar "$base/api/v1/fleet")"
curl -sf "$base/metrics" | grep -q 'machikado_console_kiosk_silent{kiosk="lobby-1"} 0' || fail "metrics"
echo "ok: the fleet lists lobby-1 showing news-console-1"

"$bin" console audit --config console.json | grep -q 'sato.*publish.*center.news' || fail "audit"
echo "ok: the audit log has the publish"
