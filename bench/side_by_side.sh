#!/usr/bin/env bash
# Side by side (issue #9; docs/benchmarks.md, "Side by side with a Chromium kiosk"): machikado (A) against
# Debian's `chromium --kiosk` (B) showing an equivalent HTML/CSS/JS slideshow generated from the same demo
# feeds, alternating A B A B on a fresh Xvfb at 1920×1080×24 each time, measured by one external observer.
#   bench/side_by_side.sh [BUILD_DIR] [ROUNDS]      (default build/, 3 rounds; ≈ 7.5 min per round)
# Environment: ROTATION_S (120), STATIC_S (60), SETTLE_S (15), OUT (results dir; default a new temp dir).
# Prints a Markdown table (medians per side, ratios); raw JSON lines, logs and screenshots stay in OUT.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$here/build}" && pwd)"
rounds="${2:-3}"
rotation_s="${ROTATION_S:-120}" static_s="${STATIC_S:-60}" settle_s="${SETTLE_S:-15}"
bin="$build/machikado"
obs="$here/bench/browser/observe.py"
out="${OUT:-$(mktemp -d /tmp/side-by-side.XXXXXX)}"
mkdir -p "$out"
work="$(mktemp -d)"
xpid=""
cleanup() {
  if [ -f "$work/pid" ]; then python3 "$obs" stop --pid "$(cat "$work/pid")" 2>/dev/null || true; fi
  if [ -n "$xpid" ]; then kill "$xpid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
command -v chromium >/dev/null || { echo "side_by_side: chromium not installed" >&2; exit 77; }
command -v Xvfb >/dev/null || { echo "side_by_side: Xvfb not installed" >&2; exit 77; }
[ -x "$bin" ] || { echo "side_by_side: no $bin (build first: deploy/build.sh)" >&2; exit 2; }

display=":$((600 + RANDOM % 300))"
export DISPLAY="$display"
start_x() {  # a fresh X server per run, so its memory is that one client's share
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp -br >/dev/null 2>&1 &
  xpid=$!
  for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && return; sleep 0.05; done
  echo "side_by_side: Xvfb did not start" >&2; exit 1
}
stop_x() { kill "$xpid"; wait "$xpid" 2>/dev/null || true; xpid=""; }

# --- what both sides show -----------------------------------------------------------------------------
demo="$here/feeds/demo"
feeds=("$demo/news.json" "$demo/preparedness.json" "$demo/projects.json" "$demo/drill.json")
echo '{"demo": true, "durations": {"crossfade_ms": 1000}}' >"$work/kiosk.json"  # the demo, with a 1 s crossfade
# The embedded demo shifts its dates by whole weeks to stay current (feeds/demo/README.md); plan the
# rotation at the same point of the unshifted week so the page has the slides the kiosk shows now.
at=$(python3 - "$demo/news.json" <<'PY'
import datetime, json, sys
gen = datetime.datetime.fromisoformat(json.load(open(sys.argv[1]))["generated"])
now = datetime.datetime.now(gen.tzinfo)
print((now - (now - gen) // datetime.timedelta(days=7) * datetime.timedelta(days=7)).isoformat(timespec="seconds"))
PY
)
# The order, repeats and durations: `machikado render`'s manifest, which follows the kiosk's own screen
# step (schedule/screen_plan.h).
feed_args=(); for f in "${feeds[@]}"; do feed_args+=(--feed "$f"); done
"$bin" render --at "$at" --district ikejiri "${feed_args[@]}" --size 320x180 --out "$work/plan" >/dev/null
python3 "$here/bench/browser/make_slideshow.py" --manifest "$work/plan/manifest.json" "${feeds[@]/#/--feed=}" \
  --center "池尻まちづくりセンター（デモ）" --crossfade-ms 1000 --out "$out/rotation.html"
# The static slide: a one-item feed (as bench/kiosk/run.sh); its progress bar moves once a second.
python3 - "$demo/preparedness.json" "$work/static.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["items"] = d["items"][:1]; d["items"][0]["duration"] = 300
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$bin" render --at "$at" --feed "$work/static.json" --size 320x180 --out "$work/plan-static" >/dev/null
python3 "$here/bench/browser/make_slideshow.py" --manifest "$work/plan-static/manifest.json" \
  --feed "$work/static.json" --assets "$here/assets" --out "$out/static.html"

# --- the two programs ---------------------------------------------------------------------------------
# B's flags: what a kiosk deployment uses (full screen, no error dialogs, bars, first-run or restore
# bubbles, translate prompt), --disable-gpu since there is no GPU (software compositing, as A's software
# renderer), a profile of its own; --no-sandbox only because the benchmark may run as root.
# shellcheck disable=SC2054 # the commas are part of --window-position=0,0 and --window-size
chromium_flags=(--kiosk --noerrdialogs --disable-infobars --no-first-run --disable-session-crashed-bubble
  --disable-features=Translate --disable-gpu --password-store=basic --window-position=0,0
  --window-size=1920,1080)
[ "$(id -u)" = 0 ] && chromium_flags+=(--no-sandbox)
# A as the README and the systemd unit start it: no SDL_* variable (the kiosk chooses its renderer;
# status.json in OUT says which). MACHIKADO_REPORT_FIRST_FRAME only logs the first frame's time.
a_env=(env -u SDL_RENDER_DRIVER -u SDL_FRAMEBUFFER_ACCELERATION -u SDL_VIDEODRIVER
  MACHIKADO_REPORT_FIRST_FRAME=1)

# Command line of side $1 (A|B) for scene $2 (rotation|static), with a fresh copy of the warm state.
cmd_for() {
  rm -rf "$work/run-state"
  if [ "$1" = A ]; then
    cp -a "$work/a-warm" "$work/run-state"
    local what=(--config "$work/kiosk.json")
    [ "$2" = static ] && what=(--feed "$work/static.json")
    echo "${a_env[@]}" "$bin" run "${what[@]}" --state-dir "$work/run-state" --run-for $((settle_s + rotation_s + static_s + 300))
  else
    cp -a "$work/b-warm" "$work/run-state"
    echo chromium "${chromium_flags[@]}" --user-data-dir="$work/run-state" "file://$out/$2.html"
  fi
}

# Warm-up once per side, so both start from a cache/profile that exists, with the files in the page
# cache: A's offline cache of the feeds, B's profile directory.
start_x
"${a_env[@]}" "$bin" run --config "$work/kiosk.json" --state-dir "$work/a-warm" --run-for 4 >/dev/null 2>&1
"${a_env[@]}" "$bin" run --feed "$work/static.json" --state-dir "$work/a-warm" --run-for 4 >/dev/null 2>&1
stop_x
mkdir -p "$work/b-warm"
for page in rotation static; do
  start_x
  python3 "$obs" launch --pidfile "$work/pid" -- chromium "${chromium_flags[@]}" \
    --user-data-dir="$work/b-warm" "file://$out/$page.html" >/dev/null
  sleep 4; python3 "$obs" stop --pid "$(cat "$work/pid")"; rm -f "$work/pid"
  stop_x
done

# --- the rounds: A B A B … ----------------------------------------------------------------------------
results="$out/results.jsonl"
: >"$results"
{ echo "date: $(date -Is)"; echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo
  free -m | sed -n 2p; echo "kernel: $(uname -r)"; chromium --version 2>/dev/null
  echo "chromium flags: ${chromium_flags[*]}"; echo "machikado: $bin ($(git -C "$here" rev-parse --short HEAD 2>/dev/null))"
  echo "rounds: $rounds, rotation window: ${rotation_s} s, static window: ${static_s} s, settle: ${settle_s} s"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } >"$out/machine.txt"
for round in $(seq "$rounds"); do
  for side in A B; do
    for scene in rotation static; do
      start_x
      # shellcheck disable=SC2046 # cmd_for prints a command line without spaces inside arguments
      launch=$(python3 "$obs" launch --pidfile "$work/pid" --log "$out/$side-$scene-$round.log" -- $(cmd_for $side $scene))
      pid=$(cat "$work/pid")
      sleep "$settle_s"
      window=$rotation_s; [ $scene = static ] && window=$static_s
      sample=$(python3 "$obs" sample --pid "$pid" --seconds "$window" --xvfb "$xpid")
      import -window root "$out/$side-$scene-$round.png" 2>/dev/null || true
      python3 "$obs" stop --pid "$pid"; rm -f "$work/pid"
      stop_x
      self=$(awk '/first-frame/{print $4; exit}' "$out/$side-$scene-$round.log")
      echo "{\"side\": \"$side\", \"scene\": \"$scene\", \"round\": $round, \"self_first_frame_ms\": ${self:-null}," \
        "\"launch\": $launch, \"sample\": $sample}" >>"$results"
      echo "round $round $side $scene: $launch $sample" >&2
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
python3 "$here/bench/browser/summarize.py" "$results"
echo
echo "(raw results, logs and screenshots: $out)"
