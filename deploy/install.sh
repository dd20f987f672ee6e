#!/usr/bin/env bash
# Installs machikado on Debian 12 / Raspberry Pi OS (bookworm): binary, assets, fonts, demo feeds,
# a default config, a dedicated system user and a systemd unit that starts the kiosk on boot under cage.
#
#   sudo deploy/install.sh                 install (builds first if build/machikado is missing)
#   sudo deploy/install.sh --rollback      swap back to the binary the last install replaced (machikado.prev)
#   sudo deploy/install.sh --uninstall     remove program and unit; keeps /etc/machikado and /var/lib/machikado
#   sudo deploy/install.sh --purge         remove everything, including config, cache and logs
#   deploy/install.sh --root DIR           install into a scratch root (no systemctl, no user creation)
#   --prefix P (default /usr/local), --no-enable (don't enable the unit), --no-deps (skip apt)
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root=""
prefix="/usr/local"
mode="install"
enable=1
deps=1
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="${2:?--root needs a directory}"; shift 2 ;;
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --uninstall) mode="uninstall"; shift ;;
    --rollback) mode="rollback"; shift ;;
    --purge) mode="purge"; shift ;;
    --no-enable) enable=0; shift ;;
    --no-deps) deps=0; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

live=0
if [ -z "$root" ]; then
  live=1
  if [ "$(id -u)" -ne 0 ]; then echo "install.sh: run as root (sudo), or use --root DIR" >&2; exit 2; fi
else
  mkdir -p "$root"
  root="$(cd "$root" && pwd)"
fi

bindir="$prefix/bin"
sharedir="$prefix/share/machikado"
docdir="$prefix/share/doc/machikado"
unitdir="/etc/systemd/system"
sysusersdir="/usr/lib/sysusers.d"

systemctl_live() { if [ $live -eq 1 ] && command -v systemctl >/dev/null; then systemctl "$@" || true; fi; }

if [ "$mode" = "rollback" ]; then
  # Swap machikado and machikado.prev (renames: a running kiosk keeps its file until restarted);
  # running --rollback again returns to the newer binary.
  cur="$root$bindir/machikado"
  if [ ! -x "$cur.prev" ]; then echo "install.sh: no previous binary at $bindir/machikado.prev" >&2; exit 1; fi
  mv -f "$cur" "$cur.swap"
  mv -f "$cur.prev" "$cur"
  mv -f "$cur.swap" "$cur.prev"
  systemctl_live try-restart machikado.service
  echo "machikado rolled back to the previous binary ($("$cur" --version 2>/dev/null || echo unknown version))"
  exit 0
fi

if [ "$mode" != "install" ]; then
  systemctl_live disable --now machikado.service
  rm -f "$root$unitdir/machikado.service" "$root$bindir/machikado" "$root$bindir/machikado.prev" \
    "$root$sysusersdir/machikado.conf"
  rm -rf "$root$sharedir" "$root$docdir"
  if [ "$mode" = "purge" ]; then
    rm -rf "$root/etc/machikado" "$root/var/lib/machikado"
    if [ $live -eq 1 ] && id machikado >/dev/null 2>&1; then userdel machikado || true; fi
  fi
  systemctl_live daemon-reload
  echo "machikado removed${root:+ from $root}"
  exit 0
fi

if [ $live -eq 1 ] && [ $deps -eq 1 ]; then
  bash "$here/deploy/install-deps.sh"
  # cage 0.1.4 exits at start without Xwayland ("Cannot create XWayland server") but does not
  # declare it: the service needs both at run time.
  apt-get install -y -qq --no-install-recommends cage xwayland >/dev/null
fi
binary="${MACHIKADO_BUILD_DIR:-$here/build}/machikado"
if [ ! -x "$binary" ]; then
  MACHIKADO_BUILD_TYPE=Release bash "$here/deploy/build.sh"
fi

install -d "$root$bindir" "$root$sharedir" "$root$docdir" "$root/etc/machikado" "$root$unitdir" \
  "$root$sysusersdir" "$root/var/lib/machikado"
# Keep the binary being replaced as machikado.prev for --rollback (only when it differs).
if [ -f "$root$bindir/machikado" ] && ! cmp -s "$binary" "$root$bindir/machikado"; then
  mv -f "$root$bindir/machikado" "$root$bindir/machikado.prev"
fi
install -m 0755 "$binary" "$root$bindir/machikado"
cp -r "$here/assets" "$root$sharedir/"
install -d "$root$sharedir/feeds"
cp -r "$here/feeds/demo" "$root$sharedir/feeds/"
if [ -d "$here/fonts" ]; then cp -r "$here/fonts" "$root$sharedir/"; fi
for doc in "$here"/docs/*.md "$here/feeds/README.md"; do
  [ -f "$doc" ] && install -m 0644 "$doc" "$root$docdir/"
done
if [ ! -f "$root/etc/machikado/config.json" ]; then
  install -m 0644 "$here/deploy/config.default.json" "$root/etc/machikado/config.json"
fi
sed "s|@BINDIR@|$bindir|g" "$here/deploy/systemd/machikado.service" > "$root$unitdir/machikado.service"
chmod 0644 "$root$unitdir/machikado.service"
install -m 0644 "$here/deploy/systemd/machikado.sysusers" "$root$sysusersdir/machikado.conf"

# What the kiosk will make of its configuration (a fresh install names no feed yet: the screen
# then says 「この画面は設定されていません」 until /etc/machikado/config.json lists the feeds).
if ! "$root$bindir/machikado" check-config --lenient "$root/etc/machikado/config.json"; then
  echo "note: edit $root/etc/machikado/config.json (docs/configuration.md), then run:"
  echo "      machikado check-config /etc/machikado/config.json && systemctl restart machikado"
fi

if [ $live -eq 1 ]; then
  systemd-sysusers "$sysusersdir/machikado.conf"
  chown -R machikado:machikado /var/lib/machikado
  systemctl_live daemon-reload
  if [ $enable -eq 1 ]; then
    systemctl_live set-default graphical.target
    systemctl_live enable machikado.service
  fi
  # An update: a running kiosk restarts on the new binary (a stopped one stays stopped).
  systemctl_live try-restart machikado.service
  echo "machikado installed; start it with: systemctl start machikado"
else
  echo "machikado installed into $root (no user created, no unit enabled)"
fi
