// RFC 3339 datetimes as feeds write them: "2026-11-23T09:00:00+09:00", "2026-11-23T00:00:00Z",
// optionally with fractional seconds. The offset is mandatory (a bare local time is ambiguous on a
// kiosk whose time zone nobody set). Parsing checks every range (months, days incl. leap years,
// hour ≤ 23, minute ≤ 59, second ≤ 60 for a leap second, offset ≤ ±23:59) and explains failures for
// staff. Pure functions on value types; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"

namespace machikado::feed {

struct DateTime {
  UnixSeconds unix = 0;  // the instant, seconds since the epoch (fraction truncated)
  int offset_s = 0;  // the offset as written, seconds east of UTC ("+09:00" → 32400, "Z" → 0)
  int nanos = 0;     // fractional seconds as written, 0–999'999'999
  bool operator==(const DateTime&) const = default;
};

// Parses one RFC 3339 date-time (section 5.6; "T"/"Z" may be lower case; "-00:00" is read as UTC).
// A leap second (:60) is accepted and read as the first second of the next minute.
// The error message says what was found and what is expected, e.g.
//   "2026-11-23T09:00 has no seconds: write 2026-11-23T09:00:00+09:00".
Result<DateTime> ParseRfc3339(std::string_view text);

// Formats an instant as RFC 3339 at the given offset: "2026-11-23T09:00:00+09:00", or "…Z" when the
// offset is 0. `offset_s` must be within ±23:59 (clamped otherwise); whole seconds only.
std::string FormatRfc3339(UnixSeconds t, int offset_s = 0);

}  // namespace machikado::feed
