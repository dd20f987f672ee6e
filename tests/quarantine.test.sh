#!/usr/bin/env bash
# Issue 22, crash injection: an item that aborts the kiosk while it is being prepared (the test
# hook $MACHIKADO_TEST_ABORT_ITEM, as a renderer crash would) costs one restart. After the crash,
# the restarted kiosk — the item still poisonous — skips it, reports it in status.json and the
# metrics, and shows the rest of the rotation; once the item changes it is shown again.
. "$(dirname "$0")/lib.sh"
bin="$1"
need python3
ulimit -c 0  # the abort is expected: no core file
work="$T_WORK"
state="$work/state"

write_feed() {  # write_feed SUMMARY_OF_THE_POISON_ITEM
  python3 - "$work/feed.json" "$1" <<'PY'
import json, sys
def item(i, summary="いつもの お知らせです。"):
    return {"id": i, "kind": "news", "duration": 3, "title": {"ja": f"お知らせ {i}"},
            "summary": {"ja": summary}}
feed = {"format": "machikado-feed/1", "id": "q", "title": {"ja": "テストセンター"},
        "generated": "2026-11-23T09:00:00+09:00", "ttl": 300,
        "items": [item("poison", sys.argv[2]), item("a"), item("c")]}
json.dump(feed, open(sys.argv[1], "w"), ensure_ascii=False)
PY
}

# watch OUT WANT PID: records what status.json shows (slides in order, the quarantine) until the
# slides WANT (space-separated, in this order, not necessarily adjacent) have been seen one after
# another, then writes OUT. The timeout only ends a hang; fails at once when PID exits.
watch() {
  python3 - "$state/status.json" "$1" "$2" "$3" <<'PY'
import json, os, sys, time
path, out, want, pid = sys.argv[1], sys.argv[2], sys.argv[3].split(), int(sys.argv[4])
shown, quarantined, deadline = [], [], time.monotonic() + 120
def done():
    i = 0
    for s in shown:
        if i < len(want) and s == want[i]: i += 1
    return i == len(want)
while time.monotonic() < deadline and not done():
    try:
        d = json.load(open(path))
        slide = (d.get("slide") or {}).get("id")
        if slide and (not shown or shown[-1] != slide): shown.append(slide)
        quarantined = d.get("quarantined", [])
    except (OSError, ValueError):
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print(f"FAIL: the kiosk exited; slides shown: {shown}"); sys.exit(1)
    time.sleep(0.05)
json.dump({"seen": sorted(set(shown)), "shown": shown, "quarantined": quarantined}, open(out, "w"))
sys.exit(0 if done() else 1)
PY
}

write_feed "この項目でキオスクが止まります。"

# 1. The crash: the kiosk aborts when it prepares the poison item.
rc=0
MACHIKADO_TEST_ABORT_ITEM=poison "$bin" run --headless --feed "$work/feed.json" --state-dir "$state" \
  --run-for 30 >"$work/run1.log" 2>&1 || rc=$?
[ "$rc" -ne 0 ] || { cat "$work/run1.log"; echo "FAIL: the poison item did not abort the kiosk"; exit 1; }
grep -q "test hook: aborting while preparing poison" "$work/run1.log" || { cat "$work/run1.log"; echo "FAIL: died for another reason (exit $rc)"; exit 1; }
grep -q '"id":"poison"' "$state/quarantine/marker" || { echo "FAIL: no marker naming the poison item"; exit 1; }
echo "ok: run 1 aborted (exit $rc) while preparing the poison item; its marker survived"

# 2. The one restart: the item is still poisonous, but skipped — watched over a whole rotation
# (c, then a again: the poison item's turn came in between), then stopped as systemd would.
MACHIKADO_TEST_ABORT_ITEM=poison "$bin" run --headless --feed "$work/feed.json" --state-dir "$state" \
  >"$work/run2.log" 2>&1 &
kiosk_pid=$!
track "$kiosk_pid"
watch "$work/run2.json" "a c a" "$kiosk_pid" || { cat "$work/run2.log"; fail "run 2 did not go round"; }
wait_log 30 "$state/machikado.prom" '^machikado_quarantined_items 1$' "$kiosk_pid"
stop "$kiosk_pid" || { rc=$?; cat "$work/run2.log"; fail "the restarted kiosk exited $rc"; }
python3 - "$work/run2.json" <<'PY' || { cat "$work/run2.log"; exit 1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert "poison" not in d["seen"], f"FAIL: the quarantined item was shown: {d}"
assert {"a", "c"} <= set(d["seen"]), f"FAIL: the rest of the rotation was not shown: {d}"
q = d["quarantined"]
assert len(q) == 1 and q[0]["id"] == "poison" and q[0]["feed"] == "q" and q[0]["phase"] == "preparing", q
assert len(q[0]["content_hash"]) == 16 and q[0]["since"], q
print(f"ok: run 2 showed {d['seen']} and reports the poison item quarantined")
PY
grep -q '^machikado_quarantined_items 1$' "$state/machikado.prom" || { cat "$state/machikado.prom"; echo "FAIL: metrics do not report the quarantine"; exit 1; }
grep -q '^machikado_quarantined_at_start 1$' "$state/machikado.prom" || { echo "FAIL: metrics do not report the quarantine at start"; exit 1; }
grep -q "died while preparing item poison of feed q" "$work/run2.log" || { cat "$work/run2.log"; echo "FAIL: the quarantine was not logged"; exit 1; }
[ ! -e "$state/quarantine/marker" ] || { echo "FAIL: a clean exit left its marker"; exit 1; }
echo "ok: metrics report it; the clean exit removed the marker"

# 3. Staff fix the item: changed content leaves quarantine and is shown.
write_feed "直しました。"
"$bin" run --headless --feed "$work/feed.json" --state-dir "$state" >"$work/run3.log" 2>&1 &
kiosk_pid=$!
track "$kiosk_pid"
watch "$work/run3.json" "poison" "$kiosk_pid" || { cat "$work/run3.log"; fail "run 3 never showed the changed item"; }
stop "$kiosk_pid" || { rc=$?; cat "$work/run3.log"; fail "run 3 exited $rc"; }
python3 - "$work/run3.json" <<'PY' || { cat "$work/run3.log"; exit 1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["quarantined"] == [], f"FAIL: the changed item is still quarantined: {d}"
assert "poison" in d["seen"], f"FAIL: the changed item was not shown: {d}"
print(f"ok: run 3 (item changed) showed {d['seen']}, nothing quarantined")
PY
echo "quarantine: OK"
