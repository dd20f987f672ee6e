#!/usr/bin/env bash
# The machikado executable's own dispatch (app/main.cpp; the commands themselves are tested in
# process in app/commands/*_test.cpp): --version, --help and `help` (exit 0, on stdout), an
# unknown command (exit 2 with the usage on stderr), and each command reached by its name.
. "$(dirname "$0")/lib.sh"
bin="$1"
"$bin" --version | grep -qE '^machikado [0-9]+\.[0-9]+\.[0-9]+' || fail "--version"
for help in --help -h help; do
  "$bin" $help | grep -q '^usage: machikado \[COMMAND\]' || fail "$help does not print the usage"
done
rc=0
"$bin" frobnicate >/dev/null 2>"$T_WORK/err" || rc=$?
[ "$rc" -eq 2 ] || fail "unknown command: exit $rc, want 2"
grep -q "machikado: unknown command 'frobnicate'" "$T_WORK/err" || fail "unknown command: no message"
grep -q '^usage: machikado' "$T_WORK/err" || fail "unknown command: no usage"
for command in run render validate check-config report import ingest; do
  "$bin" "$command" --help | grep -q "usage: machikado $command" || fail "$command --help"
done
echo "ok: dispatch, --version, --help, unknown command"
