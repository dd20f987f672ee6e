#!/usr/bin/env bash
# The installed path (docs/benchmarks.md, "Under cage"): the kiosk started the way the systemd unit
# starts it — `cage -- machikado run --config …` with the unit's Environment= (SDL_VIDEODRIVER=wayland)
# — on wlroots' headless backend with its pixman renderer (a stand-in for a kiosk's display, at
# 1920×1080), as an ordinary user. Reports which renderer `auto` picks and why, CPU of the kiosk and of
# cage on a static slide and over the demo rotation, and peak RSS. Prints a Markdown table.
#   bench/kiosk/cage.sh [BUILD_DIR] [EXTRA RUN ARGS…]   (root: runs as user machikado-bench)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$here/build}"
shift || true
bin="$build/machikado"
unit="${UNIT:-$here/deploy/systemd/machikado.service}"  # UNIT=… measures a variant of the unit
work="$(mktemp -d)"
chmod 0755 "$work"
pgid=""
trap '[ -n "$pgid" ] && kill -KILL -- "-$pgid" 2>/dev/null; rm -rf "$work"' EXIT
tck=$(getconf CLK_TCK)
cpu_s() { awk -v t="$tck" '{print ($14+$15)/t}' "/proc/$1/stat"; }
hwm_kb() { awk '/VmHWM/{print $2}' "/proc/$1/status"; }

runas=()
if [ "$(id -u)" -eq 0 ]; then
  id machikado-bench >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin machikado-bench
  runas=(setpriv --reuid=machikado-bench --regid="$(id -g machikado-bench)" --init-groups)
fi
envs=()
while IFS= read -r line; do envs+=("$line"); done < <(sed -n 's/^Environment=//p' "$unit")

python3 - "$here/feeds/demo/preparedness.json" "$work/static.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["items"] = d["items"][:1]; d["items"][0]["duration"] = 300
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
cp "$bin" "$work/machikado"
cp -r "$here/feeds" "$here/assets" "$work/" && [ -d "$here/fonts" ] && cp -r "$here/fonts" "$work/"

# scene NAME SECONDS RUN-ARGS…: prints "kiosk_cpu% cage_cpu% xwayland_cpu% kiosk_rss_mib
# xwayland_rss_mib renderer: reason" (Xwayland: "-" when cage did not start it)
scene() {
  local name="$1" secs="$2"
  shift 2
  local state="$work/state-$name" runtime="$work/rt-$name"
  mkdir -p "$state" "$runtime"; chmod 0700 "$runtime"
  [ ${#runas[@]} -gt 0 ] && chown machikado-bench "$state" "$runtime"
  echo "{\"state_dir\": \"$state\", \"demo\": true}" >"$work/$name.json"
  setsid "${runas[@]}" env -i PATH=/usr/bin:/bin HOME="$work" XDG_RUNTIME_DIR="$runtime" \
    STATE_DIRECTORY="$state" MACHIKADO_DATA_DIR="$work" WLR_BACKENDS=headless WLR_RENDERER=pixman \
    WLR_LIBINPUT_NO_DEVICES=1 WLR_HEADLESS_OUTPUTS=1 "${envs[@]}" \
    /usr/bin/cage -- "$work/machikado" run --config "$work/$name.json" "$@" >"$work/$name.log" 2>&1 &
  pgid=$!
  sleep 15
  local kpid; kpid=$(pgrep -f -n "$work/machikado run --config $work/$name.json")
  local xpid; xpid=$(pgrep -s "$pgid" -x Xwayland || true)
  local k0 c0 k1 c1 x0=0 x1=0 xhwm=0; k0=$(cpu_s "$kpid"); c0=$(cpu_s "$pgid")
  [ -n "$xpid" ] && x0=$(cpu_s "$xpid")
  sleep "$secs"
  k1=$(cpu_s "$kpid"); c1=$(cpu_s "$pgid")
  [ -n "$xpid" ] && { x1=$(cpu_s "$xpid"); xhwm=$(hwm_kb "$xpid"); }
  local hwm; hwm=$(hwm_kb "$kpid")
  local r; r=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["renderer"]; print("%s: %s" % (r["name"], r["reason"]))' "$state/status.json")
  kill -TERM -- "-$pgid" 2>/dev/null || true
  wait "$pgid" 2>/dev/null || true
  pgid=""
  awk -v a="$k0" -v b="$k1" -v c="$c0" -v d="$c1" -v e="$x0" -v f="$x1" -v s="$secs" -v h="$hwm" \
    -v xh="$xhwm" -v x="$xpid" -v r="$r" \
    'BEGIN{printf "%.2f %.2f %s %d %s %s\n", (b-a)/s*100, (d-c)/s*100,
           x == "" ? "-" : sprintf("%.2f", (f-e)/s*100), h/1024, x == "" ? "-" : int(xh/1024), r}'
}

read -r s_k s_c s_x s_rss s_xrss s_r < <(scene static 60 --feed "$work/static.json" "$@")
read -r r_k r_c r_x r_rss r_xrss r_r < <(scene rotation 120 "$@")
cat <<MD
| under cage (headless, pixman), $(sed -n 's/^Environment=SDL_VIDEODRIVER=//p' "$unit") video driver${*:+ (extra: $*)} | kiosk | cage | Xwayland |
|---|---|---|---|
| renderer chosen (status.json) | ${s_r} | — | — |
| CPU on a static slide (60 s) | ${s_k} % of one core | ${s_c} % | ${s_x} % |
| CPU over the demo rotation (120 s) | ${r_k} % of one core | ${r_c} % | ${r_x} % |
| peak RSS: static / rotation | ${s_rss} MiB / ${r_rss} MiB | — | ${s_xrss} / ${r_xrss} MiB |
MD
