#!/usr/bin/env bash
# `machikado import shelters|events` on every real sample in ../shared/testdata/opendata (third-party
# municipal CSVs beside the project): exit 0, the per-file summary and every skipped row with its
# line on stderr, the written feed accepted by `machikado validate`, --out written atomically, and
# exit 1 / 2 for an unreadable file / a usage error. Exit 77 (skip) when the samples are absent.
# Usage: import_opendata.test.sh path/to/machikado
. "$(dirname "$0")/lib.sh"
set +e  # every check runs; the failures are counted
bin="$1"
data="$T_ROOT/../shared/testdata/opendata"
[[ -d $data ]] || skip "$data not found"
tmp="$T_WORK"
failures=0
miss() { echo "FAIL: $*"; failures=$((failures + 1)); }

# run KIND FILE WANT_SUMMARY: imports one sample, validates the output.
run() {
  local kind="$1" file="$2" summary="$3" name
  name="$(basename "$file" .csv)"
  [[ -f $data/$file ]] || { echo "note: $file absent, not checked"; return; }
  "$bin" import "$kind" --out "$tmp/$name.json" "$data/$file" 2>"$tmp/$name.err"
  local rc=$?
  [[ $rc == 0 ]] || miss "$file: import $kind exit $rc: $(head -3 "$tmp/$name.err")"
  grep -qF -- "$summary" "$tmp/$name.err" || miss "$file: summary '$summary' not in: $(head -1 "$tmp/$name.err")"
  "$bin" validate "$tmp/$name.json" >"$tmp/$name.validate" 2>&1 ||
    miss "$file: output does not validate: $(head -5 "$tmp/$name.validate")"
}

run shelters 382019_evacuation_space.csv "UTF-8 with BOM, header on line 1, 390 rows: 390 imported, 0 skipped"
run shelters 122033_103_evacuation_space.csv "Shift_JIS (CP932), header on line 1, 121 rows: 121 imported, 0 skipped"
run events 0081.csv "UTF-8 with BOM, header on line 7, 943 rows: 936 imported, 7 skipped"
run events o1-122033_g1-000304.csv "UTF-8 with BOM, header on line 1, 36 rows: 36 imported, 0 skipped"

# The skipped Takamatsu rows are named with their line and reason (7 end before they start).
if [[ -f $data/0081.csv ]]; then
  grep -qE "0081.csv:3152: skipped: .*before it starts" "$tmp/0081.err" ||
    miss "0081.csv: skipped row 3152 not reported: $(grep skipped "$tmp/0081.err")"
  [[ $(grep -c ": skipped: " "$tmp/0081.err") == 7 ]] || miss "0081.csv: expected 7 skipped rows"
fi

# Both shelter files into one register, to stdout; validate reads it from stdin.
if [[ -f $data/382019_evacuation_space.csv && -f $data/122033_103_evacuation_space.csv ]]; then
  "$bin" import shelters --id ward.shelters "$data/382019_evacuation_space.csv" \
    "$data/122033_103_evacuation_space.csv" >"$tmp/both.json" 2>/dev/null || miss "two files: exit $?"
  "$bin" validate --json - <"$tmp/both.json" >"$tmp/both.validate" || miss "two files: does not validate"
  [[ $(grep -c '"id": "' "$tmp/both.json") == 512 ]] ||  # the feed id + 390 + 121 shelters
    miss "two files: expected 511 shelters, found $(($(grep -c '"id": "' "$tmp/both.json") - 1))"
  grep -q '"id": "ward.shelters"' "$tmp/both.json" || miss "two files: --id not used"
fi

# --district lands in every event item.
if [[ -f $data/o1-122033_g1-000304.csv ]]; then
  "$bin" import events --district ichikawa "$data/o1-122033_g1-000304.csv" >"$tmp/d.json" 2>/dev/null
  [[ $(grep -c '"ichikawa"' "$tmp/d.json") == 36 ]] || miss "--district: not on all 36 items"
fi

# A file that cannot be read: exit 1, reason named, nothing written.
printf 'a,b\n1,"open\n' >"$tmp/broken.csv"
"$bin" import shelters --out "$tmp/partial.json" "$tmp/broken.csv" \
  "$data/382019_evacuation_space.csv" 2>"$tmp/broken.err"
rc=$?
[[ $rc == 1 ]] || miss "unreadable file: exit $rc, expected 1"
grep -qF "broken.csv: cannot read:" "$tmp/broken.err" || miss "unreadable file: reason not named"
[[ ! -e $tmp/partial.json ]] || miss "unreadable file: output written although a file failed"
"$bin" import shelters "$tmp/missing.csv" >/dev/null 2>&1
[[ $? == 1 ]] || miss "missing file: expected exit 1"

# Usage errors: exit 2.
"$bin" import shelters >/dev/null 2>&1
[[ $? == 2 ]] || miss "no input: expected exit 2"
"$bin" import events --bogus x.csv >/dev/null 2>&1
[[ $? == 2 ]] || miss "unknown option: expected exit 2"
"$bin" import shelters --district x x.csv >/dev/null 2>&1
[[ $? == 2 ]] || miss "--district for shelters: expected exit 2"
"$bin" import shelters --help >/dev/null 2>&1 || miss "--help: expected exit 0"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "import_opendata: all checks passed"
