#!/usr/bin/env bash
# Installs what fuzz/run.sh needs beyond deploy/install-deps.sh: clang 14 and its runtime libraries
# (libFuzzer, ASan, UBSan). Kept apart from the main dependencies: a few hundred MB with LLVM, which a kiosk never needs.
# Idempotent: returns at once when everything is installed.
set -euo pipefail

PACKAGES=(clang-14 libclang-rt-14-dev)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-fuzz-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
