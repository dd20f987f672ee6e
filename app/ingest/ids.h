// Stable feed item ids for converted warnings. Feed ids allow [A-Za-z0-9._:-] only, while JMA's
// EventID may be Japanese (「渡島・檜山地方土砂災害警戒情報」) and CAP identifiers anything: such
// parts become a short hash, so the same warning keeps its id across updates. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace machikado::ingest {

// `part` itself when it is 1–40 characters of [A-Za-z0-9._:-], else 16 hex digits of its FNV-1a.
std::string IdPart(std::string_view part);
// 16 hex digits of FNV-1a 64 over `s`.
std::string HashHex(std::string_view s);

}  // namespace machikado::ingest
