#!/usr/bin/env bash
# The kiosk's own figures on this machine (docs/benchmarks.md, "The screen"): launch to first slide
# from the cache, CPU on a static slide and over a rotation, peak RSS, slide preparation time and
# frame times — machikado under Xvfb at 1920×1080, started as the README starts it: no SDL_* variables,
# the renderer is the kiosk's own choice (status.json says which and why). Forced paths are extra rows.
#   bench/kiosk/run.sh [BUILD_DIR]      (needs Xvfb; prints a Markdown table)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/build}/machikado"
work="$(mktemp -d)"
xpid=""
trap '[ -n "$xpid" ] && kill $xpid 2>/dev/null; rm -rf "$work"' EXIT
display=":$((300 + RANDOM % 300))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
sleep 1
unset SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION SDL_VIDEODRIVER
export DISPLAY="$display" MACHIKADO_REPORT_FIRST_FRAME=1
tck=$(getconf CLK_TCK)

cpu_s() { awk -v t="$tck" '{print ($14+$15)/t}' "/proc/$1/stat"; }
hwm_kb() { awk '/VmHWM/{print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One single-item feed: a static slide (its progress bar moves once a second).
python3 - "$here/feeds/demo/preparedness.json" "$work/static.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["items"] = d["items"][:1]; d["items"][0]["duration"] = 300
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY

# 1. Launch to first slide, with content in the cache (network irrelevant: local feeds), timed from
#    outside (process start to the first present) and alternated with the display floor: a bare
#    SDL program's first frame on the same display (bench/kiosk/display_floor.cpp).
"$bin" run --state-dir "$work/state" --run-for 3 >/dev/null 2>&1
floor_bin="$(dirname "$bin")/bench/display_floor"
python3 "$here/bench/kiosk/launch.py" 9 "$bin" "$floor_bin" "$work/state" > "$work/launch"
"$floor_bin" faults > "$work/faults"

# 2. Static slide: CPU over 60 s after settling, and peak RSS. static EXTRA_ARGS… prints "cpu% rss_mib".
static() {
  rm -rf "$work/s2"
  "$bin" run --feed "$work/static.json" --state-dir "$work/s2" --run-for 80 "$@" >/dev/null 2>&1 &
  local pid=$!; sleep 15; local c0; c0=$(cpu_s $pid); sleep 60; local c1; c1=$(cpu_s $pid)
  local hwm; hwm=$(hwm_kb $pid)
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["renderer"]; print("%s: %s" % (r["name"], r["reason"]))' \
    "$work/s2/status.json" >"$work/renderer"
  awk -v a="$c0" -v b="$c1" -v h="$hwm" 'BEGIN{printf "%.2f %d\n", (b-a)/60*100, h/1024}'
  wait $pid || true
}
read -r static_pct static_rss < <(static)
default_renderer="$(cat "$work/renderer")"
read -r gpu_static_pct gpu_static_rss < <(static --renderer gpu)

# 3. Rotation: the demo (10–12 s slides, 0.8 s crossfades) for 120 s; RSS, prepare times, frames.
"$bin" run --state-dir "$work/s3" --run-for 140 >"$work/rot.log" 2>&1 &
pid=$!; sleep 15; c0=$(cpu_s $pid); sleep 120; c1=$(cpu_s $pid); hwm=$(hwm_kb $pid)
rot_pct=$(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.2f", (b-a)/120*100}')
wait $pid || true
prep_med=$(awk '$3 == "prepare" && $6 == "ms" {print $5}' "$work/rot.log" | median)
prep_max=$(awk '$3 == "prepare" && $6 == "ms" {print $5, $4}' "$work/rot.log" | sort -n | tail -1)
# Per template (the item's kind, looked up in the demo feeds); the first prepare of the run (cold: fonts,
# caches) is reported on its own so it does not skew its kind.
by_template=$(python3 - "$work/rot.log" "$here"/feeds/demo/*.json <<'PY'
import json, statistics, sys
kind = {}
for path in sys.argv[2:]:
    for it in json.load(open(path)).get("items", []):
        kind[it["id"]] = it["kind"] + (" (exercise)" if it.get("status") == "exercise" else "")
times, first = {}, None
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) >= 6 and f[2] == "prepare" and f[5] == "ms":  # not the idle screen's (no id)
        if first is None:
            first = (f[3], float(f[4]))
            continue
        times.setdefault(kind.get(f[3], "?"), []).append(float(f[4]))
if first:
    print("| slide preparation, first slide of the run (cold), %s | %.0f ms | — |" % (kind.get(first[0], "?"), first[1]))
for k in sorted(times):
    v = times[k]
    print("| slide preparation, %s: median / slowest (n = %d) | %.1f ms / %.1f ms | ≤ 20 ms |"
          % (k, len(v), statistics.median(v), max(v)))
PY
)
frames=$(grep '^machikado_frame_time_milliseconds{' "$work/s3/machikado.prom" | sed 's/machikado_frame_time_milliseconds//' | tr '\n' ' ')

cat <<MD
| figure | value | target |
|---|---|---|
$(sed -n 1p "$work/launch" | sed 's/ |$/ | ≤ 150 ms |/')
$(sed -n '2,$p' "$work/launch" | sed 's/ |$/ | (floor) |/')
| this machine: $(sed 's/: / | /' "$work/faults") | — |
| renderer chosen by default (status.json) | ${default_renderer} | — |
| CPU on a static slide (60 s) | ${static_pct} % of one core | ≤ 0.5 % |
| peak RSS on a static slide | ${static_rss} MiB | ≤ 80 MB |
| forced \`--renderer gpu\` (OpenGL on llvmpipe here, a stand-in for a GPU): CPU on a static slide | ${gpu_static_pct} % of one core, ${gpu_static_rss} MiB | ≤ 0.5 % |
| CPU over the demo rotation (120 s) | ${rot_pct} % of one core | — |
| peak RSS (VmHWM) during the rotation | $((hwm / 1024)) MiB | ≤ 80 MB |
| slide preparation, median / slowest (item) | ${prep_med} ms / ${prep_max} ms | ≤ 20 ms |
| frame times (ms) over the rotation | ${frames} | — |
${by_template}
MD
