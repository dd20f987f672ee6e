// The shared body of `machikado import jma` and `machikado import cap`: options, reading each input
// (file, file:// URL, "-" or http(s) URL through net/'s CurlHttpClient, all under the XML size
// cap), the safe XML reader, the kind's message parser, the in-force model, and the feed written to
// stdout or --out. Exit codes as commands.h: 0 every input read, 1 some input could not be read
// (each named with its reason on stderr; the others still converted), 2 usage error.
#pragma once

#include <pugixml.hpp>

#include "commands/commands.h"
#include "core/status.h"
#include "ingest/convert.h"

namespace machikado {

// The end of every official import's --help: the options and exit status they share.
inline constexpr char kOfficialImportHelpTail[] =
    "  --out FILE      write the feed to FILE (atomically) instead of stdout\n"
    "  --at TIME       judge expiry as of TIME (RFC 3339; default now)\n"
    "  --feed-id ID    the feed's id (default %s)\n"
    "  -h, --help      show this help\n"
    "\n"
    "A source is a file, a file:// or http(s):// URL, or - (standard input); at most 4 MiB each.\n"
    "\n"
    "exit status:\n"
    "  0  every input was read (even when no alert applies)\n"
    "  1  some input could not be read (each named with its reason; the others still converted)\n"
    "  2  usage error\n";

struct OfficialImportKind {
  const char* name;       // "jma", "cap"
  const char* help;       // the --help text up to its own options (kOfficialImportHelpTail follows)
  const char* feed_id;    // default feed id
  bool cap_area_options;  // --all-areas and --point are accepted
  ingest::MessageParser parse;
};

int RunOfficialImport(const OfficialImportKind& kind, const Args& args);

// The bytes of one input under `max_bytes` (a larger file is refused before it is read).
Result<std::string> ReadXmlSource(const std::string& src, size_t max_bytes);

}  // namespace machikado
