#!/usr/bin/env bash
# deploy/install.sh installs into a scratch root without error, the unit verifies with systemd-analyze,
# the installed default config is reported by check-config as naming no feed yet, and --purge
# removes everything again.
. "$(dirname "$0")/lib.sh"
binary="$1"
here="$T_ROOT"
root="$T_WORK/root"
mkdir -p "$root"
# absent PATH...: each path must be gone (one test per path: `[ ! -e A ] && [ ! -e B ]` under set -e
# would not stop at a failing first half).
absent() {
  local p
  for p in "$@"; do [ ! -e "$root/$p" ] || fail "still there: $p"; done
}

MACHIKADO_BUILD_DIR="$(dirname "$binary")" bash "$here/deploy/install.sh" --root "$root" --no-deps
for f in usr/local/bin/machikado etc/machikado/config.json etc/systemd/system/machikado.service \
         usr/lib/sysusers.d/machikado.conf usr/local/share/machikado/feeds/demo; do
  [ -e "$root/$f" ] || fail "missing after install: $f"
done
grep -q '^ExecStart=/usr/bin/cage -- /usr/local/bin/machikado run' "$root/etc/systemd/system/machikado.service"
# The fences of issue 22: memory, tasks and the watchdog are set.
for key in WatchdogSec MemoryHigh MemoryMax TasksMax; do
  grep -q "^$key=" "$root/etc/systemd/system/machikado.service" || { echo "unit lacks $key="; exit 1; }
done
# The installed default names no feed yet: check-config says so (exit 1), never a silent demo.
if "$binary" check-config "$root/etc/machikado/config.json" >"$T_WORK/check.log"; then
  cat "$T_WORK/check.log"; fail "check-config accepted the installed default with no feed"
fi
grep -q "names no feed" "$T_WORK/check.log" || { cat "$T_WORK/check.log"; fail "check-config did not say why"; }

if command -v systemd-analyze >/dev/null && [ -x /usr/bin/cage ]; then
  # Verify the unit as installed, with its ExecStart pointing into the scratch root.
  mkdir -p "$root/verify"
  sed "s|/usr/local/bin/machikado|$root/usr/local/bin/machikado|" \
    "$root/etc/systemd/system/machikado.service" > "$root/verify/machikado.service"
  # verify exits 0 on settings it cannot parse or does not know: its warnings must be empty too.
  systemd-analyze verify --man=no "$root/verify/machikado.service" 2>"$root/verify/warnings"
  if grep -E "Unknown (key|section)|Failed to parse|Invalid|ignoring" "$root/verify/warnings"; then
    echo "systemd-analyze verify warned about the unit"; exit 1
  fi
else
  echo "systemd-analyze or cage missing: unit not verified" >&2
  exit 1
fi

# A second install keeps an edited config.
echo '{"district": "ikejiri"}' > "$root/etc/machikado/config.json"
MACHIKADO_BUILD_DIR="$(dirname "$binary")" bash "$here/deploy/install.sh" --root "$root" --no-deps
grep -q ikejiri "$root/etc/machikado/config.json"

# An update keeps the replaced binary as machikado.prev; --rollback swaps the two.
absent usr/local/bin/machikado.prev  # same binary twice: nothing to keep
fake="$T_WORK/fake"
mkdir -p "$fake"
printf '#!/bin/sh\necho "machikado 0.0.1-test"\n' > "$fake/machikado"
chmod +x "$fake/machikado"
MACHIKADO_BUILD_DIR="$fake" bash "$here/deploy/install.sh" --root "$root" --no-deps
cmp -s "$binary" "$root/usr/local/bin/machikado.prev"
"$root/usr/local/bin/machikado" | grep -q 0.0.1-test
bash "$here/deploy/install.sh" --root "$root" --rollback
cmp -s "$binary" "$root/usr/local/bin/machikado"
"$root/usr/local/bin/machikado.prev" | grep -q 0.0.1-test

bash "$here/deploy/install.sh" --root "$root" --uninstall
absent usr/local/bin/machikado usr/local/bin/machikado.prev
[ -e "$root/etc/machikado/config.json" ] || fail "--uninstall removed the config"
bash "$here/deploy/install.sh" --root "$root" --purge
absent etc/machikado etc/systemd/system/machikado.service
echo "install test: OK"
