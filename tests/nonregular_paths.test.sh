#!/usr/bin/env bash
# Issue 22 review: every reader of a path from outside refuses what is not a regular file (a FIFO,
# a device, a folder) before reading it, and never blocks on opening it; and `machikado render`
# reads feed files through the kiosk's own capped reader (the FEED-v1 4 MiB cap). Checked on
# `render` (feeds and images), `validate`, and `run --headless` (feeds and images, by path and by
# file:// URL). Every command runs under `timeout`: a blocking open would show as exit 124.
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
need python3
work="$T_WORK"

mkfifo "$work/feed.fifo" "$work/img.fifo"
mkdir "$work/folder.png"
cp "$here/feeds/demo/images/cleanup.png" "$work/good.png"
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def feed(fid, images):
    items = [{"id": f"{fid}-{i}", "kind": "news", "duration": 3, "title": {"ja": f"試験 {fid}-{i}"},
              "summary": {"ja": "画像は表示されなくてもよい。"}, "image": {"url": u, "alt": {"ja": "画像"}}}
             for i, u in enumerate(images)]
    return {"format": "machikado-feed/1", "id": fid, "title": {"ja": "テストセンター"},
            "generated": "2026-11-23T09:00:00+09:00", "ttl": 300, "items": items}
doc = feed("a", ["img.fifo", "/dev/zero", "folder.png", "good.png"])
json.dump(doc, open(os.path.join(work, "a.json"), "w"), ensure_ascii=False)
# Over the cap: a valid feed padded past 4 MiB with one long summary.
big = feed("big", ["good.png"])
big["items"][0]["summary"]["ja"] = "あ" * (1_500_000)
json.dump(big, open(os.path.join(work, "big.json"), "w"), ensure_ascii=False)
assert os.path.getsize(os.path.join(work, "big.json")) > 4 * 1024 * 1024
PY

expect_refused() {  # expect_refused WHAT PATTERN -- command…: exit 1 (not 124), PATTERN in output
  local what="$1" pattern="$2" rc=0
  shift 3
  timeout 30 "$@" >"$work/out.log" 2>&1 || rc=$?
  [ "$rc" -ne 124 ] || fail "$what: blocked (timeout)"
  [ "$rc" -ne 0 ] || { cat "$work/out.log"; fail "$what: accepted"; }
  grep -q "$pattern" "$work/out.log" || { cat "$work/out.log"; fail "$what: no \"$pattern\" in its message"; }
  echo "$what: refused ($(grep -m1 -o "$pattern.*" "$work/out.log" | cut -c1-70))"
}

# 1. Feeds that are not regular files, and a feed over the cap, in `render` and `validate`.
expect_refused "render --feed FIFO" "FIFO" -- "$bin" render --feed "$work/feed.fifo" --out "$work/r1"
expect_refused "render --feed file://FIFO" "FIFO" -- "$bin" render --feed "file://$work/feed.fifo" --out "$work/r1"
expect_refused "render --feed /dev/zero" "character device" -- "$bin" render --feed /dev/zero --out "$work/r1"
expect_refused "render --feed 4+ MiB" "larger than 4194304 bytes" -- "$bin" render --feed "$work/big.json" --out "$work/r1"
expect_refused "validate FIFO" "FIFO" -- "$bin" validate "$work/feed.fifo"
expect_refused "validate /dev/zero" "character device" -- "$bin" validate /dev/zero

# 2. Images that are not regular files: render draws every slide, those without their image.
rc=0
timeout 60 "$bin" render --feed "$work/a.json" --out "$work/r2" --at 2026-11-23T14:05:00+09:00 \
  >"$work/render.log" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || { cat "$work/render.log"; fail "render with FIFO/device/folder images exited $rc"; }
for p in "FIFO" "character device" "directory"; do
  grep -q "$p" "$work/render.log" || { cat "$work/render.log"; fail "render did not say an image is $p"; }
done
python3 - "$work/r2" <<'PY'
import glob, json, os, sys
layouts = sorted(glob.glob(os.path.join(sys.argv[1], "*.layout.json")))
assert len(layouts) == 4, layouts
for f in layouts:
    has = "news:image" in [b.get("role") for b in json.load(open(f)).get("boxes", [])]
    assert has == f.endswith("a-3.layout.json"), (f, has)
print("render: 4 slides drawn, the FIFO, device and folder images left out, the good one drawn")
PY

# 3. The kiosk: a FIFO feed (by path and by file:// URL) and the feed above; it must keep running,
# show the good feed's slides and report the others.
state="$work/state"
rc=0
timeout 60 "$bin" run --headless --feed "$work/feed.fifo" --feed "file://$work/feed.fifo" \
  --feed "$work/a.json" --state-dir "$state" --run-for 8 >"$work/run.log" 2>&1 || rc=$?
[ "$rc" -ne 124 ] || { cat "$work/run.log"; fail "run blocked"; }
[ "$rc" -eq 0 ] || { cat "$work/run.log"; fail "run exited $rc"; }
python3 - "$state/status.json" <<'PY' || { cat "$work/run.log"; exit 1; }
import json, sys
d = json.load(open(sys.argv[1]))
errors = [f.get("last_error") or "" for f in d["feeds"]]
assert sum("FIFO" in e for e in errors) == 2, f"FAIL: the FIFO feeds are not reported: {errors}"
refused = {r["url"]: r["reason"] for r in d.get("refused_images", [])}
assert len(refused) == 3, f"FAIL: expected 3 refused images: {refused}"
assert all("not a regular file" in why for why in refused.values()), refused
print("run: the FIFO feeds reported as such; 3 images refused as not regular files:",
      "; ".join(sorted(refused.values()))[:160])
PY
echo "non-regular paths: OK"
