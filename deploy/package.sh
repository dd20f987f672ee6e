#!/usr/bin/env bash
# Builds the Debian package of machikado: machikado_<version>_<arch>.deb with the program, its assets
# and demo feeds, the documentation, the kiosk unit (started under cage on tty1), the system user
# (sysusers) and a default configuration (a conffile: never overwritten by an update). Runtime
# dependencies only — no compiler, no test tools on a kiosk.
#
#   deploy/package.sh [OUTDIR]           build (Release, into build-package/) and package for this machine
#   MACHIKADO_BUILD_DIR=DIR deploy/package.sh OUTDIR
#                                        package the binary already built in DIR (tests, CI)
#   MACHIKADO_DEB_ARCH=arm64 MACHIKADO_BUILD_DIR=build-arm64 deploy/package.sh OUTDIR
#                                        package a cross-built binary (deploy/cross-arm64.sh)
#
# The version comes from git: `git describe --tags` of a tag vX.Y.Z gives X.Y.Z, and commits after it
# X.Y.Z+N.gHASH (sorts after X.Y.Z, before the next tag); without tags the project's version from
# CMakeLists.txt as a development build, X.Y.Z~git.HASH (sorts before X.Y.Z).
# Prints the path of the .deb on its last line.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

arch="${MACHIKADO_DEB_ARCH:-$(dpkg --print-architecture)}"
build="${MACHIKADO_BUILD_DIR:-}"
if [ -z "$build" ]; then
  build="$here/build-package"
  MACHIKADO_BUILD_DIR="$build" MACHIKADO_BUILD_TYPE=Release bash "$here/deploy/build.sh" \
    -DMACHIKADO_BENCHMARKS=OFF >/dev/null
fi
binary="$build/machikado"
[ -x "$binary" ] || { echo "package.sh: no program at $binary" >&2; exit 1; }

describe="$(git -C "$here" describe --tags --match 'v[0-9]*' 2>/dev/null || true)"
if [ -n "$describe" ]; then
  # v0.1.0 → 0.1.0; v0.1.0-3-gabc1234 → 0.1.0+3.gabc1234
  version="$(printf '%s' "${describe#v}" | sed -E 's/-([0-9]+)-g([0-9a-f]+)$/+\1.g\2/')"
else
  # No release tag yet: the version CMake gives the program, marked as a development build that
  # sorts before that release (0.1.0~git.abc1234 < 0.1.0).
  base="$(sed -n 's/^project(machikado VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")"
  version="${base:-0.0.0}~git.$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
fi
if ! git -C "$here" diff --quiet HEAD 2>/dev/null; then version="$version.dirty"; fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/machikado"
install -d "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/share/machikado" "$pkg/usr/share/doc/machikado" \
  "$pkg/lib/systemd/system" "$pkg/usr/lib/sysusers.d" "$pkg/etc/machikado"

