#!/usr/bin/env bash
# End to end under Xvfb (issue #18): a video slide plays from the kiosk's media cache after a
# restart with the server gone — successive screenshots differ in the video's box and look like
# the clip's frames, and the Japanese caption of the moment is drawn (status.json "video" names the
# cue and its language; the pixels of the caption band are checked too) — and a takeover alert
# published while it plays replaces it. Hostile files (random bytes named .mp4, a truncated clip,
# an 8K clip) are skipped with a reason in status.json while the rotation goes on.
# Skips (exit 77) without ffmpeg, Xvfb or ImageMagick.
. "$(dirname "$0")/lib.sh"
bin="$1"
work="$T_WORK"
need ffmpeg ffmpeg
need import imagemagick
need compare imagemagick
need python3
start_xvfb 1280x720x24

srv="$work/srv"
mkdir -p "$srv"
# The clip: ffmpeg's test pattern (a moving picture with a running counter), 6 s, 640x360 H.264.
ffmpeg -v error -f lavfi -i testsrc=size=640x360:rate=25:duration=6 -c:v libx264 -preset ultrafast \
  -pix_fmt yuv420p "$srv/clip.mp4"
# Its frames, to compare the screen with.
mkdir -p "$work/frames"
ffmpeg -v error -i "$srv/clip.mp4" -vf fps=5 "$work/frames/f%03d.png"
# Hostile files: random bytes, a truncated clip, an 8K picture (over the 3840x2160 cap).
head -c 300000 /dev/urandom >"$srv/random.mp4"
head -c 3000 "$srv/clip.mp4" >"$srv/truncated.mp4"
ffmpeg -v error -f lavfi -i testsrc=size=7680x4320:rate=1:duration=1 -c:v libx264 -preset ultrafast \
  -pix_fmt yuv420p "$srv/8k.mp4"
cat >"$srv/clip.ja.vtt" <<'VTT'
WEBVTT

00:00:00.000 --> 00:10:00.000
商店街の餅つき大会を撮影しました
VTT

video_item() {  # video_item ID FILE
  cat <<JSON
    {"id": "$1", "kind": "video", "title": {"ja": "動画 $1"}, "summary": {"ja": "地域の動画です"},
     "url": "https://example.org/machikado-test/$1", "video": {"url": "$2"}, "captions": {"ja": "clip.ja.vtt"}, "loop": true, "max_seconds": 20}
JSON
}
write_feed() {  # write_feed FILE ITEMS...
  local out="$1"
  shift
  {
    echo '{"format": "machikado-feed/1", "id": "test.video", "title": {"ja": "動画"},'
    echo ' "generated": "'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'", "ttl": 60, "items": ['
    local first=1
    for item in "$@"; do
      [ $first = 1 ] || echo ','
      first=0
      echo "$item"
    done
    echo ']}'
  } >"$out"
}
write_feed "$srv/feed.json" "$(video_item clip clip.mp4)" "$(video_item random random.mp4)" \
  "$(video_item truncated truncated.mp4)" "$(video_item eightk 8k.mp4)"
# Alerts: a local file feed polled every 5 s, empty until the takeover is published (the demo's
# level-4 alert, made current).
alerts="$work/alerts.json"
make_alerts() {  # make_alerts OUT WITH_ALERT
  python3 "$T_ROOT/tests/current_alerts.py" "$T_ROOT/feeds/demo/alerts.json" "$1" "$2"
}
make_alerts "$alerts" 0

serve "$srv"
cat >"$work/config.json" <<JSON
{
  "feeds": [{"url": "http://127.0.0.1:$T_PORT/feed.json"}, {"url": "$alerts", "poll_interval_s": 5}],
  "language": "ja",
  "idle_return_s": 5
}
JSON
state="$work/state"
mkdir -p "$state"
run_kiosk() {
  "$bin" run --config "$work/config.json" --windowed 1280x720 --state-dir "$state" >>"$work/log" 2>&1 &
  kiosk=$!
  track "$kiosk"
}
dump() { cat "$work/log" >&2; cat "$state/status.json" >&2 || true; }

# 1. Online: the kiosk caches the clip, its captions and the hostile files.
run_kiosk
wait_json 60 "$state/status.json" 'd["media"]["ready"] >= 5' "$kiosk" || { dump; fail "files never cached"; }
stop "$kiosk"
stop_server

# 2. Restarted with the server gone: the cached clip plays; the hostile files are skipped.
run_kiosk
wait_json 60 "$state/status.json" \
  'd["video"] and d["video"]["url"].endswith("/clip.mp4") and d["video"]["state"] == "playing"' \
  "$kiosk" || { dump; fail "the cached video never played offline"; }
wait_json 30 "$state/status.json" 'd["video"]["caption"] == "商店街の餅つき大会を撮影しました"' "$kiosk" ||
  { dump; fail "no caption"; }
