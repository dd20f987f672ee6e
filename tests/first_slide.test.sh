#!/usr/bin/env bash
# End to end under Xvfb: at launch the first slide is drawn on a worker thread while the display
# comes up, and that slide — not a second preparation — is the first frame, in landscape and on a
# screen turned to portrait. Skips (exit 77) when Xvfb is missing.
. "$(dirname "$0")/lib.sh"
bin="$1"
work="$T_WORK"
start_xvfb 1280x720x24

launch() {  # launch NAME ROTATION: a full-screen kiosk on the demo feeds, twice
  local state="$work/state-$1" pid log
  cat >"$work/$1.json" <<JSON
{"demo": true, "display": {"rotation_deg": $2}, "state_dir": "$state"}
JSON
  # A first run fills the offline cache (every feed fetched); the second starts from it, like a
  # restart. Each is stopped with SIGTERM once it has done that.
  for run in cache launch; do
    log="$work/$1-$run.log"
    MACHIKADO_REPORT_FIRST_FRAME=1 "$bin" run --config "$work/$1.json" >"$log" 2>&1 &
    pid=$!
    track "$pid"
    wait_log 60 "$log" "first-frame" "$pid"
    [ $run = cache ] && wait_json 60 "$state/status.json" \
      'd["feeds"] and all(f["state"] == "ok" for f in d["feeds"])' "$pid"
    stop "$pid" || { cat "$log"; fail "$1 $run exited $?"; }
  done
  # The first prepare logged is the worker's, and it is the slide that went on screen.
  first_prepare="$(grep -m1 ' prepare ' "$log")"
  case "$first_prepare" in
    *"drawn while the display came up"*) ;;
    *) cat "$log"; fail "$1: the first slide was not the worker's: $first_prepare" ;;
  esac
  echo "ok: $1: $first_prepare"
}

# The config asks for the bundled demo ("demo": true).
launch landscape 0
launch portrait 90
