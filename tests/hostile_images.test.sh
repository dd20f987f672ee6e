#!/usr/bin/env bash
# Issue 22: the three hostile images — a ~1.2 MB PNG that decodes to 20000×20000, a 2 KB JPEG
# header and a 35-byte GIF that both claim 65000×65000 — named by feeds on disk, so that they are
# plain paths (a feed read by path) and file:// URLs (a feed read by file:// URL). `machikado render` and `machikado run --headless` must both stay below 300 MB
# peak RSS (a memory bound, measured with /usr/bin/time -v), draw every slide without the refused
# image (and with the good one), and the kiosk must show its first slide and report each refusal
# with its reason in status.json.
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
need python3
need /usr/bin/time time
work="$T_WORK"
limit_kb=$((300 * 1024))

# The images and the feed (paths resolve beside the feed; file:// URLs are absolute).
python3 - "$work" "$here/feeds/demo/images/cleanup.png" <<'PY'
import json, os, shutil, struct, sys, zlib
work, good = sys.argv[1], sys.argv[2]

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

def black_png(w, h):  # 8-bit RGB, deflated at level 9 a row at a time
    z = zlib.compressobj(9)
    row = b"\0" * (1 + 3 * w)
    idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")

def jpeg_header(w, h):  # baseline, valid tables, then the data stops: 2 KB
    def seg(marker, data):
        return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data
    one_code = bytes([1] + [0] * 15)
    j = (b"\xFF\xD8" + seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0") + seg(0xDB, b"\0" + b"\x01" * 64)
         + seg(0xC0, struct.pack(">BHHB", 8, h, w, 3) + b"\x01\x11\x00\x02\x11\x00\x03\x11\x00")
         + seg(0xC4, b"\x00" + one_code + b"\0") + seg(0xC4, b"\x10" + one_code + b"\0")
         + seg(0xDA, b"\x03\x01\x00\x02\x00\x03\x00\x00\x3F\x00"))
    return j + b"\0" * (2048 - len(j))

