// SoakClockJumper: moves the kiosk's wall clock (a ShiftedClock, core/clock.h) hours forward and
// back while the kiosk runs, as NTP stepping a kiosk's clock after a long offline spell, a flat RTC
// battery or staff setting it by hand would: every `every_s` seconds the next offset of a fixed
// cycle (+6 h, back to 0, −4 h, back, +30 h, back, −26 h, back). The monotonic clock never jumps.
// QuietRangesForSoak gives quiet hours that the +6 h and +30 h offsets land in, and two quiet
// minutes in every quarter hour of real time besides.
// Start/Stop from one thread; the clock itself is thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "config/config.h"
#include "core/clock.h"

namespace machikado::soak {

class SoakClockJumper {
 public:
  SoakClockJumper(ShiftedClock& clock, int every_s) : clock_(clock), every_s_(every_s) {}
  ~SoakClockJumper() { Stop(); }
  void Start();
  void Stop();
  std::string CountersText() const;  // machikado_soak_clock_* lines

  static const std::vector<int64_t>& Offsets();  // the cycle, in seconds

 private:
  void Main();

  ShiftedClock& clock_;
  const int every_s_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  uint64_t forward_ = 0, back_ = 0;
  int64_t largest_forward_s_ = 0, largest_back_s_ = 0;
  std::thread thread_;
};

// Quiet hours for a soak that starts at `start` (Unix seconds) on a kiosk `utc_offset_s` from UTC:
// 05:00–07:00 after the start's local time (where +6 h lands, and +30 h the next day), and 2
// minutes of every 15 for the 13 hours from 2 hours before the start (so real time meets them too).
std::vector<config::QuietRange> QuietRangesForSoak(int64_t start, int utc_offset_s);

}  // namespace machikado::soak
