// `machikado import cap`: OASIS CAP 1.2 alerts → the alerts in force for the kiosk's areas, as one
// machikado-feed/1 document. The work is in app/ingest/; this file holds the help text and wires
// the CAP parser into the shared import body.
#include "commands/commands.h"
#include "commands/official_import.h"
#include "ingest/cap_message.h"

namespace machikado {
namespace {

// Followed by kOfficialImportHelpTail (official_import.h): the options all imports share.
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
    "  --all-areas     every alert, wherever it applies\n";

}  // namespace

int ImportCapCommand(const Args& args) {
  static const OfficialImportKind kCap{"cap", kHelp, "cap-alerts", true, &ingest::ParseCapMessage};
  return RunOfficialImport(kCap, args);
}

}  // namespace machikado
