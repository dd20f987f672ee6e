#!/usr/bin/env bash
# End to end under Xvfb: a real pointer click (xdotool) on a slide opens its detail (status.json mode
# "detail"), and the idle return closes it again (mode "rotation"). Needs the App loop with
# `machikado run --windowed`; skips (exit 77) until that exists or when Xvfb/xdotool are missing.
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
if ! "$bin" run --help 2>&1 | grep -q -- '--windowed'; then
  echo "skip: 'machikado run' has no --windowed yet"
  exit 77
fi
for tool in Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { echo "skip: $tool not installed"; exit 77; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

display=":$((200 + RANDOM % 500))"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do DISPLAY="$display" xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

cat >"$work/config.json" <<JSON
{
  "feeds": [{"url": "$here/feeds/demo/news.json"}, {"url": "$here/feeds/demo/preparedness.json"}],
  "idle_return_s": 5
}
JSON
state="$work/state"
mkdir -p "$state"
DISPLAY="$display" "$bin" run --config "$work/config.json" --windowed 1280x720 \
  --state-dir "$state" >"$work/log" 2>&1 &
pids+=($!)

mode() {
  python3 -c 'import json,sys
try: print(json.load(open(sys.argv[1])).get("mode", ""))
except Exception: print("")' "$state/status.json"
}
wait_mode() {  # wait_mode MODE SECONDS
  local want="$1" tries=$(($2 * 10))
  for _ in $(seq "$tries"); do
    [ "$(mode)" = "$want" ] && return 0
    sleep 0.1
  done
  echo "FAIL: mode is '$(mode)', waited $2 s for '$want'"
  cat "$work/log"
  return 1
}

wait_mode rotation 15
# A tap in the middle of the slide: the real pointer, through X, SDL and the interpreter.
DISPLAY="$display" xdotool mousemove 640 360 click 1
wait_mode detail 5
echo "ok: click opened the detail"
# Nobody touches it: the idle return (5 s here) closes it.
wait_mode rotation 15
echo "ok: idle return closed the detail"
