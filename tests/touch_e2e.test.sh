#!/usr/bin/env bash
# End to end under Xvfb: a real pointer click (xdotool) on a slide opens its detail (status.json mode
# "detail"), and the idle return closes it again (mode "rotation"). Skips (exit 77) when Xvfb or
# xdotool is missing.
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
work="$T_WORK"
need xdotool xdotool
need python3
start_xvfb 1280x720x24

cat >"$work/config.json" <<JSON
{
  "feeds": [{"url": "$here/feeds/demo/news.json"}, {"url": "$here/feeds/demo/preparedness.json"}],
  "idle_return_s": 5
}
JSON
state="$work/state"
mkdir -p "$state"
"$bin" run --config "$work/config.json" --windowed 1280x720 --state-dir "$state" >"$work/log" 2>&1 &
kiosk=$!
track "$kiosk"

wait_mode() {  # wait_mode MODE SECONDS
  wait_json "$2" "$state/status.json" "d['mode'] == '$1'" "$kiosk" || { cat "$work/log"; fail "mode never became $1"; }
}

wait_mode rotation 30
# A tap in the middle of the slide: the real pointer, through X, SDL and the interpreter.
xdotool mousemove 640 360 click 1
wait_mode detail 15
echo "ok: click opened the detail"
# Nobody touches it: the idle return (5 s here) closes it.
wait_mode rotation 30
echo "ok: idle return closed the detail"
