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

struct OfficialImportKind {
  const char* name;       // "jma", "cap"
  const char* help;       // the full --help text
  const char* feed_id;    // default feed id
  bool cap_area_options;  // --all-areas and --point are accepted
  ingest::MessageParser parse;
};

int RunOfficialImport(const OfficialImportKind& kind, const Args& args);

// The bytes of one input under `max_bytes` (a larger file is refused before it is read).
Result<std::string> ReadXmlSource(const std::string& src, size_t max_bytes);

}  // namespace machikado