install -m 0755 "$binary" "$pkg/usr/bin/machikado"
strip_tool=strip
[ "$arch" = arm64 ] && command -v aarch64-linux-gnu-strip >/dev/null && strip_tool=aarch64-linux-gnu-strip
"$strip_tool" --strip-unneeded "$pkg/usr/bin/machikado" 2>/dev/null || true
cp -r "$here/assets" "$pkg/usr/share/machikado/"
install -d "$pkg/usr/share/machikado/feeds"
cp -r "$here/feeds/demo" "$pkg/usr/share/machikado/feeds/"
# The browser console's pages (static_dir of machikado console; docs/console.md).
cp -r "$here/console-web" "$pkg/usr/share/machikado/"
if [ -d "$here/fonts" ]; then cp -r "$here/fonts" "$pkg/usr/share/machikado/"; fi
for doc in "$here"/docs/*.md "$here/feeds/README.md"; do
  install -m 0644 "$doc" "$pkg/usr/share/doc/machikado/"
done
cat >"$pkg/usr/share/doc/machikado/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: machikado
Comment: see the repository's README.md; fonts and artwork carry their own notices in
 /usr/share/machikado/fonts and /usr/share/machikado/assets.
EOF
sed "s|@BINDIR@|/usr/bin|g" "$here/deploy/systemd/machikado.service" |
  sed "s|/usr/local/share/doc/machikado|/usr/share/doc/machikado|g" >"$pkg/lib/systemd/system/machikado.service"
install -m 0644 "$here/deploy/systemd/machikado.sysusers" "$pkg/usr/lib/sysusers.d/machikado.conf"
install -m 0644 "$here/deploy/config.default.json" "$pkg/etc/machikado/config.json"
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg/usr/share" "$pkg/etc" "$pkg/lib" -type f -exec chmod 0644 {} +

# Runtime dependencies: the shared libraries the program links (dpkg-shlibdeps), the compositor, and
# the fonts it draws with. Cross builds name the target architecture's libraries.
# dpkg-shlibdeps reads the target's libraries through multiarch (DEB_HOST_ARCH), so a cross build
# gets its dependencies the same way when the :arm64 libraries are installed.
mkdir -p "$stage/debian"
printf 'Source: machikado\n\nPackage: machikado\nArchitecture: any\n' >"$stage/debian/control"
shlibs="$(cd "$stage" && DEB_HOST_ARCH="$arch" DEB_HOST_MULTIARCH="$(dpkg-architecture -a"$arch" \
  -qDEB_HOST_MULTIARCH 2>/dev/null)" dpkg-shlibdeps -O --ignore-missing-info \
  ${MACHIKADO_DEB_EXTRA_LIBDIR:+-l"$MACHIKADO_DEB_EXTRA_LIBDIR"} -e"$pkg/usr/bin/machikado" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')" || shlibs=""
# libunibreak is not multiarch in Debian 12: a cross build links an extracted copy, whose package
# dpkg-shlibdeps cannot name (deploy/cross-arm64.sh).
case "$shlibs" in *libunibreak1*) ;; "") ;; *) shlibs="$shlibs, libunibreak1 (>= 1.1)" ;; esac
if [ -z "$shlibs" ]; then
  # Without dpkg-shlibdeps for the target (a cross build): the packages of the libraries it links.
  shlibs="libsdl2-2.0-0, libsdl2-ttf-2.0-0, libsdl2-image-2.0-0, libcurl4, libunibreak1,"
  shlibs="$shlibs libicu72, libqrencode4, libsodium23, libcsv3, libpugixml1v5, libsystemd0, libsqlite3-0, libexif12,"
  shlibs="$shlibs libcpp-httplib0.11, libmpv2,"
  shlibs="$shlibs libstdc++6, libc6, zlib1g"
fi
size_kb="$(du -sk "$pkg" | cut -f1)"
cat >"$pkg/DEBIAN/control" <<EOF
Package: machikado
Version: $version
Architecture: $arch
Maintainer: machikado developers <machikado-dev@users.invalid>
Installed-Size: $size_kb
Depends: $shlibs, cage, xwayland, fonts-morisawa-bizud-gothic, fonts-noto-cjk, systemd,
 init-system-helpers
Recommends: fonts-noto-color-emoji
Section: misc
Priority: optional
Description: lobby-screen kiosk for Japanese community centers
 Full-screen kiosk for the lobby screens of community centers
 (まちづくりセンター, 地区センター, 公民館): district news, disaster-preparedness
 notices, 警戒レベル alerts and municipal projects from signed JSON feeds, an
 offline cache, touch details in the visitor's language. Started on boot
 under the cage Wayland compositor by machikado.service.
EOF
echo "/etc/machikado/config.json" >"$pkg/DEBIAN/conffiles"

cat >"$pkg/DEBIAN/postinst" <<'EOF'
#!/bin/sh
# The system user, then the unit: enabled on a first install, restarted on the new program on an
# update (a stopped kiosk stays stopped).
set -e
if [ "$1" = configure ]; then
  systemd-sysusers machikado.conf >/dev/null 2>&1 || systemd-sysusers /usr/lib/sysusers.d/machikado.conf
  install -d -o machikado -g machikado -m 0750 /var/lib/machikado
  # What the kiosk will make of its configuration (a fresh install names no feed yet).
  /usr/bin/machikado check-config --lenient /etc/machikado/config.json || true
  if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
  if [ -z "$2" ]; then
    # A first install makes this device a kiosk: the unit starts with the graphical target.
    deb-systemd-helper enable machikado.service >/dev/null 2>&1 || true
    systemctl set-default graphical.target >/dev/null 2>&1 || true
  elif [ -d /run/systemd/system ]; then
    systemctl try-restart machikado.service || true
  fi
fi
exit 0
EOF
cat >"$pkg/DEBIAN/prerm" <<'EOF'
#!/bin/sh
# On removal the kiosk stops; on an upgrade it keeps running until postinst restarts it.
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
  systemctl stop machikado.service || true
fi
exit 0
EOF
cat >"$pkg/DEBIAN/postrm" <<'EOF'
#!/bin/sh
# purge: the configuration, the offline cache and the logs go too (the user stays, as Debian does).
set -e
if [ "$1" = remove ] || [ "$1" = purge ]; then
  deb-systemd-helper purge machikado.service >/dev/null 2>&1 || true
  if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
fi
if [ "$1" = purge ]; then
  rm -rf /var/lib/machikado /etc/machikado
fi
exit 0
EOF
chmod 0755 "$pkg/DEBIAN/postinst" "$pkg/DEBIAN/prerm" "$pkg/DEBIAN/postrm"

deb="$out/machikado_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$deb"
