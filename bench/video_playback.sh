#!/usr/bin/env bash
# Video playback side by side (issue #18; docs/benchmarks.md, "Video slides"): the kiosk playing a
# cached video slide against `mpv` alone playing the same file (the floor) and against Debian's
# `chromium --kiosk` playing it in a muted, looping <video> element, for a 720p and a 1080p H.264
# clip made with ffmpeg, each on a fresh Xvfb at 1920×1080×24, measured by one external observer
# (bench/browser/observe.py sample: CPU of the whole process tree, RSS/PSS) — then the takeover
# latency while a video plays (alert file published → status.json mode "emergency").
#   bench/video_playback.sh [BUILD_DIR] [ROUNDS]      (default build/, 1 round; ≈ 3 min per round)
# Environment: SAMPLE_S (30), SETTLE_S (8), SIDES ("machikado mpv chromium"), TAKEOVER (1: measure
# it), OUT (results dir; default a new temp dir; samples.jsonl there is appended to).
# The kiosk runs as the systemd unit starts it (`machikado run --config`), without tuning variables.
# Prints a Markdown table of medians; raw JSON lines stay in OUT. Needs ffmpeg, mpv, chromium, Xvfb.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$here/build}" && pwd)"
rounds="${2:-1}"
sample_s="${SAMPLE_S:-30}" settle_s="${SETTLE_S:-8}"
sides="${SIDES:-machikado mpv chromium}" takeover="${TAKEOVER:-1}"
# Chromium as bench/side_by_side.sh starts it (software rendering, a profile of its own; --no-sandbox
# only because the benchmark may run as root), allowed to autoplay the muted video.
chromium_flags=(--kiosk --noerrdialogs --disable-infobars --no-first-run --disable-session-crashed-bubble
  --disable-features=Translate --disable-gpu --password-store=basic --window-position=0,0
  --window-size=1920,1080 --autoplay-policy=no-user-gesture-required)
[ "$(id -u)" = 0 ] && chromium_flags+=(--no-sandbox)
bin="$build/machikado"
obs="$here/bench/browser/observe.py"
out="${OUT:-$(mktemp -d /tmp/video-bench.XXXXXX)}"
mkdir -p "$out"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do python3 "$obs" stop --pid "$p" >/dev/null 2>&1 || true; done
  for f in "$work"/http-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  [ -z "$xpid" ] || kill "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for tool in ffmpeg mpv chromium Xvfb python3; do
  command -v "$tool" >/dev/null || { echo "video_playback: $tool not installed" >&2; exit 77; }
done
[ -x "$bin" ] || { echo "video_playback: no $bin (build first)" >&2; exit 2; }

# --- the clips: ffmpeg's moving test pattern, 20 s, H.264 (libx264, as a local group's editor makes)
make_clip() {  # make_clip NAME WxH
  [ -s "$work/$1.mp4" ] || ffmpeg -v error -f lavfi -i "testsrc2=size=$2:rate=30:duration=20" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p "$work/$1.mp4"
}
make_clip 720p 1280x720
make_clip 1080p 1920x1080

xpid=""
start_x() {
  local fifo="$work/xfifo" n=""
  rm -f "$fifo"; mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
  xpid=$!
  read -r -t 30 n <"$fifo"
  export DISPLAY=":$n"
}
stop_x() { kill "$xpid" 2>/dev/null || true; wait "$xpid" 2>/dev/null || true; xpid=""; }
launch() {  # launch CMD...: started in its own session; pid in $lpid
  setsid "$@" >"$work/launch.log" 2>&1 &
  lpid=$!
  pids+=("$lpid")
}
measure() {  # measure SIDE CLIP
  sleep "$settle_s"  # a benchmark's settling time (not synchronisation): playback reaches steady state
  python3 "$obs" sample --pid "$lpid" --seconds "$sample_s" --xvfb "$xpid" |
    python3 -c "import json,sys; d=json.load(sys.stdin); d.update(side='$1', clip='$2'); print(json.dumps(d))" \
    >>"$out/samples.jsonl"
  python3 "$obs" stop --pid "$lpid" >/dev/null 2>&1 || true
}

