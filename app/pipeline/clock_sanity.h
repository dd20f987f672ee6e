// Clock sanity: a kiosk booted without NTP may believe it is 1970 (or years off) and would then
// hide every item as "not yet valid" or "expired". ClockSanity estimates the local clock's offset
// from the Date header of successful HTTP fetches (the median of recent ones, anchored to the
// monotonic clock so a later NTP step is picked up at once) and, as a weaker lower bound, from
// feeds' `generated`. CorrectedClock is the Clock the scheduler should use. Both are thread-safe
// (the fetch worker observes, the main thread reads).
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>

#include "core/clock.h"

namespace machikado::pipeline {

struct ClockSanityConfig {
  int64_t max_skew_s = 300;                // a larger disagreement means the local clock is wrong
  UnixSeconds min_plausible = 1577836800;  // 2020-01-01: an earlier local clock is certainly unset
  size_t http_samples = 5;  // median over this many recent Date headers (one bad server)
};

enum class TimeSource { kSystem, kHttpDate, kFeedGenerated, kNone };
std::string_view TimeSourceName(TimeSource s);  // "system", "http-date", "feed-generated", "none"

// What status.json reports under "clock": {"source", "offset_s", "trusted"}.
struct ClockReport {
  TimeSource source = TimeSource::kSystem;
  int64_t offset_s = 0;  // add to the system clock to get the time we schedule with
  bool trusted = true;   // false: no trustworthy time is known (status must say so)
};

class ClockSanity {
 public:
  explicit ClockSanity(const Clock& system, ClockSanityConfig config = {});

  // The Date of a successful (2xx/304) HTTP response, just received.
  void ObserveHttpDate(UnixSeconds server_date);
  // An accepted feed's `generated`: the true time is at least this (a feed is not made in the
  // future).
  void ObserveFeedGenerated(UnixSeconds generated);

  ClockReport Report() const;
  UnixSeconds CorrectedNow() const { return system_.now() + Report().offset_s; }

 private:
  struct Sample {
    UnixSeconds server_date;
    int64_t mono_ms;
  };
  const Clock& system_;
  ClockSanityConfig config_;
  mutable std::mutex mu_;
  std::deque<Sample> http_;
  std::optional<Sample> newest_generated_;
};

// The system clock plus the offset ClockSanity currently believes in. Monotonic time passes
// through.
class CorrectedClock final : public Clock {
 public:
  CorrectedClock(const Clock& system, const ClockSanity& sanity)
      : system_(system), sanity_(sanity) {}
  UnixSeconds now() const override { return sanity_.CorrectedNow(); }
  int64_t monotonic_ms() const override { return system_.monotonic_ms(); }

 private:
  const Clock& system_;
  const ClockSanity& sanity_;
};

}  // namespace machikado::pipeline
