#!/usr/bin/env bash
# Installs every Debian 12 package machikado needs to build, test and run its demo.
# Idempotent: when everything is present it returns in well under a second without touching apt.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake pkg-config ninja-build
  # runtime libraries
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libimgui-dev libstb-dev
  libcurl4-openssl-dev nlohmann-json3-dev libunibreak-dev libicu-dev libqrencode-dev libsodium-dev zlib1g-dev
  # video slides (app/video/): libmpv's render API
  libmpv-dev
  # the CSV reader of the open-data imports (app/opendata/)
  libcsv-dev
  # XML of official warnings (JMA disaster-information XML, CAP 1.2): no DTD/entity expansion, no network
  libpugixml-dev
  # the publishing console (app/console/): its database, its HTTP service; minisign checks what it signs
  libsqlite3-dev libcpp-httplib-dev sqlite3 minisign
  # the EXIF Orientation of uploaded photos (app/console/image_orient.cpp)
  libexif-dev
  # fonts
  fonts-morisawa-bizud-gothic fonts-noto-cjk fonts-noto-color-emoji
  # tests
  googletest libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  xvfb xdotool imagemagick zbar-tools nginx-light minisign curl python3
  # phone photos with each EXIF Orientation, made at test time (tests/console.test.sh)
  libimage-exiftool-perl
  # the browser console in a real browser (tests/console_browser.test.sh)
  chromium chromium-driver python3-selenium
  # the Debian package and the ward's apt repository (tests/package.test.sh, tests/apt_repo.test.sh)
  dpkg-dev reprepro gnupg
  # test clips for the video player (app/video/mpv_player_test.cpp), made at test time
  ffmpeg
  # peak RSS of a command (tests/hostile_images.test.sh: /usr/bin/time -v)
  time
  # the soak's HTTPS feed server (cpp-httplib's SSLServer links OpenSSL) and its test CA, made at
  # test time with the openssl command (bench/soak/make_test_ca.sh, tests/soak_wide_smoke.test.sh)
  libssl-dev openssl
  # kiosk compositor and service integration. Debian 12's cage 0.1.4 is built with Xwayland and
  # exits at start without /usr/bin/Xwayland, yet its package does not declare it: install it here.
  cage xwayland libsystemd-dev systemd
  # regenerating the own artwork (deploy/art/*.py)
  librsvg2-bin
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
