#!/usr/bin/env bash
# End to end under Xvfb: at launch the first slide is drawn on a worker thread while the display
# comes up, and that slide — not a second preparation — is the first frame, in landscape and on a
# screen turned to portrait. Skips (exit 77) when Xvfb is missing.
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
command -v Xvfb >/dev/null || { echo "skip: Xvfb not installed"; exit 77; }

work="$(mktemp -d)"
xpid=""
cleanup() {
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

display=":$((200 + RANDOM % 500))"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

launch() {  # launch NAME ROTATION: a full-screen kiosk on the demo feeds for 3 s
  cat >"$work/$1.json" <<JSON
{"demo": true, "display": {"rotation_deg": $2}, "state_dir": "$work/state-$1"}
JSON
  # A first run fills the offline cache; the second starts from it, like a restart.
  for run in cache launch; do
    DISPLAY="$display" MACHIKADO_REPORT_FIRST_FRAME=1 "$bin" run --config "$work/$1.json" --run-for 3 \
      >"$work/$1-$run.log" 2>&1 || { rc=$?; cat "$work/$1-$run.log"; echo "FAIL: $1 $run exited $rc"; exit 1; }
  done
  log="$work/$1-launch.log"
  grep -q "first-frame" "$log" || { cat "$log"; echo "FAIL: $1: no first frame"; exit 1; }
  # The first prepare logged is the worker's, and it is the slide that went on screen.
  first_prepare="$(grep -m1 ' prepare ' "$log")"
  case "$first_prepare" in
    *"drawn while the display came up"*) ;;
    *) cat "$log"; echo "FAIL: $1: the first slide was not the worker's: $first_prepare"; exit 1 ;;
  esac
  echo "ok: $1: $first_prepare"
}

# The config asks for the bundled demo ("demo": true).
launch landscape 0
launch portrait 90
