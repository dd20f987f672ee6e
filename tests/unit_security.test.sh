#!/usr/bin/env bash
# Every systemd unit we ship is sandboxed: `systemd-analyze security` (offline, on the unit file)
# rates each at most 4.0 ("OK"), and `systemd-analyze verify` accepts it with the binary it names.
# Usage: unit_security.test.sh MACHIKADO_BINARY. Skips (77) without systemd-analyze >= 252.
. "$(dirname "$0")/lib.sh"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$T_ROOT"
limit=4.0

need systemd-analyze systemd
systemd-analyze security --help 2>/dev/null | grep -q -- '--offline' ||
  skip "this systemd-analyze has no --offline (systemd < 252)"

work="$T_WORK"
bindir="$work/bin"
mkdir -p "$bindir"
ln -s "$binary" "$bindir/machikado"

units=("$here"/deploy/systemd/*.service)
[ "${#units[@]}" -ge 2 ] || { echo "FAIL: expected the kiosk and ingest units, found ${#units[@]}"; exit 1; }

failed=0
for unit in "${units[@]}"; do
  name="$(basename "$unit")"
  # Units installed by install.sh carry @BINDIR@; the others name /usr/local/bin. Point both here.
  sed -e "s|@BINDIR@|$bindir|g" -e "s|/usr/local/bin/machikado|$bindir/machikado|g" "$unit" > "$work/$name"

  report="$(systemd-analyze security --offline=true --no-pager "$work/$name" 2>&1)" || true
  score="$(printf '%s\n' "$report" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
  if [ -z "$score" ]; then
    printf '%s\n' "$report"; echo "FAIL: $name: systemd-analyze gave no exposure level"; failed=1; continue
  fi
  if awk -v s="$score" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
    printf '%s\n' "$report" | grep '✗'
    echo "FAIL: $name: exposure $score is above $limit"; failed=1
  else
    echo "ok: $name: exposure $score (at most $limit)"
  fi

  # verify: syntax, known settings, and that ExecStart= names an executable. cage may be absent.
  if grep -q '^ExecStart=/usr/bin/cage' "$work/$name" && [ ! -x /usr/bin/cage ]; then
    echo "note: $name not verified: cage is not installed"; continue
  fi
  if ! systemd-analyze verify --man=no "$work/$name" 2>"$work/$name.verify"; then
    cat "$work/$name.verify"; echo "FAIL: $name: systemd-analyze verify failed"; failed=1
  elif grep -v -e 'Failed to .*dbus\|Failed to connect to bus\|offline' "$work/$name.verify" | grep -q "$name"; then
    cat "$work/$name.verify"; echo "FAIL: $name: systemd-analyze verify warned"; failed=1
  else
    echo "ok: $name: verified"
  fi
done
exit "$failed"
