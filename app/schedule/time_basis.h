// The schedule's idea of "now": a corrected wall-clock time with a trust flag (for validity windows
// and expiry) plus a monotonic time (for slide timing). Clock sanity — deciding whether the wall
// clock can be trusted and correcting it from HTTP Date headers and feed `generated` — lives
// elsewhere; the schedule only applies the policy in eligibility.h. Plain value types.
#pragma once

#include <cstdint>

#include "core/clock.h"

namespace machikado::schedule {

enum class TimeTrust {
  kTrusted,    // `now` is right (NTP, or corrected from a server's Date header)
  kUntrusted,  // no trustworthy time known (e.g. booted offline with the clock in 1970)
};

struct WallTime {
  UnixSeconds now = 0;  // corrected wall-clock time, UTC
  TimeTrust trust = TimeTrust::kTrusted;
  // The latest time known to have passed: the newest `generated` of the feeds in use (and the
  // last successful fetch). Required when untrusted: it is then the schedule's reference time.
  UnixSeconds known_floor = 0;

  static WallTime Trusted(UnixSeconds t) { return WallTime{t, TimeTrust::kTrusted, 0}; }
  static WallTime Untrusted(UnixSeconds clock, UnixSeconds floor) {
    return WallTime{clock, TimeTrust::kUntrusted, floor};
  }
};

// Both clocks at one instant, as handed to the Rotation.
struct Now {
  int64_t mono_ms = 0;  // monotonic milliseconds (Clock::monotonic_ms)
  WallTime wall;

  // A trusted reading of `clock` (the usual case; tests use a FakeClock).
  static Now From(const Clock& clock) {
    return Now{clock.monotonic_ms(), WallTime::Trusted(clock.now())};
  }
};

}  // namespace machikado::schedule
