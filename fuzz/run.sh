#!/usr/bin/env bash
# Builds every libFuzzer target under fuzz/ with clang (ASan + UBSan) and runs each in turn for
# SECONDS (default 60) on one core, seeded from the sample feeds (feeds/), the broken feeds of the
# tests (tests/feeds-broken, when present) and fuzz/seeds/. The growing corpus is kept in
# fuzz/corpus/<target>/ and crashes in fuzz/findings/<target>/ (both git-ignored).
# Prints executions, executions/s and coverage per target; exits 1 when any target found a crash.
#
#   fuzz/run.sh [SECONDS] [TARGET…]      e.g. fuzz/run.sh 600 feed_parse_fuzz
# Environment: MACHIKADO_FUZZ_BUILD_DIR (default fuzz/build), MACHIKADO_FUZZ_JOBS (build jobs, 1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${1:-60}"
shift || true
build="${MACHIKADO_FUZZ_BUILD_DIR:-$here/build}"

bash "$here/install-fuzz-deps.sh"
cxx="$(command -v clang++-14 || command -v clang++)"
cc="$(command -v clang-14 || command -v clang)"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE= \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" -j "${MACHIKADO_FUZZ_JOBS:-1}"

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for src in "$here"/*_fuzz.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi

# Seeds for a target: copies of matching files into one flat directory (libFuzzer reads folders).
stage_seeds() {
  local target="$1" dir="$build/seeds/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  local name="${target%_fuzz}"
  [ -d "$here/seeds/$name" ] && find "$here/seeds/$name" -type f -exec cp -t "$dir" {} +
  case "$name" in
    feed_parse|ruby|text_layout)
      find "$root/feeds" "$root/tests/feeds-broken" -type f -name '*.json' 2>/dev/null |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done
      # Small seeds mutate much faster: also each item of each sample feed as a feed of its own.
      if command -v python3 >/dev/null; then
        python3 - "$dir" "$root/feeds" <<'PY'
import json, pathlib, sys
out, feeds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for f in sorted(feeds.rglob("*.json")):
    try:
        doc = json.loads(f.read_text(encoding="utf-8"))
        items = doc.get("items", [])
    except (ValueError, AttributeError):
        continue
    for i, item in enumerate(items):
        one = dict(doc, items=[item])
        (out / f"item_{f.stem}_{i}.json").write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
PY
      fi ;;
    ingest_xml)
      # The real JMA and CAP samples beside the project (when present), each as a JMA (first byte
      # 0) and a CAP (first byte 1) input.
      for f in "$root"/../shared/testdata/jma/*.xml "$root"/../shared/testdata/cap/*.xml; do
        [ -f "$f" ] || continue
        { printf '\000'; cat "$f"; } >"$dir/jma_$(basename "$f")"
        { printf '\001'; cat "$f"; } >"$dir/cap_$(basename "$f")"
      done ;;
    image_gate)
      # The demo's pictures (PNG) as well as the committed small and hostile headers.
      find "$root/feeds" -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.gif' \) -size -16k 2>/dev/null |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done ;;
    config)
      find "$root/deploy" -type f -name '*.json' 2>/dev/null |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done ;;
  esac
  echo "$dir"
}

# Inputs above this are cut: big inputs mutate slowly, and the caps they would test are unit-tested.
max_len_for() {
  case "$1" in
    minisig_fuzz) echo 8192 ;;
    text_layout_fuzz | ruby_fuzz) echo 4096 ;;  # feed texts are at most 4000 code points
    ingest_xml_fuzz) echo 65536 ;;              # the JMA samples are up to 83 KB; most under 64
    *) echo 16384 ;;
  esac
}

dict_for() {
  case "$1" in
    feed_parse_fuzz | config_fuzz) echo "-dict=$here/dicts/json.dict" ;;
    ingest_xml_fuzz) echo "-dict=$here/dicts/xml.dict" ;;
  esac
}

printf '%-22s %12s %10s %8s %8s %s\n' target executions exec/s cov ft findings
summary="$build/summary.tsv"
: >"$summary"
failed=0
for t in "${targets[@]}"; do
  if [ ! -x "$build/$t" ]; then
    echo "$t: not built (does $t.cpp exist?)" >&2
    failed=1
    continue
  fi
  corpus="$here/corpus/$t"
  findings="$here/findings/$t"
  mkdir -p "$corpus" "$findings"
  seeds="$(stage_seeds "$t")"
  log="$build/$t.log"
  rc=0
  # shellcheck disable=SC2046
  "$build/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len_for "$t")" \
    -print_final_stats=1 -artifact_prefix="$findings/" $(dict_for "$t") "$corpus" "$seeds" \
    >"$log" 2>&1 || rc=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -ao 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
  ft="$(grep -ao 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
  found="$(find "$findings" -type f | wc -l)"
  if [ "$rc" -ne 0 ]; then
    failed=1
    echo "$t: exited with $rc; see $log and $findings" >&2
    grep -a -m3 -E 'ERROR: |runtime error|SUMMARY' "$log" >&2 || true
  fi
  printf '%-22s %12s %10s %8s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$found"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$seconds" "${execs:-0}" "${rate:-0}" "${cov:-0}" "${ft:-0}" "$found" >>"$summary"
done
exit "$failed"
