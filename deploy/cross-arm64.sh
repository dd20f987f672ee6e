#!/usr/bin/env bash
# Cross-builds machikado for arm64 (Raspberry Pi 4/5 on 64-bit Raspberry Pi OS or Debian 12) on an
# amd64 Debian 12 machine, packages it (machikado_<version>_arm64.deb) and smoke-tests the packaged
# program under qemu-user: --version, validate and render of the demo feeds. Not part of the test
# suite: the toolchain and the :arm64 libraries are ~370 packages and the build is a full one.
#
#   deploy/cross-arm64.sh [OUTDIR]        build into build-arm64/, write the .deb to OUTDIR (dist/)
#   deploy/cross-arm64.sh --install-deps  first add the arm64 architecture and install the toolchain,
#                                         qemu-user-static and the :arm64 -dev packages (root)
# Prints the .deb's path on its last line; exits 1 if the build or the smoke test fails.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ "${1:-}" = --install-deps ]; then
  shift
  dpkg --add-architecture arm64
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    crossbuild-essential-arm64 qemu-user-static \
    libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsdl2-image-dev:arm64 libimgui-dev:arm64 \
    libstb-dev:arm64 libcurl4-openssl-dev:arm64 libunibreak-dev:arm64 libicu-dev:arm64 \
    libqrencode-dev:arm64 libsodium-dev:arm64 zlib1g-dev:arm64 libsystemd-dev:arm64 \
    libpugixml-dev:arm64 libcsv-dev:arm64 libsqlite3-dev:arm64 libexif-dev:arm64 libcpp-httplib-dev:arm64 \
    libmpv-dev:arm64
  # libunibreak is not multiarch in Debian 12: installing its :arm64 package would remove the
  # build machine's. It is extracted below instead.
fi
out="${1:-$here/dist}"
command -v aarch64-linux-gnu-g++ >/dev/null ||
  { echo "cross-arm64.sh: no arm64 cross compiler; run with --install-deps (as root)" >&2; exit 1; }
command -v qemu-aarch64-static >/dev/null ||
  { echo "cross-arm64.sh: no qemu-aarch64-static; run with --install-deps (as root)" >&2; exit 1; }

build="$here/build-arm64"
mkdir -p "$build"
# libunibreak for arm64, extracted (not installed: its package is not multiarch in Debian 12).
ub="$build/unibreak-arm64"
if [ ! -f "$ub/usr/lib/libunibreak.so.1" ]; then
  rm -rf "$ub" && mkdir -p "$ub/debs"
  (cd "$ub/debs" && apt-get download libunibreak-dev:arm64 libunibreak1:arm64 >/dev/null 2>&1) ||
    { echo "cross-arm64.sh: cannot download libunibreak for arm64 (apt-get download)" >&2; exit 1; }
  for d in "$ub"/debs/*.deb; do dpkg-deb -x "$d" "$ub"; done
fi
mkdir -p "$ub/pc"
sed "s|^prefix=.*|prefix=$ub/usr|" "$ub/usr/lib/pkgconfig/libunibreak.pc" >"$ub/pc/libunibreak.pc"
export MACHIKADO_ARM64_PC_DIR="$ub/pc"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$here/deploy/toolchain-arm64.cmake" \
  -DMACHIKADO_TESTS=OFF -DMACHIKADO_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target machikado -j "$(nproc)"
file "$build/machikado" | grep -q "ARM aarch64" ||
  { file "$build/machikado"; echo "cross-arm64.sh: the program is not an arm64 binary" >&2; exit 1; }

deb="$(MACHIKADO_DEB_ARCH=arm64 MACHIKADO_BUILD_DIR="$build" MACHIKADO_DEB_EXTRA_LIBDIR="$ub/usr/lib" \
  bash "$here/deploy/package.sh" "$out" | tail -1)"

# Smoke test: the packaged program, run by qemu-user with the arm64 libraries of multiarch.
x="$(mktemp -d)"
trap 'rm -rf "$x"' EXIT
dpkg-deb -x "$deb" "$x"
run() { LD_LIBRARY_PATH="$ub/usr/lib" qemu-aarch64-static -L / "$x/usr/bin/machikado" "$@"; }
echo "smoke: $(run --version)"
run validate "$x/usr/share/machikado/feeds/demo/news.json" >"$x/validate.log" ||
  { cat "$x/validate.log"; echo "cross-arm64.sh: validate failed under qemu" >&2; exit 1; }
echo "smoke: validate: $(tail -1 "$x/validate.log")"
run render --feed "$x/usr/share/machikado/feeds/demo/news.json" --out "$x/png" --size 960x540 \
  --at 2026-11-23T14:05:00+09:00 >"$x/render.log" 2>&1 ||
  { cat "$x/render.log"; echo "cross-arm64.sh: render failed under qemu" >&2; exit 1; }
n="$(ls "$x/png"/*.png 2>/dev/null | wc -l)"
[ "$n" -gt 0 ] || { echo "cross-arm64.sh: render wrote no PNG under qemu" >&2; exit 1; }
echo "smoke: render: $n PNG(s)"
echo "$deb"
