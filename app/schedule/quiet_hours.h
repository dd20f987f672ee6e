// Quiet hours: is the display schedule's "screen off" in force at a given instant, and when does
// that next change (so the App can sleep until then instead of polling). Pure functions of the
// configured ranges, the time and the kiosk's fixed UTC offset; thread-safe.
//
// A range starts on each of its days at `from` (local time) and ends at `to` the same day, or the
// next day when `to` ≤ `from` — so {"days": ["fri"], "from": "21:00", "to": "07:00"} covers Friday
// 21:00 to Saturday 07:00. Overlapping or adjacent ranges merge. Quiet hours only decide blanking;
// a takeover alert overrides them (schedule::DecideMode), and with an untrusted clock the screen
// stays on (IsQuietNow), since blanking on a wrong guess could hide notices for hours.
#pragma once

#include <optional>

#include "config/config.h"
#include "core/clock.h"
#include "schedule/time_basis.h"

namespace machikado::schedule {

// Day of week of the local date containing `t`: 0 = Monday … 6 = Sunday.
int LocalWeekday(UnixSeconds t, int utc_offset_s);

// True when `t` falls inside any range of `quiet` (local time = UTC + utc_offset_s).
bool IsQuietAt(const config::QuietHours& quiet, UnixSeconds t, int utc_offset_s);

// The first instant after `t` at which IsQuietAt changes value, or nullopt when it never does
// (no ranges, or ranges that cover the whole week). Adjacent ranges are not a change.
std::optional<UnixSeconds> NextQuietChange(const config::QuietHours& quiet, UnixSeconds t,
                                           int utc_offset_s);

// The App's question: quiet now? False when the wall clock is untrusted (never blank on a guess).
bool IsQuietNow(const config::QuietHours& quiet, const WallTime& wall, int utc_offset_s);

}  // namespace machikado::schedule
