#!/usr/bin/env bash
# `machikado import jma|cap` on every real sample in ../shared/testdata/jma and cap: each converts
# (exit 0) to a feed that `machikado validate` accepts; a few named expectations on the output; an
# unreadable input among good ones gives exit 1 naming it while the others still convert; usage
# errors give 2; an http:// input is fetched from a loopback server started here. Skips (77) when
# the test data is absent.
. "$(dirname "$0")/lib.sh"
bin="$1"
here="$T_ROOT"
jma="$here/../shared/testdata/jma"
cap="$here/../shared/testdata/cap"
[ -d "$jma" ] && [ -d "$cap" ] || skip "no testdata beside the project ($jma, $cap)"
dir="$T_WORK"

areas=(--area 1310400 --area 1311800 --area 0133100 --area 123456789012 --area 210 --area 101
       --area 100 --area 2230600 --area 440)
n=0
for f in "$jma"/*.xml; do
  out="$dir/$(basename "$f" .xml).json"
  "$bin" import jma "${areas[@]}" --at 2011-03-11T15:00:00+09:00 --out "$out" "$f" 2>"$dir/err" \
    || fail "import jma $(basename "$f") exited $?: $(cat "$dir/err")"
  "$bin" validate "$out" >"$dir/validate" || fail "validate $(basename "$f"): $(cat "$dir/validate")"
  n=$((n + 1))
done
for f in "$cap"/*.xml; do
  out="$dir/cap-$(basename "$f" .xml).json"
  "$bin" import cap --all-areas --at 2000-01-01T00:00:00Z --out "$out" "$f" 2>"$dir/err" \
    || fail "import cap $(basename "$f") exited $?: $(cat "$dir/err")"
  "$bin" validate "$out" >"$dir/validate" || fail "validate cap $(basename "$f"): $(cat "$dir/validate")"
  n=$((n + 1))
done
echo "each of $n samples converted and validated"

# All JMA samples at once, in any order: the later tsunami forecast ends the warnings, the landslide
# information stays (level 4 equivalent), each warning once.
"$bin" import jma "${areas[@]}" --at 2011-03-11T15:00:00+09:00 "$jma"/*.xml >"$dir/all.json" \
  2>"$dir/err" || fail "all jma: $(cat "$dir/err")"
"$bin" validate "$dir/all.json" >/dev/null || fail "validate all"
python3 - "$dir/all.json" <<'PY' || fail "expectations on all.json"
import json, sys
items = json.load(open(sys.argv[1]))["items"]
ids = [i["id"] for i in items]
assert len(ids) == len(set(ids)), ids
by = {i["id"]: i for i in items}
assert not any(i["hazard"] == "tsunami" for i in items), "tsunami should be lifted by 03-13"
ls = by["jma-landslide-0133100"]
assert ls["level"] == 4 and ls["level_basis"] == "equivalent", ls
assert by["jma-warning-1310400"]["level"] == 5
print("all.json:", len(items), "alerts:", ", ".join(sorted(ids)))
PY

# Only the 2011-03-11 tsunami message: the region 210 is taken over.
"$bin" import jma --area 210 --area 100 "$jma/32-39_11_02_250206_VTSE41.xml" >"$dir/tsunami.json" 2>/dev/null
python3 - "$dir/tsunami.json" <<'PY' || fail "tsunami expectations"
import json, sys
items = {i["id"]: i for i in json.load(open(sys.argv[1]))["items"]}
assert items["jma-tsunami-210"]["takeover"] is True and "level" not in items["jma-tsunami-210"]
assert "takeover" not in items["jma-tsunami-100"]
PY

# An unreadable input among good ones: exit 1, named with its reason; the good one still converted.
printf '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>' \
  >"$dir/hostile.xml"
set +e
"$bin" import jma --area 0133100 "$dir/hostile.xml" "$jma/17_02_01_190529_VXWW50.xml" \
  >"$dir/mixed.json" 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "hostile input: exit $rc, expected 1"
grep -q "hostile.xml: .*document type or entity declaration" "$dir/err" || fail "no reason: $(cat "$dir/err")"
grep -q '"jma-landslide-0133100"' "$dir/mixed.json" || fail "the good input was not converted"
"$bin" validate "$dir/mixed.json" >/dev/null || fail "validate mixed"

# A 100 MB document is refused from its size, before it is read (a sparse file: no disk used).
truncate -s 100M "$dir/huge.xml"
set +e
"$bin" import jma --area 0133100 "$dir/huge.xml" >/dev/null 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "huge input: exit $rc, expected 1"
grep -q "huge.xml: it is larger than 4194304 bytes" "$dir/err" || fail "huge: $(cat "$dir/err")"

# Usage errors: 2.
for args in "" "--area 1311200" "$jma/17_02_01_190529_VXWW50.xml" "--bogus x.xml"; do
  set +e; "$bin" import jma $args >/dev/null 2>&1; rc=$?; set -e
  [ "$rc" = 2 ] || fail "import jma $args: exit $rc, expected 2"
done
set +e; "$bin" import cap "$cap/alertswiss-TEST-1163.xml" >/dev/null 2>&1; rc=$?; set -e
[ "$rc" = 2 ] || fail "import cap without areas: exit $rc, expected 2"

# An http:// input, fetched through the kiosk's HTTP client from a loopback server.
serve "$jma"
port="$T_PORT"
"$bin" import jma --area 0133100 "http://127.0.0.1:$port/17_02_01_190529_VXWW50.xml" \
  >"$dir/http.json" 2>"$dir/err" || fail "http import: $(cat "$dir/err")"
grep -q '"jma-landslide-0133100"' "$dir/http.json" || fail "http import gave no alert"
set +e
"$bin" import jma --area 0133100 "http://127.0.0.1:$port/missing.xml" >/dev/null 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "missing URL: exit $rc, expected 1"
grep -q "missing.xml" "$dir/err" || fail "missing URL not named"
echo "import_official: OK"
