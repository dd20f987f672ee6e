#!/usr/bin/env bash
# Soak run: the real kiosk loop with accelerated time (a slide every 50 ms, feeds changing every
# second, the network flapping, detail views opening and closing, emergency takeovers arriving and
# expiring, the wall clock jumping hours forward and back into and out of quiet hours, feeds signed
# and served over HTTPS from a test CA made here with openssl, the three hostile images of issue 22
# made here too) for MINUTES minutes, headless.
# Samples the process from outside every SOAK_SAMPLE_S seconds — RSS (VmRSS) and its peak (VmHWM),
# open fds, threads —
# and the kiosk's live texture count from its Prometheus file, then plots the four curves and prints
# first-5-minutes vs last-5-minutes medians, slopes per hour and what the run exercised.
#
#   bench/soak/run.sh [BUILD_DIR] [MINUTES]     (defaults: build, 30)
#   env: SOAK_OUT (default BUILD_DIR/soak), SOAK_SIZE (960x540), SOAK_SAMPLE_S (5)
#        SOAK_REALTIME=1: the real-time soak instead — no acceleration (the kiosk's own slide
#        durations, polling and idle return), a real window on a private Xvfb server drawn by the
#        renderer the kiosk chooses itself (no SDL_* variables), a visitor every 2 minutes; the
#        same loopback feeds and network flaps. Defaults then: SOAK_SIZE 1920x1080,
#        SOAK_SAMPLE_S 10, SOAK_OUT BUILD_DIR/soak-realtime.
#        SOAK_NARROW=1: the accelerated soak as it was before issue 22 (plain http, unsigned, no
#        takeovers, clock jumps or hostile images), for comparison.
# Results: $SOAK_OUT/samples.csv, summary.csv, summary.txt, soak.png, kiosk.log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
minutes="${2:-30}"
realtime="${SOAK_REALTIME:-0}"
if [ "$realtime" = 1 ]; then
  out="${SOAK_OUT:-$build/soak-realtime}"
  size="${SOAK_SIZE:-1920x1080}"
  every="${SOAK_SAMPLE_S:-10}"
else
  out="${SOAK_OUT:-$build/soak}"
  size="${SOAK_SIZE:-960x540}"
  every="${SOAK_SAMPLE_S:-5}"
fi
bin="$build/bench/soak/machikado_soak"
[ -x "$bin" ] || { echo "no $bin: build the project first" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/state"
seconds=$((minutes * 60))
wide=()
if [ "$realtime" != 1 ] && [ "${SOAK_NARROW:-0}" != 1 ]; then
  command -v openssl >/dev/null || { echo "the wider soak needs openssl (Debian: openssl)" >&2; exit 1; }
  "$here/make_test_ca.sh" "$out/tls"
  python3 "$here/make_hostile_images.py" "$out/hostile"
  wide=(--tls-dir "$out/tls" --sign --takeover-every-s 90 --clock-jump-every-s 45
        --hostile-dir "$out/hostile")
fi
xpid=""
if [ "$realtime" = 1 ]; then
  command -v Xvfb >/dev/null || { echo "SOAK_REALTIME=1 needs Xvfb (Debian: xvfb)" >&2; exit 1; }
  # A private X server; -displayfd picks a free display number and reports it.
  exec 9<> <(:)
  Xvfb -displayfd 9 -screen 0 "${size}x24" -nolisten tcp >"$out/xvfb.log" 2>&1 &
  xpid=$!
  read -r -t 30 display <&9 || { echo "Xvfb did not start" >&2; exit 1; }
  exec 9>&-
  DISPLAY=":$display" "$bin" --state-dir "$out/state" --run-for "$seconds" --size "$size" \
    --real-time --window --visit-every-ms 120000 >"$out/kiosk.log" 2>&1 &
  pid=$!
else
  SDL_VIDEODRIVER=dummy "$bin" --state-dir "$out/state" --run-for "$seconds" --size "$size" \
    "${wide[@]}" >"$out/kiosk.log" 2>&1 &
  pid=$!
fi
trap 'kill "$pid" 2>/dev/null || true; [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true' EXIT
echo "soak: pid $pid, $minutes min, sampling every $every s into $out/samples.csv"

prom_value() {  # prom_value FILE METRIC → the sample without labels, or the sum of labelled ones
  awk -v m="$2" '$1 == m { v = $2; found = 1 } index($1, m "{") == 1 { s += $2; found = 1 }
    END { if (!found) print ""; else if (v != "") print v; else print s }' "$1" 2>/dev/null || true
}

echo "t_s,rss_kb,fds,threads,textures,slides,detail_opens,tex_slide_text,tex_detail_text,emergency,quiet,clock_trusted,refused_images,load1,hwm_kb" \
  >"$out/samples.csv"
start=$(date +%s)
# From the kiosk's first metrics on (a second after start), so every sample has all columns.
while kill -0 "$pid" 2>/dev/null && [ ! -f "$out/state/machikado.prom" ]; do sleep 0.2; done
while kill -0 "$pid" 2>/dev/null; do
  now=$(date +%s)
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)  # peak so far
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l || true)
  prom="$out/state/machikado.prom"
  textures=$(prom_value "$prom" machikado_textures)
  slides=$(prom_value "$prom" machikado_slides_shown_total)
  opens=$(prom_value "$prom" machikado_detail_opens_total)
  slide_text=$(prom_value "$prom" 'machikado_textures_by_owner{owner="slide_text_cache"}')
  detail_text=$(prom_value "$prom" 'machikado_textures_by_owner{owner="detail_text_cache"}')
  emergency=$(prom_value "$prom" 'machikado_mode{mode="emergency"}')
  quiet=$(prom_value "$prom" 'machikado_mode{mode="idle"}')  # idle = quiet hours (blanked)
  trusted=$(prom_value "$prom" machikado_clock_trusted)
  refused=$(prom_value "$prom" machikado_refused_images)
  load1=$(cut -d' ' -f1 /proc/loadavg)  # the machine's load: the run shares it with others
  [ -n "$rss" ] && echo "$((now - start)),$rss,$fds,$threads,$textures,$slides,$opens,$slide_text,$detail_text,$emergency,$quiet,$trusted,$refused,$load1,${hwm:-}" \
    >>"$out/samples.csv"
  sleep "$every"
done
trap - EXIT
code=0
wait "$pid" || code=$?
[ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
echo "soak: kiosk exited with $code"
# The plot needs matplotlib: Debian's python3-matplotlib is for the system python.
py=python3
python3 -c 'import matplotlib' 2>/dev/null || { [ -x /usr/bin/python3 ] && py=/usr/bin/python3; }
"$py" "$here/summarize.py" "$out" | tee "$out/summary.txt"
exit "$code"
