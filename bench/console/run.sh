#!/usr/bin/env bash
# Console benchmarks (docs/benchmarks.md, "Publishing console"): starts a console on loopback and
# measures (1) publish → on-screen latency with a headless kiosk polling every 5 s, (2) 1,000 kiosk
# reports a minute (the console's CPU and p99 latency), (3) 100 staff sessions editing at once.
# Usage: bash bench/console/run.sh build/machikado [TRIALS]   (takes ~2 minutes)
#        BENCH_ONLY=sessions bash bench/console/run.sh build/machikado   (only (3): ~30 s)
set -euo pipefail
bin="$(realpath "$1")"
trials="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
console_pid=""
kiosk_pid=""
trap '[ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null; [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
cat > console.json <<JSON
{"state_dir": "$work/state", "port": 0, "threads": 8,
 "feeds": [{"id": "bench.news", "title": "bench", "ttl": 5}]}
JSON
"$bin" console init --config console.json >/dev/null
echo 'bench admin password' | "$bin" console add-user --config console.json boss --role admin --password-stdin
for i in $(seq 0 99); do
  echo 'bench editor password' | "$bin" console add-user --config console.json "ed$i" --role editor \
    --feeds bench.news --password-stdin
done
only="${BENCH_ONLY:-}"
: >kiosk-tokens
if [ "$only" != sessions ]; then
  for i in $(seq 0 999); do "$bin" console add-kiosk --config console.json "k$i"; done >kiosk-tokens
fi
: >console.out
"$bin" console --config console.json >console.out 2>console.log &
console_pid=$!
port=""
for _ in $(seq 200); do
  port="$(sed -n 's/^machikado console: listening on 127.0.0.1:\([0-9]*\)$/\1/p' console.out)"
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { echo "the console did not start"; cat console.log; exit 1; }
python3 "$here/bench.py" --bin "$bin" --base "http://127.0.0.1:$port" --pid "$console_pid" \
  --work "$work" --tokens kiosk-tokens --pubkey "$("$bin" console public-key --config console.json)" \
  --trials "$trials" --only "$only"
