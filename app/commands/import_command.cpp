// `machikado import KIND …`: converters from outside formats to a machikado-feed/1 document.
// Each kind lives in its own file (import_<kind>_command.cpp); this file only dispatches.
#include <cstdio>
#include <string>

#include "commands/commands.h"

namespace machikado {

namespace {

const char kImportUsage[] =
    "usage: machikado import KIND [OPTIONS] INPUT…\n"
    "\n"
    "Converts outside formats into one machikado-feed/1 document (stdout unless --out FILE).\n"
    "\n"
    "kinds:\n"
    "  jma        JMA disaster-information XML (気象庁防災情報XML) → alerts\n"
    "  cap        Common Alerting Protocol 1.2 → alerts\n"
    "  shelters   designated shelters CSV (自治体標準オープンデータセット) → shelter register\n"
    "  events     events CSV (自治体標準オープンデータセット) → news items with an event block\n"
    "\n"
    "  machikado import KIND --help   options of one kind\n";

}  // namespace

int ImportCommand(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kImportUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::string& kind = args[0];
  const Args rest(args.begin() + 1, args.end());
  if (kind == "jma") return ImportJmaCommand(rest);
  if (kind == "cap") return ImportCapCommand(rest);
  if (kind == "shelters") return ImportSheltersCommand(rest);
  if (kind == "events") return ImportEventsCommand(rest);
  std::fprintf(stderr, "machikado import: unknown kind '%s'\n\n%s", kind.c_str(), kImportUsage);
  return 2;
}

}  // namespace machikado
