# shellcheck shell=bash
# tests/lib.sh: what the script tests (tests/*.test.sh) share. Source it first:
#
#   . "$(dirname "$0")/lib.sh"      # strict mode, $T_WORK (a scratch directory), cleanup on exit
#
# It gives: skip / fail / need (exit 77 = skip, tests/CMakeLists.txt's SKIP_RETURN_CODE), a scratch
# directory and processes removed and stopped on every exit (failure included), Xvfb started with
# -displayfd (the server picks a free display and says which: no guessed display numbers), a
# loopback HTTP server on a port the server itself chose, and event waits (a file, a JSON field, a
# process) whose timeouts only bound a hang. Tests never assert elapsed time and never sleep to
# synchronise (docs/testing.md). Owned by the script tests; bash only.
set -euo pipefail

T_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"  # the source tree
T_WORK="$(mktemp -d)"
chmod 0755 "$T_WORK"
T_PIDS=()
T_ON_EXIT=()

# skip REASON: the test cannot run here (an optional tool or data is missing).
skip() {
  echo "skip: $*"
  exit 77
}
# fail MESSAGE: prints FAIL: MESSAGE and exits 1 (cleanup runs).
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# need TOOL [PACKAGE]: skips with a message when TOOL is not on PATH (or not an executable path).
need() {
  if [[ $1 == /* ]]; then [ -x "$1" ] && return 0; else command -v "$1" >/dev/null && return 0; fi
  skip "$1 not installed${2:+ (Debian package $2)}"
}
# track PID: stopped (TERM, then KILL) when the test exits.
track() { T_PIDS+=("$1"); }
# on_exit COMMAND: run at exit, before the tracked processes are stopped.
on_exit() { T_ON_EXIT+=("$1"); }

t_cleanup() {
  local rc=$? p c
  set +e
  for c in "${T_ON_EXIT[@]}"; do eval "$c"; done
  for p in "${T_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${T_PIDS[@]}"; do
    # A bounded wait for a clean stop, then KILL (the test is over either way).
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  rm -rf "$T_WORK"
  exit "$rc"
}
trap t_cleanup EXIT

# stop PID [SECONDS]: SIGTERM, wait until it has exited (bounded), return its exit code.
stop() {
  local pid="$1" rc=0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((${2:-30} * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid" 2>/dev/null; fail "pid $pid did not stop on SIGTERM"; }
  wait "$pid" 2>/dev/null || rc=$?
  return "$rc"
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND until it succeeds; fails after SECONDS.
wait_until() {
  local seconds="$1" what="$2"
  shift 2
  for _ in $(seq $((seconds * 10))); do
    "$@" && return 0
    sleep 0.1
  done
  fail "waited $seconds s for $what"
}

# wait_log SECONDS FILE PATTERN [PID]: waits until FILE has a line matching PATTERN (grep -E);
# prints FILE and fails on timeout, or at once when PID has exited.
wait_log() {
  for _ in $(seq $(($1 * 10))); do
    grep -qE -- "$3" "$2" 2>/dev/null && return 0
    if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then
      grep -qE -- "$3" "$2" 2>/dev/null && return 0
      cat "$2" >&2
      fail "the process exited before '$3' appeared in $2"
    fi
    sleep 0.1
  done
  cat "$2" >&2
  fail "waited $1 s for '$3' in $2"
}

# wait_file SECONDS FILE: waits until FILE exists and is not empty.
wait_file() { wait_until "$1" "$2 to appear" test -s "$2"; }

# wait_json SECONDS FILE PYTHON_EXPRESSION [ANY_PID]: waits until FILE holds JSON `d` for which the
# expression is true (one python3 polls every 50 ms; a half-written or absent file is "not yet").
# Prints the file and returns 1 on timeout, or at once when ANY_PID has exited.
# Example: wait_json 30 "$state/status.json" 'd["feeds"][0]["state"] == "ok"' "$kiosk"
wait_json() {
  python3 - "$@" <<'PY' || { echo "FAIL: waited $1 s for $3 in $2" >&2; return 1; }
import json, os, sys, time
seconds, path, expr = float(sys.argv[1]), sys.argv[2], sys.argv[3]
pid = int(sys.argv[4]) if len(sys.argv) > 4 else None
deadline, d = time.monotonic() + seconds, None
while time.monotonic() < deadline:
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        if eval(expr, {"d": d}):
            sys.exit(0)
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        pass
    if pid is not None:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            print(f"process {pid} exited", file=sys.stderr)
            break
    time.sleep(0.05)
print(json.dumps(d, ensure_ascii=False, indent=1) if d is not None else f"{path}: absent", file=sys.stderr)
sys.exit(1)
PY
}

# json_get FILE PYTHON_EXPRESSION: prints the expression over the JSON `d` in FILE ("" if absent).
json_get() {
  python3 - "$1" "$2" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    v = eval(sys.argv[2], {"d": d})
except (OSError, ValueError, KeyError, IndexError, TypeError):
    v = None
print("" if v is None else v)
PY
}

# start_xvfb [WxHxDEPTH]: starts Xvfb on a display it picks itself (-displayfd) and exports DISPLAY.
# Skips when Xvfb is not installed.
start_xvfb() {
  need Xvfb xvfb
  local fifo="$T_WORK/.xvfb-display" n=""
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${1:-1280x720x24}" -nolisten tcp 3>"$fifo" >"$T_WORK/xvfb.log" 2>&1 &
  track $!
  # Xvfb writes the display number once it accepts connections (or exits: end of file).
  read -r -t 30 n <"$fifo" || true
  [ -n "$n" ] || { cat "$T_WORK/xvfb.log" >&2; fail "Xvfb did not start"; }
  export DISPLAY=":$n"
}

# serve DIR [PORT] [LOG]: serves DIR over HTTP on 127.0.0.1 (python3's http.server) and sets
# T_PORT and T_SERVER (its pid). Without PORT the server binds port 0 and reports the port it got;
# with PORT (a restart) it binds that one. Returns once the socket listens. Requests go to LOG.
serve() {
  need python3
  local dir="$1" port="${2:-0}" log="${3:-$T_WORK/http.log}" ready="$T_WORK/.serve-$RANDOM$RANDOM"
  python3 - "$dir" "$port" "$ready" >>"$log" 2>&1 <<'PY' &
import functools, http.server, os, sys
directory, port, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)  # bound and listening
with open(ready + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(ready + ".tmp", ready)
sys.stderr.flush()
server.serve_forever()
PY
  T_SERVER=$!
  track "$T_SERVER"
  for _ in $(seq 300); do
    [ -s "$ready" ] && break
    kill -0 "$T_SERVER" 2>/dev/null || { cat "$log" >&2; fail "the HTTP server did not start"; }
    sleep 0.1
  done
  [ -s "$ready" ] || fail "the HTTP server did not listen within 30 s"
  T_PORT="$(cat "$ready")"
  rm -f "$ready"
}

# stop_server: stops the server started by serve (its port is free again afterwards).
stop_server() {
  stop "$T_SERVER" || true
  T_SERVER=""
}
