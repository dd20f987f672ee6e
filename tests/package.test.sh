#!/usr/bin/env bash
# deploy/package.sh builds a Debian package of the binary under test that holds what a kiosk needs
# and nothing it does not (runtime dependencies only); the packaged program runs from the
# extracted tree (--version, validate, render). As root, on a machine where no machikado package
# is installed yet, the .deb is also installed with dpkg, starts as its service user (headless:
# the not-configured screen, since the default configuration names no feed), and is purged
# without leaving anything behind. Skips (77) without dpkg-deb.
. "$(dirname "$0")/lib.sh"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$T_ROOT"
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev

work="$T_WORK"  # readable by the service user (lib.sh makes it 0755)
installed=0
on_exit '[ "$installed" = 1 ] && dpkg --purge machikado >/dev/null 2>&1'

deb="$(MACHIKADO_BUILD_DIR="$(dirname "$binary")" bash "$here/deploy/package.sh" "$work/out" | tail -1)"
[ -f "$deb" ] || fail "package.sh made no .deb (said: $deb)"
arch="$(dpkg --print-architecture)"
case "$(basename "$deb")" in machikado_*_"$arch".deb) ;; *) fail "unexpected name $(basename "$deb")" ;; esac
echo "ok: built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# Control fields: runtime dependencies only.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = machikado ] || fail "Package: $(field Package)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
depends="$(field Depends)"
for need in cage xwayland fonts-morisawa-bizud-gothic libsdl2-2.0-0 libcurl4 libsodium23; do
  printf '%s' "$depends" | grep -q "\b$need\b" || fail "Depends lacks $need: $depends"
done
for never in build-essential cmake googletest libgtest-dev xvfb nginx-light imagemagick '\-dev\b'; do
  if printf '%s' "$depends" | grep -q -- "$never"; then fail "Depends names a build or test package ($never): $depends"; fi
done
echo "ok: depends on runtime packages only"

# Contents.
dpkg-deb -c "$deb" >"$work/contents"
for path in ./usr/bin/machikado ./lib/systemd/system/machikado.service ./usr/lib/sysusers.d/machikado.conf \
  ./etc/machikado/config.json ./usr/share/machikado/assets/ ./usr/share/machikado/feeds/demo/news.json \
  ./usr/share/doc/machikado/operations.md ./usr/share/doc/machikado/copyright \
  ./usr/share/machikado/console-web/index.html ./usr/share/machikado/console-web/js/main.js; do
  grep -q " $path" "$work/contents" || fail "the package lacks $path"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/machikado/config.json ||
  fail "/etc/machikado/config.json is not a conffile (an update would overwrite the site's configuration)"
echo "ok: program, unit, sysusers, default configuration (conffile), assets, demo feeds, console pages, docs"

# The packaged program runs from the extracted tree and finds its data beside itself.
x="$work/x"
dpkg-deb -x "$deb" "$x"
grep -q '^ExecStart=/usr/bin/cage -- /usr/bin/machikado run --config /etc/machikado/config.json' \
  "$x/lib/systemd/system/machikado.service" || fail "the packaged unit does not start /usr/bin/machikado under cage"
"$x/usr/bin/machikado" --version >"$work/version" || fail "--version failed"
"$x/usr/bin/machikado" validate "$x/usr/share/machikado/feeds/demo/news.json" >"$work/validate" ||
  { cat "$work/validate"; fail "validate of the packaged demo feed failed"; }
"$x/usr/bin/machikado" render --feed "$x/usr/share/machikado/feeds/demo/news.json" --out "$work/png" \
  --size 960x540 >"$work/render" 2>&1 || { cat "$work/render"; fail "render from the package failed"; }
ls "$work/png"/*.png >/dev/null 2>&1 || fail "render wrote no PNG"
echo "ok: extracted program: $(cat "$work/version"), validate and render work"

# Install, start, purge — only as root and never over a machikado package already installed.
if [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null; then
  echo "note: not root: the package was not installed"; exit 0
fi
if dpkg -s machikado >/dev/null 2>&1; then
  echo "note: a machikado package is installed on this machine: not touched"; exit 0
fi
# A first install makes graphical.target the default (a kiosk's boot); give the machine its own back.
default_target="$(readlink /etc/systemd/system/default.target 2>/dev/null || true)"
on_exit 'if [ -n "$default_target" ]; then ln -sfn "$default_target" /etc/systemd/system/default.target; else rm -f /etc/systemd/system/default.target; fi'
installed=1
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i failed"; }
/usr/bin/machikado --version >/dev/null || fail "the installed program does not run"
id machikado >/dev/null 2>&1 || fail "no user machikado after install"
[ -d /var/lib/machikado ] || fail "no /var/lib/machikado after install"
[ -L /etc/systemd/system/graphical.target.wants/machikado.service ] || fail "the unit is not enabled"
grep -q "names no feed" "$work/dpkg.log" || { cat "$work/dpkg.log"; fail "postinst did not check the configuration"; }
echo "ok: installed; user, state directory and enabled unit are there"

# Starts as its user (headless stand-in for cage: tests/cage_service.test.sh runs the unit under cage).
state="$work/state"
install -d -o machikado -g machikado "$state"
setpriv --reuid=machikado --regid="$(id -g machikado)" --init-groups \
  env -i PATH=/usr/bin:/bin HOME="$state" \
  ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} ${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} \
  /usr/bin/machikado run --headless --config /etc/machikado/config.json --state-dir "$state" \
  --run-for 3 >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "the installed kiosk did not run"; }
python3 - "$state/status.json" <<'PY' || { cat "$work/run.log"; fail "the installed kiosk did not show the not-configured screen"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["mode"] == "idle" and d["idle_reason"] == "not_configured", (d["mode"], d["idle_reason"])
PY
echo "ok: the installed kiosk starts as user machikado: not-configured screen (no feed yet), no demo"

dpkg --purge machikado >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge failed"; }
installed=0
for gone in /usr/bin/machikado /lib/systemd/system/machikado.service /etc/machikado /var/lib/machikado \
  /usr/share/machikado /etc/systemd/system/graphical.target.wants/machikado.service; do
  [ ! -e "$gone" ] || fail "$gone is left after purge"
done
echo "ok: purged cleanly"