def gif(w, h):  # 35 bytes: screen and one frame of w×h
    return (b"GIF89a" + struct.pack("<HHBBB", w, h, 0x80, 0, 0) + b"\0\0\0\xFF\xFF\xFF"
            + b"," + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x02\x02\x44\x01\x00" + b";")

images = {"big.png": black_png(20000, 20000), "header.jpg": jpeg_header(65000, 65000),
          "tiny.gif": gif(65000, 65000)}
assert len(images["tiny.gif"]) == 35 and len(images["header.jpg"]) == 2048
for name, data in images.items():
    open(os.path.join(work, name), "wb").write(data)
print("images: " + ", ".join(f"{n} {len(d)} B" for n, d in images.items()))

shutil.copy(good, os.path.join(work, "good.png"))

def feed(fid, names):
    items = [{"id": f"{fid}-{i}", "kind": "news", "duration": 3,
              "title": {"ja": f"画像のテスト {fid}-{i}"}, "summary": {"ja": "画像は表示されなくてもよい。"},
              "image": {"url": n, "alt": {"ja": "画像"}}} for i, n in enumerate(names)]
    doc = {"format": "machikado-feed/1", "id": fid, "title": {"ja": "テストセンター"},
           "generated": "2026-11-23T09:00:00+09:00", "ttl": 300, "items": items}
    json.dump(doc, open(os.path.join(work, fid + ".json"), "w"), ensure_ascii=False)
# Image addresses are relative to the feed: read from a path they are paths; read from a file://
# URL they are file:// URLs.
feed("a", list(images) + ["good.png"])
feed("b", list(images))
PY
# validate checks local images too: the feeds are valid, the three images are refused by name.
if "$bin" validate "$work/a.json" "$work/b.json" >"$work/validate.out"; then
  cat "$work/validate.out"; echo "FAIL: validate accepted the hostile local images"; exit 1
fi
for img in big.png header.jpg tiny.gif; do
  grep -q "image .*$img: .*the kiosk would show this item without it" "$work/validate.out" ||
    { cat "$work/validate.out"; echo "FAIL: validate does not name $img"; exit 1; }
done

peak_kb() { sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$1"; }

# 1. The staff preview (it reads feed files by path: its images are paths).
/usr/bin/time -v -o "$work/render.time" "$bin" render --feed "$work/a.json" --feed "$work/b.json" --out "$work/out" \
  --at 2026-11-23T14:05:00+09:00 >"$work/render.log" 2>&1 || { cat "$work/render.log"; echo "FAIL: render exited non-zero"; exit 1; }
render_kb="$(peak_kb "$work/render.time")"
echo "render: peak RSS $((render_kb / 1024)) MiB"
[ "$render_kb" -lt "$limit_kb" ] || fail "render peaked at $render_kb kB (limit $limit_kb)"
grep -q "20000×20000 px; at most 4096×4096" "$work/render.log" || { cat "$work/render.log"; echo "FAIL: render did not say why the PNG was refused"; exit 1; }
grep -q "65000×65000 px" "$work/render.log" || { cat "$work/render.log"; echo "FAIL: render did not say why the JPEG/GIF were refused"; exit 1; }
python3 - "$work/out" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
layouts = sorted(glob.glob(os.path.join(out, "*.layout.json")))
assert len(layouts) == 7, layouts
for f in layouts:
    boxes = [b.get("role") for b in json.load(open(f)).get("boxes", [])]
    has_image = "news:image" in boxes
    good = f.endswith("a-3.layout.json")
    assert has_image == good, (f, has_image)
    assert os.path.getsize(f.replace(".layout.json", ".png")) > 0
print("render: 7 slides drawn, the 6 hostile ones without their image, the good one with it")
PY

# 2. The kiosk, headless, one feed by path and one by file:// URL: peak RSS over a whole rotation
# (every slide prepared), first slide, refusals in status.json.
state="$work/state"
MACHIKADO_REPORT_FIRST_FRAME=1 /usr/bin/time -v -o "$work/run.time" "$bin" run --headless --feed "$work/a.json" --feed "file://$work/b.json" \
  --state-dir "$state" >"$work/run.log" 2>&1 &
time_pid=$!
track "$time_pid"
# Until every slide has been on screen and every refusal is reported (the bound only ends a hang),
# then SIGTERM to the kiosk (time's child), as systemd would stop it.
python3 - "$state/status.json" "$work/seen" <<'PY' || true
import json, sys, time
path, seen_path = sys.argv[1], sys.argv[2]
seen, refused, deadline = set(), {}, time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        d = json.load(open(path))
    except (OSError, ValueError):
        time.sleep(0.05); continue
    slide = (d.get("slide") or {}).get("id")
    if slide: seen.add(slide)
    refused = {r["url"]: r["reason"] for r in d.get("refused_images", [])}
    if len(seen) == 7 and len(refused) == 6: break
    time.sleep(0.05)
open(seen_path, "w").write(json.dumps({"seen": sorted(seen), "refused": refused}, ensure_ascii=False))
PY
kiosk_pid="$(ps -o pid= --ppid "$time_pid" | tr -d ' ')"
[ -n "$kiosk_pid" ] || { cat "$work/run.log"; fail "the kiosk exited before it was stopped"; }
kill -TERM "$kiosk_pid"
wait "$time_pid" || { rc=$?; cat "$work/run.log"; fail "run exited $rc"; }
grep -q "stopping on signal" "$work/run.log" || { cat "$work/run.log"; fail "the kiosk did not stop on SIGTERM"; }
run_kb="$(peak_kb "$work/run.time")"
echo "run: peak RSS $((run_kb / 1024)) MiB"
[ "$run_kb" -lt "$limit_kb" ] || fail "run peaked at $run_kb kB (limit $limit_kb)"
python3 - "$work/seen" <<'PY' || { cat "$work/run.log"; exit 1; }
import json, sys
d = json.load(open(sys.argv[1]))
seen, refused = d["seen"], d["refused"]
assert seen, "FAIL: no slide ever appeared in status.json"
assert len(seen) == 7, f"FAIL: not every slide was shown: {seen}"
assert len(refused) == 6, f"FAIL: status.json lists {len(refused)} refused images: {refused}"
for url, why in refused.items():
    want = "20000×20000" if url.endswith(".png") else "65000×65000"
    assert want in why, f"FAIL: {url}: {why}"
assert not any(u.endswith("good.png") for u in refused), "FAIL: the good image was refused"
assert sum(u.startswith("file://") for u in refused) == 3, f"FAIL: expected 3 file:// URLs: {refused}"
print(f"run: all 7 slides shown; status.json gives the reason for each of the 6 refused images")
PY
echo "hostile images: OK"
