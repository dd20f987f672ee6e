#!/usr/bin/env bash
# Soak smoke test: the accelerated kiosk loop (bench/soak/machikado_soak — the real App, headless,
# a loopback feed server that changes every second and flaps, a synthetic visitor) runs for 20 s.
# Checks that it stays alive, that slides advanced and details opened through real input events,
# that the network flapped, and that open fds and threads stay bounded. The 30-minute run with
# curves is bench/soak/run.sh (docs/soak.md).
set -euo pipefail
bin="$1"
soak="${MACHIKADO_SOAK_BIN:-$(dirname "$bin")/bench/soak/machikado_soak}"
if [ ! -x "$soak" ]; then
  echo "FAIL: $soak not built (it is part of the default build)"
  exit 1
fi
work="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

SDL_VIDEODRIVER=dummy "$soak" --state-dir "$work" --run-for 20 --size 640x360 \
  --visit-every-ms 2000 --flap-every-s 6 >"$work/log" 2>&1 &
pid=$!

# fds and threads once a second; the loopback server's listener, its worker pool and its
# connections live in the same process and come and go with the "refused" flaps, so compare the
# peaks of the first and the second half rather than two single samples.
peak() {  # peak FROM TO → "max_fds max_threads" over samples taken from FROM to TO s
  local mf=0 mt=0 f t
  for _ in $(seq "$1" "$2"); do
    kill -0 "$pid" 2>/dev/null || break
    f=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
    t=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "$f" -gt "$mf" ] && mf=$f
    [ "${t:-0}" -gt "$mt" ] && mt=$t
    sleep 1
  done
  echo "$mf $mt"
}
sleep 2
read -r fds0 threads0 < <(peak 3 10)
read -r fds1 threads1 < <(peak 11 17)
if ! kill -0 "$pid" 2>/dev/null; then
  echo "FAIL: the soak process died early"
  tail -30 "$work/log"
  exit 1
fi
code=0
wait "$pid" || code=$?
pid=""
if [ "$code" != 0 ]; then
  echo "FAIL: the soak run exited with $code"
  tail -30 "$work/log"
  exit 1
fi

value() {  # value FILE METRIC → the sample, or the sum of its labelled samples
  awk -v m="$2" '$1 == m { v = $2; f = 1 } index($1, m "{") == 1 { s += $2; f = 1 }
    END { if (!f) print 0; else if (v != "") print v; else print s }' "$1"
}
slides=$(value "$work/machikado.prom" machikado_slides_shown_total)
opens=$(value "$work/machikado.prom" machikado_detail_opens_total)
textures=$(value "$work/machikado.prom" machikado_textures)
flaps=$(value "$work/soak-driver.prom" machikado_soak_flaps)
changes=$(value "$work/soak-driver.prom" machikado_soak_feed_changes)
echo "slides $slides, detail opens $opens, textures $textures, feed changes $changes, flaps $flaps"
echo "peaks: fds $fds0 → $fds1, threads $threads0 → $threads1"
fail=0
# Liveness, not speed (a sanitizer build on a busy machine is several times slower).
[ "${slides%.*}" -ge 10 ] || { echo "FAIL: only $slides slides shown in 20 s"; fail=1; }
[ "${opens%.*}" -ge 2 ] || { echo "FAIL: only $opens detail views opened"; fail=1; }
[ "${textures%.*}" -ge 1 ] || { echo "FAIL: no live textures reported"; fail=1; }
[ "${changes%.*}" -ge 10 ] || { echo "FAIL: only $changes feed changes"; fail=1; }
[ "${flaps%.*}" -ge 1 ] || { echo "FAIL: the network never flapped"; fail=1; }
[ "$fds1" -le $((fds0 + 8)) ] && [ "$fds1" -le 256 ] || { echo "FAIL: fds grew $fds0 → $fds1"; fail=1; }
[ "$threads1" -le $((threads0 + 4)) ] && [ "$threads1" -le 64 ] || { echo "FAIL: threads grew $threads0 → $threads1"; fail=1; }
grep -q '"transport": "http-loopback"' "$work/status.json" ||
  { echo "FAIL: status.json does not report the loopback transport"; fail=1; }
[ "$fail" = 0 ] || { tail -30 "$work/log"; exit 1; }
echo "ok: soak smoke"
