// Clock: the wall clock and a monotonic clock behind one interface, so schedule, cache and fetch
// logic can be driven by a FakeClock in tests. RealClock and ShiftedClock are thread-safe;
// FakeClock is thread-compatible.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace machikado {

// Wall-clock time as Unix seconds (UTC). All feed datetimes are converted to this.
using UnixSeconds = int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time, UTC, in seconds since the epoch (may be wrong on a kiosk without NTP).
  virtual UnixSeconds now() const = 0;
  // Monotonic milliseconds for intervals and timeouts; never jumps.
  virtual int64_t monotonic_ms() const = 0;
};

class RealClock final : public Clock {
 public:
  UnixSeconds now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  int64_t monotonic_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
};

// The real clocks with the wall clock shifted by an offset that another thread may change at any
// time: a kiosk whose clock jumps (NTP stepping it after a long offline spell, a wrong RTC, staff
// setting it by hand). The monotonic clock never jumps. Soak runs (bench/soak) jump it hours
// forward and back while the kiosk runs.
class ShiftedClock final : public Clock {
 public:
  UnixSeconds now() const override { return real_.now() + offset_s_.load(); }
  int64_t monotonic_ms() const override { return real_.monotonic_ms(); }
  void Jump(int64_t seconds) { offset_s_ += seconds; }
  int64_t offset_s() const { return offset_s_.load(); }

 private:
  RealClock real_;
  std::atomic<int64_t> offset_s_{0};
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(UnixSeconds start = 1795392000 /* 2026-11-23T00:00:00Z */)
      : wall_(start), mono_ms_(1000) {}
  UnixSeconds now() const override { return wall_; }
  int64_t monotonic_ms() const override { return mono_ms_; }
  void set_wall(UnixSeconds t) { wall_ = t; }
  // Advances both clocks.
  void advance_ms(int64_t ms) {
    mono_ms_ += ms;
    acc_ms_ += ms;
    wall_ += acc_ms_ / 1000;
    acc_ms_ %= 1000;
  }
  void advance_s(int64_t s) { advance_ms(s * 1000); }

 private:
  UnixSeconds wall_;
  int64_t mono_ms_;
  int64_t acc_ms_ = 0;
};

}  // namespace machikado
