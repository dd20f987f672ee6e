#!/usr/bin/env bash
# End to end under Xvfb: the kiosk chooses its renderer itself. Started as the README starts it (no
# SDL_* variables), it reports in status.json which renderer draws and why — on a machine without a
# GPU (no /dev/dri node) SDL's software renderer, because OpenGL there is drawn on the CPU. An
# explicit display.renderer "gpu" is honoured, and so is --renderer software.
# Skips (exit 77) when Xvfb is missing.
. "$(dirname "$0")/lib.sh"
bin="$1"
work="$T_WORK"
start_xvfb 1280x720x24

# run NAME [ARGS…]: the kiosk on the bundled demo, with no SDL_* variable from outside, until
# status.json shows a slide and the renderer; then SIGTERM.
run() {
  local name="$1" pid
  shift
  env -u SDL_RENDER_DRIVER -u SDL_FRAMEBUFFER_ACCELERATION -u SDL_VIDEODRIVER \
    "$bin" run --state-dir "$work/$name" "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  track "$pid"
  wait_json 60 "$work/$name/status.json" 'd["slide"] and d["renderer"]' "$pid" ||
    { cat "$work/$name.log"; fail "$name: no slide or renderer in status.json"; }
  stop "$pid" || { rc=$?; cat "$work/$name.log"; fail "$name exited $rc"; }
}

field() {  # field NAME KEY: status.json's renderer.KEY
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["renderer"]; print(r[sys.argv[2]] if r else "")' \
    "$work/$1/status.json" "$2"
}

expect() {  # expect NAME KEY VALUE
  local got
  got="$(field "$1" "$2")"
  [ "$got" = "$3" ] || { cat "$work/$1.log"; cat "$work/$1/status.json"; fail "$1: renderer.$2 is '$got', expected '$3'"; }
}

gpu_node=0
for n in /dev/dri/card* /dev/dri/renderD*; do [ -e "$n" ] && gpu_node=1; done

# 1. The default path, as the README starts the kiosk.
run default
expect default preference auto
reason="$(field default reason)"
[ -n "$reason" ] || { echo "FAIL: default: no reason in status.json"; exit 1; }
if [ $gpu_node -eq 0 ]; then
  expect default path software
  expect default name software
  case "$reason" in *"no GPU device"*) ;; *) echo "FAIL: default: reason '$reason'"; exit 1 ;; esac
else
  # Xvfb has no direct rendering: whatever GPU this machine has, OpenGL here is drawn on the CPU.
  expect default path software
  case "$reason" in *"draws on the CPU"*|*"could not be opened"*) ;; *) echo "FAIL: default: reason '$reason'"; exit 1 ;; esac
fi
grep -q "renderer software (software): " "$work/default.log" ||
  { cat "$work/default.log"; echo "FAIL: default: the choice is not in the log"; exit 1; }
grep -q '^machikado_renderer_info{renderer="software",path="software",' "$work/default/machikado.prom" ||
  { cat "$work/default/machikado.prom"; echo "FAIL: default: no renderer in the metrics"; exit 1; }
echo "ok: default: software ($reason)"

# 2. An explicit display.renderer "gpu" is honoured (here: OpenGL on llvmpipe).
echo '{"demo": true, "display": {"renderer": "gpu"}, "state_dir": "'"$work/gpu"'"}' >"$work/gpu.json"
run gpu --config "$work/gpu.json"
expect gpu preference gpu
expect gpu path gpu
case "$(field gpu name)" in opengl*) ;; *) cat "$work/gpu/status.json"; echo "FAIL: gpu: SDL renderer '$(field gpu name)'"; exit 1 ;; esac
echo "ok: gpu: $(field gpu name) ($(field gpu reason))"

# 3. --renderer software on the command line, over a configured "gpu".
run software --config "$work/gpu.json" --renderer software
expect software preference software
expect software path software
expect software name software
echo "ok: --renderer software"
