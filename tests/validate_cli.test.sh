#!/usr/bin/env bash
# `machikado validate` on the broken feeds in tests/feeds-broken/ (expectations in EXPECTED.tsv) and on
# generated extremes (100,000-deep nesting, an oversize body, 1001 items): exit codes, the key error
# pointer in the human output, and the --json output's shape and content. Never a crash.
# Usage: validate_cli.test.sh path/to/machikado
. "$(dirname "$0")/lib.sh"
set +e  # every check runs; the failures are counted
bin="$1"
here="$T_ROOT/tests"
dir="$here/feeds-broken"
tmp="$T_WORK"
mkdir -p "$tmp/json"
failures=0
miss() { echo "FAIL: $*"; failures=$((failures + 1)); }

# check FILE EXIT LEVEL POINTER: runs both output modes and compares.
check() {
  local file="$1" want_exit="$2" level="$3" pointer="$4" name
  name="$(basename "$file")"
  "$bin" validate "$file" >"$tmp/out.txt" 2>"$tmp/err.txt"
  local got=$?
  [[ $got == "$want_exit" ]] || miss "$name: exit $got, expected $want_exit"
  if [[ $pointer != "-" ]]; then
    local shown="$pointer"
    [[ $pointer == "(whole)" ]] && shown="(whole feed)"
    grep -qF -- "  $shown: " "$tmp/out.txt" || grep -qF -- "] $shown: " "$tmp/out.txt" ||
      miss "$name: human output lacks '$shown'"
  fi
  grep -qE "^1 feed checked" "$tmp/out.txt" || miss "$name: no summary line"
  "$bin" validate --json "$file" >"$tmp/out.json" 2>"$tmp/err.txt"
  got=$?
  [[ $got == "$want_exit" ]] || miss "$name: --json exit $got, expected $want_exit"
  # The JSON checks run in one python3 at the end (python start-up is slow on a busy machine).
  cp "$tmp/out.json" "$tmp/json/$name.out.json"
  printf '%s\t%s\t%s\t%s\n' "$name" "$want_exit" "$level" "$pointer" >>"$tmp/json/expected.tsv"
}

