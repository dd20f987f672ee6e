#!/usr/bin/env bash
# The installed service starts: deploy/install.sh into a scratch root, then the unit's own
# ExecStart= command line — cage with the kiosk inside, with the unit's Environment= and the
# STATE_DIRECTORY systemd would give it — run as an ordinary user on wlroots' headless backend
# (WLR_BACKENDS=headless, WLR_RENDERER=pixman: a stand-in for a kiosk's display). Waits for
# status.json to name its renderer and say what the screen shows — with the installed default
# configuration (no feeds yet) the not-configured screen, never the bundled demo — and stops the
# service with SIGTERM as systemd would. The same steps are docs/operations.md's check of a fresh install.
# Skips (exit 77) where cage cannot run: cage not installed, or root with no way to make a user.
. "$(dirname "$0")/lib.sh"
binary="$1"
here="$T_ROOT"
need /usr/bin/cage cage
need python3
work="$T_WORK"
cpid=""
on_exit '[ -n "$cpid" ] && kill -KILL -- "-$cpid" 2>/dev/null'

root="$work/root"
MACHIKADO_BUILD_DIR="$(dirname "$binary")" bash "$here/deploy/install.sh" --root "$root" --no-deps >/dev/null
unit="$root/etc/systemd/system/machikado.service"
# The installed default configuration names no feed yet: check-config says so (exit 1).
if "$binary" check-config "$root/etc/machikado/config.json" >"$work/check.log" 2>&1; then
  cat "$work/check.log"; echo "FAIL: check-config accepted the installed default (no feed)"; exit 1
fi
grep -q "names no feed" "$work/check.log" || { cat "$work/check.log"; echo "FAIL: check-config did not say why"; exit 1; }

# The unit's command line, pointed into the scratch root.
exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
[ -n "$exec_start" ] || { echo "FAIL: no ExecStart= in the unit"; exit 1; }
exec_start="${exec_start//\/usr\/local\/bin\/machikado/$root/usr/local/bin/machikado}"
exec_start="${exec_start//\/etc\/machikado\/config.json/$root/etc/machikado/config.json}"
read -r -a argv <<<"$exec_start"
[ "${argv[0]}" = /usr/bin/cage ] || { echo "FAIL: the unit does not start cage: $exec_start"; exit 1; }
# Everything cage needs at run time is there (Debian's cage 0.1.4 exits without Xwayland).
[ -x /usr/bin/Xwayland ] || { echo "FAIL: /usr/bin/Xwayland missing: cage cannot start (install-deps/install.sh must install xwayland)"; exit 1; }

# The unit's environment, and the state directory systemd's StateDirectory= would make.
envs=()
while IFS= read -r line; do envs+=("$line"); done < <(sed -n 's/^Environment=//p' "$unit")
state="$work/state"
runtime="$work/runtime"
mkdir -p "$state" "$runtime"
chmod 0700 "$runtime"

# As an ordinary user, like the unit's User=machikado: cage refuses to run as root.
runas=()
if [ "$(id -u)" -eq 0 ]; then
  user=machikado-citest
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$user" 2>/dev/null ||
      { echo "skip: running as root and cannot create a user for cage"; exit 77; }
  fi
  chown "$user" "$state" "$runtime"
  # setpriv execs (no wrapper process in between, unlike runuser): the group below is cage's.
  runas=(setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups)
fi

# In a session and process group of its own, which stands for the unit's cgroup.
setsid "${runas[@]}" env -i PATH=/usr/bin:/bin HOME="$work" XDG_RUNTIME_DIR="$runtime" STATE_DIRECTORY="$state" \
  WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 "${envs[@]}" \
  ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} ${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} \
  "${argv[@]}" >"$work/cage.log" 2>&1 &
cpid=$!

# Liveness, not speed: the bound only ends a hang.
status="$state/status.json"
wait_json 60 "$status" 'd["renderer"] and d["mode"] == "idle"' "$cpid" ||
  { cat "$work/cage.log"; fail "no renderer and idle mode in status.json (or cage exited)"; }
read -r mode slide renderer path reason < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
r = d["renderer"] or {}
print(d["mode"] + "/" + str(d["idle_reason"]), (d["slide"] or {}).get("id", "-"), r.get("name", "-"), r.get("path", "-"), r.get("reason", "-").replace(" ", "_"))' "$status")
# The installed default names no feed: the not-configured screen, not the demo's slides.
[ "$mode" = idle/not_configured ] || { cat "$work/cage.log"; cat "$status"; fail "mode $mode, expected idle/not_configured"; }
[ "$slide" = "-" ] || { cat "$status"; fail "slide $slide shown with no feed configured"; }
grep -q "showing the not-configured screen" "$work/cage.log" || { cat "$work/cage.log"; fail "the log does not say why"; }
echo "ok: under cage: mode $mode, renderer $renderer ($path): ${reason//_/ }"

# Stop as systemd does (KillMode=control-group): SIGTERM to every process of the unit at once.
kill -TERM -- "-$cpid"
for _ in $(seq 100); do kill -0 "$cpid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$cpid" 2>/dev/null; then cat "$work/cage.log"; fail "cage did not stop on SIGTERM"; fi
wait "$cpid" 2>/dev/null || true
cpid=""
grep -q "stopping on signal" "$work/cage.log" || { cat "$work/cage.log"; fail "the kiosk did not stop cleanly"; }
echo "ok: stopped cleanly"
