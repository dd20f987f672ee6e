// `machikado import cap`: OASIS CAP 1.2 alerts → the alerts in force for the kiosk's areas, as one
// machikado-feed/1 document. The work is in app/ingest/; this file holds the help text and wires
// the CAP parser into the shared import body.
#include "commands/commands.h"
#include "commands/official_import.h"
#include "ingest/cap_message.h"

namespace machikado {
namespace {

const char kHelp[] =
    "usage: machikado import cap [--area CODE]… [--point LAT,LON] [--all-areas] [--out FILE]\n"
    "                            FILE|URL…\n"
    "\n"
    "Reads CAP 1.2 alerts (urn:oasis:names:tc:emergency:cap:1.2) in the order they were sent and\n"
    "writes the alerts in force for the given areas as one machikado-feed/1 document (stdout\n"
    "unless --out). status Exercise becomes an exercise, Test a test (never on a screen), System\n"
    "and Draft are not shown; Update replaces and Cancel ends the alerts in `references`; the\n"
    "<info> blocks of several languages become one alert with a text per language. See\n"
    "docs/official-warnings.md.\n"
    "\n"
    "options:\n"
    "  --area CODE     a geocode value of the kiosk's area (any valueName; repeatable)\n"
    "  --point LAT,LON the kiosk's position: alerts whose polygon or circle contains it\n"
    "  --all-areas     every alert, wherever it applies\n"
    "  --out FILE      write the feed to FILE (atomically) instead of stdout\n"
    "  --at TIME       judge expiry as of TIME (RFC 3339; default now)\n"
    "  --feed-id ID    the feed's id (default cap-alerts)\n"
    "  -h, --help      show this help\n"
    "\n"
    "A source is a file, a file:// or http(s):// URL, or - (standard input); at most 4 MiB each.\n"
    "\n"
    "exit status:\n"
    "  0  every input was read (even when no alert applies)\n"
    "  1  some input could not be read (each named with its reason; the others still converted)\n"
    "  2  usage error\n";

}  // namespace

int ImportCapCommand(const Args& args) {
  static const OfficialImportKind kCap{"cap", kHelp, "cap-alerts", true, &ingest::ParseCapMessage};
  return RunOfficialImport(kCap, args);
}

}  // namespace machikado
