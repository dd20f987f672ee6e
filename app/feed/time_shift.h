// Moving a feed in time: the bundled demo feeds were written for one week in November 2026; the
// embedded demo shifts every datetime by a whole number of weeks so that the feed's `generated`
// falls in the current week and events stay "upcoming" for years. Times keep their weekday and time
// of day. Pure functions on the model; thread-safe.
#pragma once

#include "core/clock.h"
#include "feed/model.h"

namespace machikado::feed {

constexpr int64_t kWeekSeconds = 7 * 24 * 3600;

// Whole weeks (in seconds, possibly negative or zero) to add so that `generated` ∈ (now - 1 week,
// now].
int64_t DemoShiftSeconds(UnixSeconds generated, UnixSeconds now);

// Adds `delta` seconds to every datetime of the feed and its items.
void ShiftFeedTimes(Feed& feed, int64_t delta);

}  // namespace machikado::feed
