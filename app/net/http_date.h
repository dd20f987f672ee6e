// HTTP dates (RFC 7231 §7.1.1.1): parse the preferred IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT")
// and, leniently, the obsolete RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6
// 08:49:37 1994") forms, as found in Date, Last-Modified and Retry-After. Pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace machikado::net {

// Unix seconds (UTC) for an HTTP date, or nullopt when it is not one. The weekday is not checked
// against the date (servers get it wrong; the date is what matters).
std::optional<UnixSeconds> ParseHttpDate(std::string_view s);

// IMF-fixdate for `t`, e.g. "Mon, 23 Nov 2026 00:00:00 GMT".
std::string FormatHttpDate(UnixSeconds t);

}  // namespace machikado::net
