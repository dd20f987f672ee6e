// ReadFeedSource: the bytes of a feed named on the command line — a file path, a file:// URL or "-"
// (standard input). http(s):// URLs need the net module (wired in by the coordinator later); until
// then they are a clear error. Reading stops past `max_bytes`, so /dev/zero or a huge file cannot
// exhaust memory. Stateless; thread-safe except for "-" (standard input).
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"
#include "feed/parse.h"

namespace machikado {

// Reads the whole source. Errors: not found, a folder, unreadable, larger than `max_bytes`
// (kLimitExceeded), a URL scheme that cannot be read here.
Result<std::string> ReadFeedSource(const std::string& src,
                                   size_t max_bytes = feed::FeedLimits{}.max_body_bytes);

// The local path named by a file:// URL ("file:///srv/feeds/a.json", "file://localhost/…",
// percent-escapes decoded), or an error for another host or a malformed URL.
Result<std::string> FileUrlToPath(const std::string& url);

}  // namespace machikado
