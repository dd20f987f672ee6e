// `machikado import jma`: JMA disaster-information XML (気象庁防災情報XML) → the alerts in force
// for the kiosk's areas, as one machikado-feed/1 document. The work is in app/ingest/; this file
// holds the help text and wires the JMA parser into the shared import body.
#include "commands/commands.h"
#include "commands/official_import.h"
#include "ingest/jma_message.h"

namespace machikado {
namespace {

// Followed by kOfficialImportHelpTail (official_import.h): the options all imports share.
const char kHelp[] =
    "usage: machikado import jma --area CODE [--area CODE]… [--out FILE] FILE|URL…\n"
    "\n"
    "Reads JMA disaster-information XML messages (気象庁防災情報XML: warnings VPWW53/54 and the\n"
    "revised level-named formats, 土砂災害警戒情報 VXWW50, 指定河川洪水予報, 津波警報 VTSE41,\n"
    "震度 VXSE51/53) in the order they were issued, and writes the alerts in force for the given\n"
    "areas as one machikado-feed/1 document (stdout unless --out). Levels are 警戒レベル相当\n"
    "(\"level_basis\": \"equivalent\"): screens show 「警戒レベル4相当」. 大津波警報 and 津波警報\n"
    "take over the screen; 訓練 becomes an exercise, 試験 a test (never on a screen); 取消\n"
    "withdraws, 訂正 replaces, 解除 ends. See docs/official-warnings.md.\n"
    "\n"
    "options:\n"
    "  --area CODE     a JMA area code of the kiosk (repeatable): 市町村等 (7 digits, e.g.\n"
    "                  1311200 for 世田谷区), 津波予報区 (e.g. 300), 地震情報／細分区域 (e.g. "
    "350),\n"
    "                  a 指定河川洪水予報 予報区域 code\n";

}  // namespace

int ImportJmaCommand(const Args& args) {
  static const OfficialImportKind kJma{"jma", kHelp, "jma-alerts", false, &ingest::ParseJmaMessage};
  return RunOfficialImport(kJma, args);
}

}  // namespace machikado
