// ParseAtomFeed: JMA's Atom pull feeds (高頻度/長期 regular, extra, eqvol, other) → their entries:
// id, title (the message's Control/Title, e.g. 「気象特別警報・警報・注意報」), updated and the
// link to the XML document. Read through ParseXmlSafely like every message. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"

namespace machikado::ingest {

struct AtomEntry {
  std::string id;
  std::string title;
  UnixSeconds updated = 0;
  std::string link;  // http(s) URL of the message
};

// Errors: not an Atom <feed>, unreadable XML. Entries without an id or an http(s) link are left
// out.
Result<std::vector<AtomEntry>> ParseAtomFeed(std::string_view bytes);

// True for the entry titles (Control/Title) whose messages `import jma` can turn into alerts; the
// ingest service fetches only these (JMA asks its users not to download more than they need).
bool IsWarningTitle(std::string_view control_title);

}  // namespace machikado::ingest