[ "$(json_get "$state/status.json" 'd["video"]["caption_lang"]')" = ja ] || fail "caption language"
read -r bx by bw bh < <(json_get "$state/status.json" '" ".join(map(str, d["video"]["box"]))')
echo "video box ${bw}x${bh}+${bx}+${by}"
# The picture inside the box (aspect kept, 16:9), above the caption band.
read -r px py pw ph < <(python3 -c "
bx,by,bw,bh=$bx,$by,$bw,$bh
s=min(bw/640,bh/360); w=int(640*s); h=int(360*s)
print(bx+(bw-w)//2, by+(bh-h)//2, w, int(h*0.6))")
crop() { convert "$1" -crop "${pw}x${ph}+${px}+${py}" +repage -resize 320x108! "$2"; }
rmse() { { compare -metric RMSE "$1" "$2" null: 2>&1 || true; } | sed -E 's/.*\((.*)\).*/\1/'; }
# Screenshots until the picture has moved on (the test pattern's counter turns every second).
import -window root "$work/s1.png"
crop "$work/s1.png" "$work/c1.png"
moved=""
for _ in $(seq 40); do
  import -window root "$work/s2.png"
  crop "$work/s2.png" "$work/c2.png"
  d12="$(rmse "$work/c1.png" "$work/c2.png")"
  if python3 -c "import sys; sys.exit(0 if $d12 > 0.005 else 1)"; then moved=1; break; fi
done
[ -n "$moved" ] || fail "the video area does not move"
echo "successive screenshots differ by RMSE $d12"
[ -z "${MACHIKADO_TEST_KEEP:-}" ] || cp "$work"/s[12].png "$MACHIKADO_TEST_KEEP"/
# Each screenshot is closer to some frame of the clip than to a blank box.
best_match() {  # best_match CROP → the smallest RMSE against the clip's frames
  local best=1 f d
  for f in "$work"/frames/f*.png; do
    convert "$f" -crop 640x216+0+0 +repage -resize 320x108! "$work/fc.png"
    d="$(rmse "$1" "$work/fc.png")"
    best="$(python3 -c "print(min($best, $d))")"
  done
  echo "$best"
}
convert -size 320x108 xc:gray50 "$work/gray.png"
for i in 1 2; do
  m="$(best_match "$work/c$i.png")"
  g="$(rmse "$work/c$i.png" "$work/gray.png")"
  echo "screenshot $i: nearest clip frame RMSE $m (against grey $g)"
  python3 -c "import sys; sys.exit(0 if $m < 0.2 and $m < $g / 2 else 1)" ||
    fail "screenshot $i does not look like the clip"
done
# The caption band darkens the clip (nothing in it stays near white) behind white text: in the
# middle of the band, near-white pixels are the caption's glyphs.
read -r cx cy cw ch < <(python3 -c "
bx,by,bw,bh=$bx,$by,$bw,$bh
print(bx+bw*3//8, by+int(bh*0.86), bw//4, int(bh*0.09))")
white="$(convert "$work/s1.png" -crop "${cw}x${ch}+${cx}+${cy}" +repage -colorspace gray -threshold 85% \
  -format '%[fx:mean]' info:)"
echo "caption band: white fraction $white"
python3 -c "import sys; sys.exit(0 if 0.02 < $white < 0.6 else 1)" || fail "no caption text drawn"

# A tap on the playing video opens its detail view (summary, the captions as a transcript, the QR
# code) and pauses the video; nobody touches it and the idle return closes it.
if command -v xdotool >/dev/null; then
  xdotool mousemove 640 360 click 1
  wait_json 15 "$state/status.json" 'd["mode"] == "detail" and d["video"]["state"] == "paused"' \
    "$kiosk" || { dump; fail "a tap did not open the video's detail"; }
  import -window root "$work/detail.png"
  [ -z "${MACHIKADO_TEST_KEEP:-}" ] || cp "$work/detail.png" "$MACHIKADO_TEST_KEEP"/
  wait_json 30 "$state/status.json" 'd["mode"] == "rotation"' "$kiosk" || { dump; fail "detail stayed"; }
  echo "ok: a tap opened the video's detail, which paused it"
else
  echo "xdotool not installed: the tap is not tried"
fi

# 3. The rotation goes past the hostile files, each skipped with a reason, and back to the clip.
wait_json 90 "$state/status.json" 'len(d["media"]["skipped"]) >= 3' "$kiosk" ||
  { dump; fail "hostile files not skipped"; }
python3 - "$state/status.json" <<'PY' || { dump; fail "hostile files not skipped with a reason"; }
import json, sys
d = json.load(open(sys.argv[1]))
skipped = {s["url"].rsplit("/", 1)[-1]: s["reason"] for s in d["media"]["skipped"]}
print("skipped:", skipped)
for name in ("random.mp4", "truncated.mp4", "8k.mp4"):
    assert name in skipped and skipped[name], name
PY
wait_json 60 "$state/status.json" 'd["video"] and d["video"]["state"] == "playing"' "$kiosk" ||
  { dump; fail "the clip did not come back"; }

# 4. A takeover alert published while the video plays replaces it.
make_alerts "$alerts" 1
wait_json 60 "$state/status.json" 'd["mode"] == "emergency" and d["video"] is None' "$kiosk" ||
  { dump; fail "the takeover did not replace the video"; }
import -window root "$work/s4.png"
crop "$work/s4.png" "$work/c4.png"
m="$(best_match "$work/c4.png")"
echo "after the takeover: nearest clip frame RMSE $m"
python3 -c "import sys; sys.exit(0 if $m > 0.1 else 1)" || fail "the video is still drawn under the takeover"

stop "$kiosk"
echo "ok: video slide"
