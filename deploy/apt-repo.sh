#!/usr/bin/env bash
# The ward's signed apt repository of machikado, for fleet updates with unattended-upgrades
# (docs/operations.md, "Fleet updates"). Two suites: `canary` (one center's screens get a new
# version first) and `stable` (every other screen). Made with Debian's reprepro; signed with the
# ward's repository key (gpg). Serve DIR with nginx (deploy/nginx/machikado-feeds.site, /apt/).
#
#   deploy/apt-repo.sh init DIR KEYID     create the repository in DIR, signed by gpg key KEYID;
#                                         writes DIR/machikado-archive.gpg (the key kiosks trust)
#   deploy/apt-repo.sh add DIR DEB…       put packages into canary
#   deploy/apt-repo.sh promote DIR        copy canary's machikado to stable (after the canary day)
#   deploy/apt-repo.sh list DIR           what each suite offers
set -euo pipefail

usage() { sed -n '2,12p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd="$1"
dir="$2"
shift 2
command -v reprepro >/dev/null || { echo "apt-repo.sh: install reprepro (apt-get install reprepro gnupg)" >&2; exit 1; }

case "$cmd" in
  init)
    key="${1:?init needs the gpg key id that signs the repository}"
    mkdir -p "$dir/conf"
    for suite in canary stable; do
      cat <<EOF
Origin: machikado
Label: machikado
Codename: $suite
Suite: $suite
Architectures: amd64 arm64
Components: main
Description: machikado kiosk ($suite)
SignWith: $key

EOF
    done >"$dir/conf/distributions"
    gpg --export "$key" >"$dir/machikado-archive.gpg"
    [ -s "$dir/machikado-archive.gpg" ] || { echo "apt-repo.sh: gpg knows no key $key" >&2; exit 1; }
    reprepro -b "$dir" export >/dev/null
    echo "apt-repo.sh: repository in $dir (suites canary and stable), signed by $key"
    ;;
  add)
    [ $# -ge 1 ] || usage
    for deb in "$@"; do reprepro -b "$dir" includedeb canary "$deb"; done
    ;;
  promote)
    reprepro -b "$dir" copy stable canary machikado
    ;;
  list)
    for suite in canary stable; do reprepro -b "$dir" list "$suite"; done
    ;;
  *) usage ;;
esac
