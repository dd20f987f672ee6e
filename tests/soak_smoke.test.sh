#!/usr/bin/env bash
# Soak smoke test: the accelerated kiosk loop (bench/soak/machikado_soak — the real App, headless,
# a loopback feed server that changes every second and flaps, a synthetic visitor) runs until it
# has shown 10 slides, opened 2 details through real input events, seen 10 feed changes and a
# network flap — events, however long they take (the bound only ends a hang) — and is then
# stopped with SIGTERM. Checks that it stayed alive and stopped cleanly, and that open fds and
# threads stayed bounded. The 30-minute run with curves is bench/soak/run.sh (docs/soak.md).
. "$(dirname "$0")/lib.sh"
bin="$1"
soak="${MACHIKADO_SOAK_BIN:-$(dirname "$bin")/bench/soak/machikado_soak}"
[ -x "$soak" ] || fail "$soak not built (it is part of the default build)"
work="$T_WORK"

# --run-for is only a bound: the test stops it once the events below have happened.
SDL_VIDEODRIVER=dummy "$soak" --state-dir "$work" --run-for 600 --size 640x360 \
  --visit-every-ms 1000 --flap-every-s 3 >"$work/log" 2>&1 &
pid=$!
track "$pid"

value() {  # value FILE METRIC → the sample, or the sum of its labelled samples (0 when absent)
  awk -v m="$2" '$1 == m { v = $2; f = 1 } index($1, m "{") == 1 { s += $2; f = 1 }
    END { if (!f) print 0; else if (v != "") print v; else print s }' "$1" 2>/dev/null || echo 0
}
int() { local v; v="$(value "$@")"; echo "${v%.*}"; }
done_yet() {
  [ "$(int "$work/machikado.prom" machikado_slides_shown_total)" -ge 10 ] &&
    [ "$(int "$work/machikado.prom" machikado_detail_opens_total)" -ge 2 ] &&
    [ "$(int "$work/soak-driver.prom" machikado_soak_feed_changes)" -ge 10 ] &&
    [ "$(int "$work/soak-driver.prom" machikado_soak_flaps)" -ge 1 ]
}

# While waiting, fds and threads are sampled. The loopback server's listener, its worker pool and
# its connections live in the same process and come and go with the "refused" flaps, so the peaks
# of the first and the second half of the samples are compared rather than two single samples.
fds=(); threads=()
for _ in $(seq 1200); do  # a bound on a hang: 120 s
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/log"; fail "the soak process died early"; }
  fds+=("$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)")
  threads+=("$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)")
  done_yet && break
  sleep 0.1
done
done_yet || { tail -30 "$work/log"; fail "the events did not all happen within 120 s"; }
stop "$pid" || { rc=$?; tail -30 "$work/log"; fail "the soak run exited with $rc on SIGTERM"; }

peak() {  # peak FROM TO VALUES… → the largest of VALUES[FROM..TO)
  local from="$1" to="$2" m=0 i
  shift 2
  local v=("$@")
  for ((i = from; i < to; i++)); do [ "${v[i]:-0}" -gt "$m" ] && m="${v[i]}"; done
  echo "$m"
}
n=${#fds[@]}
half=$((n / 2))
fds0=$(peak 0 "$half" "${fds[@]}"); fds1=$(peak "$half" "$n" "${fds[@]}")
threads0=$(peak 0 "$half" "${threads[@]}"); threads1=$(peak "$half" "$n" "${threads[@]}")

slides=$(value "$work/machikado.prom" machikado_slides_shown_total)
opens=$(value "$work/machikado.prom" machikado_detail_opens_total)
textures=$(value "$work/machikado.prom" machikado_textures)
flaps=$(value "$work/soak-driver.prom" machikado_soak_flaps)
changes=$(value "$work/soak-driver.prom" machikado_soak_feed_changes)
echo "slides $slides, detail opens $opens, textures $textures, feed changes $changes, flaps $flaps"
echo "peaks over $n samples: fds $fds0 → $fds1, threads $threads0 → $threads1"
fail=0
[ "${textures%.*}" -ge 1 ] || { echo "FAIL: no live textures reported"; fail=1; }
[ "$fds1" -le $((fds0 + 8)) ] && [ "$fds1" -le 256 ] || { echo "FAIL: fds grew $fds0 → $fds1"; fail=1; }
[ "$threads1" -le $((threads0 + 4)) ] && [ "$threads1" -le 64 ] || { echo "FAIL: threads grew $threads0 → $threads1"; fail=1; }
grep -q '"transport": "http-loopback"' "$work/status.json" ||
  { echo "FAIL: status.json does not report the loopback transport"; fail=1; }
grep -q "stopping on signal" "$work/log" || { echo "FAIL: the kiosk did not stop on SIGTERM"; fail=1; }
[ "$fail" = 0 ] || { tail -30 "$work/log"; exit 1; }
echo "ok: soak smoke"