kiosk_state() {  # a kiosk state dir whose media cache holds CLIP (downloaded from a loopback server)
  local clip="$1" st="$work/state-$1"
  [ -d "$st/media" ] && { echo "$st"; return; }
  mkdir -p "$work/srv-$clip" "$st"
  cp "$work/$clip.mp4" "$work/srv-$clip/clip.mp4"
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/srv-$clip" >"$work/http-$clip.log" 2>&1 &
  local hp=$!
  local port=""
  for _ in $(seq 100); do
    port="$(sed -nE 's/.*port ([0-9]+).*/\1/p' "$work/http-$clip.log" | head -1)"
    [ -n "$port" ] && break
    sleep 0.1
  done
  cat >"$work/srv-$clip/feed.json" <<JSON
{"format": "machikado-feed/1", "id": "bench.video", "title": {"ja": "動画"},
 "generated": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "ttl": 3600, "items": [
 {"id": "clip", "kind": "video", "title": {"ja": "地域の動画"}, "summary": {"ja": "ベンチマーク"},
  "video": {"url": "clip.mp4"}, "loop": true, "max_seconds": 600}]}
JSON
  cat >"$work/config-$clip.json" <<JSON
{"feeds": [{"url": "http://127.0.0.1:$port/feed.json"}, {"url": "$work/alerts.json", "poll_interval_s": 5}]}
JSON
  echo "$st"
  echo "$hp" >"$work/http-$clip.pid"
}

write_alerts() {  # write_alerts 0|1
  python3 "$here/tests/current_alerts.py" "$here/feeds/demo/alerts.json" "$work/alerts.json" "$1"
}
wait_status() {  # wait_status STATE EXPR SECONDS
  python3 - "$@" <<'PY'
import json, sys, time
path, expr, seconds = sys.argv[1] + "/status.json", sys.argv[2], float(sys.argv[3])
end = time.monotonic() + seconds
while time.monotonic() < end:
    try:
        d = json.load(open(path))
        if eval(expr, {"d": d}):
            sys.exit(0)
    except Exception:
        pass
    time.sleep(0.02)
sys.exit(1)
PY
}

write_alerts 0
for clip in 720p 1080p; do
  st="$(kiosk_state "$clip" | head -1)"
  # First run: the kiosk downloads the clip into its media cache.
  start_x
  launch "$bin" run --config "$work/config-$clip.json" --state-dir "$st"
  wait_status "$st" 'd["video"] and d["video"]["state"] == "playing"' 120 ||
    { echo "video_playback: the kiosk never played $clip" >&2; cat "$work/launch.log" >&2; exit 1; }
  python3 "$obs" stop --pid "$lpid" >/dev/null 2>&1 || true
  stop_x
  cat >"$work/page-$clip.html" <<HTML
<!doctype html><html><body style="margin:0;background:#000">
<video src="$clip.mp4" autoplay muted loop playsinline style="width:100vw;height:100vh;object-fit:contain"></video>
</body></html>
HTML
  for r in $(seq "$rounds"); do
    for side in $sides; do
      start_x
      case "$side" in
        machikado)
          launch "$bin" run --config "$work/config-$clip.json" --state-dir "$st"
          wait_status "$st" 'd["video"] and d["video"]["state"] == "playing"' 60 || true ;;
        mpv) launch mpv --no-config --no-audio --vo=x11 --fs --loop=inf "$work/$clip.mp4" ;;
        chromium)
          launch chromium "${chromium_flags[@]}" --user-data-dir="$work/chromium-$clip-$r" \
            "file://$work/page-$clip.html" ;;
      esac
      measure "$side" "$clip"
      stop_x
    done
  done
done

# Takeover latency while the 720p video plays: the alert file is replaced; status.json follows.
st="$work/state-720p"
for r in $(seq $((takeover ? 3 : 0))); do
  write_alerts 0
  start_x
  launch "$bin" run --config "$work/config-720p.json" --state-dir "$st"
  wait_status "$st" 'd["video"] and d["video"]["state"] == "playing"' 60 || true
  t0="$(date +%s.%N)"
  write_alerts 1
  wait_status "$st" 'd["mode"] == "emergency" and d["video"] is None' 60 &&
    echo "{\"side\": \"takeover\", \"latency_s\": $(python3 -c "import time; print(round(time.time() - $t0, 2))")}" >>"$out/samples.jsonl"
  python3 "$obs" stop --pid "$lpid" >/dev/null 2>&1 || true
  stop_x
done
write_alerts 0

python3 - "$out/samples.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| clip | player | CPU % (median) | RSS MiB (median of peaks) | PSS MiB | Xvfb CPU % |")
print("|---|---|---|---|---|---|")
for clip in ("720p", "1080p"):
    for side in ("machikado", "mpv", "chromium"):
        rs = [r for r in rows if r.get("clip") == clip and r.get("side") == side]
        if not rs:
            continue
        med = lambda k: statistics.median(r[k] for r in rs)
        print(f"| {clip} | {side} | {med('cpu_pct'):.1f} | {med('rss_peak_mib'):.0f} | {med('pss_peak_mib'):.0f} | {med('xvfb_cpu_pct'):.1f} |")
lat = [r["latency_s"] for r in rows if r.get("side") == "takeover"]
if lat:
    print(f"\ntakeover while a 720p video plays (alert file replaced → status.json emergency, poll every 5 s): median {statistics.median(lat):.2f} s over {len(lat)}")
PY
echo "raw: $out/samples.jsonl" >&2
