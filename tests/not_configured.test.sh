#!/usr/bin/env bash
# A kiosk with a typo'd configuration never shows the bundled demo: check-config exits 1 and says
# what is wrong, and `run --config` shows the not-configured screen — status.json mode "idle",
# idle_reason "not_configured", no slide — instead of the demo's content (whose drill alert would
# look real in a lobby). Also: JSON syntax errors in the configuration are explained in plain words.
. "$(dirname "$0")/lib.sh"
bin="$1"
work="$T_WORK"

expect_check() {  # expect_check WANT_RC TEXT ARGS…: check-config's exit status and a phrase of its output
  local want="$1" text="$2"; shift 2
  local rc=0
  "$bin" check-config "$@" >"$work/out" 2>&1 || rc=$?
  [ "$rc" = "$want" ] || { cat "$work/out"; fail "check-config $*: exit $rc, expected $want"; }
  grep -qF -- "$text" "$work/out" || { cat "$work/out"; fail "check-config $*: no '$text' in its output"; }
  echo "ok: check-config $(basename "${@: -1}") → $rc: $text"
}

# 1. "feds" for "feeds": an unknown key, and no feed.
cat >"$work/typo.json" <<JSON
{"feds": ["https://feeds.example.jp/news.json"], "center_name": "池尻まちづくりセンター",
 "state_dir": "$work/state"}
JSON
expect_check 1 'did you mean "feeds"?' "$work/typo.json"
expect_check 1 "names no feed" "$work/typo.json"
expect_check 1 "names no feed" --lenient "$work/typo.json"

# 2. A newer setting is an error, unless --lenient; the config is otherwise fine.
cat >"$work/newer.json" <<JSON
{"feeds": ["$work/feed.json"], "some_future_setting": 1}
JSON
expect_check 1 "unknown key" "$work/newer.json"
expect_check 0 "OK" --lenient "$work/newer.json"

# 3. Syntax errors in plain words, with line and column.
printf '{\n  "feeds": ["a.json",],\n}\n' >"$work/comma.json"
expect_check 1 "line 2, column 21: there is a comma before ]" "$work/comma.json"
printf '{\n  \xe2\x80\x9cfeeds\xe2\x80\x9d: []\n}\n' >"$work/quotes.json"
expect_check 1 "full-width punctuation" "$work/quotes.json"

# 4. The demo only on request.
echo '{"demo": true}' >"$work/demo.json"
expect_check 0 "bundled demo" "$work/demo.json"

# 5. The kiosk with the typo'd configuration: the not-configured screen, never the demo.
"$bin" run --headless --config "$work/typo.json" >"$work/kiosk.log" 2>&1 &
kpid=$!
track "$kpid"
status="$work/state/status.json"
wait_json 60 "$status" 'd["renderer"]' "$kpid" || { cat "$work/kiosk.log"; fail "no status.json with a renderer"; }
python3 - "$status" <<'PY' || { cat "$status"; cat "$work/kiosk.log"; fail "status.json does not say not_configured"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["mode"] == "idle", d["mode"]
assert d["idle_reason"] == "not_configured", d["idle_reason"]
assert d["slide"] is None, d["slide"]
assert d["feeds"] == [], d["feeds"]
PY
grep -q 'did you mean \\"feeds\\"\|did you mean "feeds"' "$work/kiosk.log" || { cat "$work/kiosk.log"; fail "the log does not name the typo"; }
grep -q "bundled demo" "$work/kiosk.log" && { cat "$work/kiosk.log"; fail "the kiosk fell back to the demo"; }
echo "ok: run --config typo.json: mode idle, idle_reason not_configured, no slide, no demo"
