#!/usr/bin/env bash
# The browser console (console-web/) in a real browser: Debian's chromium and chromedriver driven by
# python3-selenium (tests/console_browser.py) against a console and a headless kiosk started here on
# loopback. Skips when chromium, chromedriver or python3-selenium is missing.
# MACHIKADO_SCREENSHOT_DIR=docs/screenshots refreshes the committed screenshots (1280x800).
. "$(dirname "$0")/lib.sh"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
need chromium chromium
need chromedriver chromium-driver
need curl curl
py=/usr/bin/python3
[ -x "$py" ] && "$py" -c 'import selenium' 2>/dev/null || skip "python3-selenium not installed (Debian package python3-selenium)"
work="$T_WORK"
shots="${MACHIKADO_SCREENSHOT_DIR:-$work/screenshots}"
mkdir -p "$shots"
shots="$(cd "$shots" && pwd)"
cd "$work"
fail() { echo "FAIL: $*"; echo "--- console log"; cat console.log 2>/dev/null; echo "--- kiosk log"; tail -30 kiosk.log 2>/dev/null; exit 1; }

# The district's shelter register, as `machikado import shelters` writes it (docs/open-data.md).
cat > shelters.json <<JSON
{"version": 1, "id": "ward.shelters", "title": {"ja": "指定緊急避難場所"}, "updated": "2026-12-01T00:00:00+09:00",
 "shelters": [
  {"id": "E1311200001", "name": {"ja": "池尻地区会館", "ja-Kana": "イケジリチクカイカン"}, "address": "世田谷区池尻2丁目",
   "hazards": ["flood", "earthquake"], "capacity": 120, "lat": 35.6505, "lon": 139.6842},
  {"id": "E1311200002", "name": {"ja": "太子堂中学校", "ja-Kana": "タイシドウチュウガッコウ"}, "address": "世田谷区太子堂1丁目",
   "hazards": ["earthquake"], "capacity": 800}]}
JSON
cat > console.json <<JSON
{"state_dir": "$work/state", "listen_address": "127.0.0.1", "port": 0, "static_dir": "$T_ROOT/console-web",
 "shelter_register": "$work/shelters.json",
 "feeds": [{"id": "center.news", "title": {"ja": "池尻まちづくりセンター", "en": "Ikejiri"}, "ttl": 5},
           {"id": "center.alerts", "title": {"ja": "池尻 避難情報", "en": "Ikejiri alerts"}, "ttl": 5},
           {"id": "taishido.news", "title": {"ja": "太子堂まちづくりセンター", "en": "Taishido"}, "ttl": 5}]}
JSON
"$bin" console init --config console.json >/dev/null
pubkey="$("$bin" console public-key --config console.json)"
echo 'a long admin password' | "$bin" console add-user --config console.json boss --role admin --password-stdin
echo 'sato-san password 1' | "$bin" console add-user --config console.json sato --role editor \
  --feeds center.news --password-stdin
echo 'kiken-san password 1' | "$bin" console add-user --config console.json kiken --role alerts \
  --feeds center.alerts --password-stdin

: >console.out
"$bin" console --config console.json >console.out 2>console.log &
track $!
port=""
for _ in $(seq 200); do
  port="$(sed -n 's/^machikado console: listening on 127.0.0.1:\([0-9]*\)$/\1/p' console.out)"
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || fail "the console did not start listening"
base="http://127.0.0.1:$port"
curl -sf -o /dev/null -D headers "$base/" || fail "no page at /"
grep -qi "^Content-Security-Policy: .*script-src 'self'" headers || fail "no Content-Security-Policy: $(cat headers)"
grep -qi '^X-Content-Type-Options: nosniff' headers || fail "no nosniff"
echo "ok: the console serves the pages at $base with a Content-Security-Policy"

# The news feed published once, empty (as a new center's would be), then a headless kiosk reading it
# and reporting to the fleet.
curl -sf -c jar -H 'Content-Type: application/json' -d '{"name": "boss", "password": "a long admin password"}' \
  "$base/api/v1/session" >login.json || fail "admin login"
csrf="$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf"])' login.json)"
curl -sf -b jar -H "X-CSRF-Token: $csrf" -d '{}' "$base/api/v1/feeds/center.news/publish" >/dev/null ||
  fail "publishing the empty feed"
token="$("$bin" console add-kiosk --config console.json lobby-1)"
cat > kiosk.json <<JSON
{"feeds": [{"url": "$base/feeds/center.news.json", "poll_interval_s": 5}], "public_keys": ["$pubkey"],
 "status_url": "$base/api/v1/fleet/report", "status_token": "$token", "status_interval_s": 5}
JSON
"$bin" run --headless --config kiosk.json --state-dir "$work/kstate" >kiosk.log 2>&1 &
track $!
reported() {
  curl -sf -b jar "$base/api/v1/fleet" |
    "$py" -c 'import json,sys; sys.exit(0 if any(k["id"] == "lobby-1" and k.get("last_report") for k in json.load(sys.stdin)["kiosks"]) else 1)'
}
for _ in $(seq 300); do
  reported && break
  sleep 0.1
done
reported || fail "the kiosk did not report to the fleet"
echo "ok: the kiosk reports to the console"

"$py" "$T_ROOT/tests/console_browser.py" "$base" "$work/kstate/status.json" "$work" "$shots" ||
  fail "the browser test failed"