listed=0
while IFS=$'\t' read -r file want_exit level pointer; do
  [[ -z $file || $file == \#* ]] && continue
  listed=$((listed + 1))
  [[ -f "$dir/$file" ]] || { miss "$file listed in EXPECTED.tsv but missing"; continue; }
  check "$dir/$file" "$want_exit" "$level" "$pointer"
done <"$dir/EXPECTED.tsv"
for f in "$dir"/*.json; do
  grep -qP "^\Q$(basename "$f")\E\t" "$dir/EXPECTED.tsv" || miss "$(basename "$f") has no line in EXPECTED.tsv"
done
(( listed >= 12 )) || miss "only $listed broken feeds listed"

# Generated extremes.
python3 -c "import sys; sys.stdout.write('[' * 100000)" >"$tmp/deep-100000.json"
check "$tmp/deep-100000.json" 1 feed "(whole)"
grep -q "nested more than 32 levels" "$tmp/out.txt" || miss "deep-100000: message does not name the depth"
python3 - "$tmp" <<'PY'
import json, sys
t = sys.argv[1]
head = {"format": "machikado-feed/1", "id": "gen", "generated": "2026-11-23T09:00:00+09:00"}
open(f"{t}/oversize.json", "w").write(json.dumps(dict(head, items=[], pad="x" * (4 * 1024 * 1024))))
items = [{"id": f"n{i}", "kind": "news", "title": "お知らせ"} for i in range(1001)]
open(f"{t}/too-many-items.json", "w").write(json.dumps(dict(head, items=items), ensure_ascii=False))
PY
check "$tmp/oversize.json" 1 feed "(whole)"
grep -q "4194304 bytes" "$tmp/out.txt" || miss "oversize: message does not name the limit"
check "$tmp/too-many-items.json" 1 feed "/items"

# Several sources: a JSON array with "source"; the exit code is the worst.
"$bin" validate --json "$dir/ok-with-bom.json" "$dir/duplicate-id.json" >"$tmp/multi.json"
[[ $? == 1 ]] || miss "several sources: exit code"
"$bin" validate "$dir/ok-with-bom.json" >/dev/null || miss "a valid feed: exit code"
"$bin" validate - <"$dir/ok-with-bom.json" >/dev/null || miss "standard input: exit code"
"$bin" validate "file://$dir/ok-with-bom.json" >/dev/null || miss "file:// URL: exit code"

# Unreadable sources are exit 1 with a reason; usage errors are exit 2.
"$bin" validate "$tmp/does-not-exist.json" >"$tmp/out.txt"
[[ $? == 1 ]] || miss "missing file: exit code"
grep -q "there is no file" "$tmp/out.txt" || miss "missing file: message"
"$bin" validate http://127.0.0.1:1/news.json >"$tmp/out.txt"
[[ $? == 1 ]] || miss "unreachable URL: exit code"
grep -q "127.0.0.1:1" "$tmp/out.txt" || miss "unreachable URL: message"
# A feed served over HTTP on loopback validates like the file.
serve "$T_ROOT/feeds/demo"
"$bin" validate "http://127.0.0.1:$T_PORT/news.json" >"$tmp/out.txt"
code=$?
stop_server
[[ $code == 0 ]] || { cat "$tmp/out.txt"; miss "URL over loopback: exit code $code"; }
"$bin" validate >/dev/null 2>&1
[[ $? == 2 ]] || miss "no arguments: exit code"
"$bin" validate --strict "$dir/ok-with-bom.json" >/dev/null 2>&1
[[ $? == 2 ]] || miss "unknown option: exit code"
"$bin" validate --help >"$tmp/help.txt" || miss "--help: exit code"
grep -q '"source"' "$tmp/help.txt" || miss "--help does not document the several-sources JSON"

python3 - "$tmp/json" "$tmp/multi.json" "$here/../feeds/schema/machikado-feed-1.schema.json" \
  "$here/../feeds/README.md" "$dir/ok-with-bom.json" <<'PY' || miss "--json output (see above)"
import json, sys
folder, multi = sys.argv[1], sys.argv[2]
bad = 0
for line in open(f"{folder}/expected.tsv", encoding="utf-8"):
    name, want_exit, level, pointer = line.rstrip("\n").split("\t")
    try:
        d = json.load(open(f"{folder}/{name}.out.json", encoding="utf-8"))
        assert isinstance(d, dict), "one source gives one object"
        assert list(d) == ["ok", "items_total", "items_valid", "errors", "warnings"], list(d)
        assert isinstance(d["warnings"], list)
        assert isinstance(d["ok"], bool) and d["ok"] == (want_exit == "0"), d["ok"]
        assert isinstance(d["items_total"], int) and isinstance(d["items_valid"], int)
        assert d["items_valid"] <= d["items_total"]
        for e in d["errors"]:
            assert list(e) == ["item", "path", "message", "level"], list(e)
            assert e["item"] is None or isinstance(e["item"], str)
            assert e["path"] == "" or e["path"].startswith("/")
            assert e["level"] in ("feed", "item") and e["message"]
        if pointer == "-":
            assert d["errors"] == [], d["errors"]
        else:
            path = "" if pointer == "(whole)" else pointer
            assert any(e["path"] == path and e["level"] == level for e in d["errors"]), d["errors"]
            if level == "feed":
                assert d["items_valid"] == 0
    except (AssertionError, ValueError) as e:
        print(f"FAIL: {name}: --json output: {e}")
        bad += 1
try:
    d = json.load(open(multi, encoding="utf-8"))
    assert isinstance(d, list) and len(d) == 2
    assert d[0]["source"].endswith("ok-with-bom.json") and d[0]["ok"] is True
    assert d[1]["source"].endswith("duplicate-id.json") and d[1]["ok"] is False
    assert d[1]["errors"][0]["item"] == "news-ok"
except (AssertionError, ValueError, KeyError) as e:
    print(f"FAIL: several sources: --json output: {e}")
    bad += 1
# The editor schema agrees with the validator on the shipped example and a valid feed (when the
# python3-jsonschema module is installed; it is optional).
try:
    import jsonschema
except ImportError:
    jsonschema = None
if jsonschema:
    schema_path, readme_path, ok_feed = sys.argv[3], sys.argv[4], sys.argv[5]
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    readme = open(readme_path, encoding="utf-8").read()
    example = readme.split("## A complete example", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    for name, doc in (("README example", json.loads(example)),
                      ("ok-with-bom.json", json.loads(open(ok_feed, encoding="utf-8-sig").read()))):
        errs = [e.message for e in v.iter_errors(doc)]
        if errs:
            print(f"FAIL: schema rejects {name}: {errs[:3]}")
            bad += 1
sys.exit(1 if bad else 0)
PY

if (( failures > 0 )); then
  echo "$failures failure(s)"
  exit 1
fi
echo "validate CLI: all checks passed"
