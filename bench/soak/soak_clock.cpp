#include "soak_clock.h"

#include <algorithm>
#include <chrono>

namespace machikado::soak {

const std::vector<int64_t>& SoakClockJumper::Offsets() {
  static const std::vector<int64_t> kOffsets = {6 * 3600,  0, -4 * 3600,  0,
                                                30 * 3600, 0, -26 * 3600, 0};
  return kOffsets;
}

void SoakClockJumper::Start() {
  thread_ = std::thread([this] { Main(); });
}

void SoakClockJumper::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SoakClockJumper::Main() {
  size_t i = 0;
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::seconds(every_s_), [this] { return stop_; })) {
    const int64_t want = Offsets()[i++ % Offsets().size()];
    const int64_t jump = want - clock_.offset_s();
    clock_.Jump(jump);
    if (jump > 0) {
      ++forward_;
      largest_forward_s_ = std::max(largest_forward_s_, jump);
    } else if (jump < 0) {
      ++back_;
      largest_back_s_ = std::max(largest_back_s_, -jump);
    }
  }
}

std::string SoakClockJumper::CountersText() const {
  std::lock_guard<std::mutex> lock(mu_);
  return "machikado_soak_clock_jumps_forward " + std::to_string(forward_) +
         "\nmachikado_soak_clock_jumps_back " + std::to_string(back_) +
         "\nmachikado_soak_clock_largest_forward_seconds " + std::to_string(largest_forward_s_) +
         "\nmachikado_soak_clock_largest_back_seconds " + std::to_string(largest_back_s_) + "\n";
}

std::vector<config::QuietRange> QuietRangesForSoak(int64_t start, int utc_offset_s) {
  auto minute_of_day = [&](int64_t t) {
    return int((((t + utc_offset_s) % 86400) + 86400) % 86400 / 60);
  };
  std::vector<config::QuietRange> ranges;
  config::QuietRange jump_target;
  jump_target.from_min = minute_of_day(start + 5 * 3600);
  jump_target.to_min = minute_of_day(start + 7 * 3600);
  if (jump_target.to_min == 0) jump_target.to_min = 1440;
  ranges.push_back(jump_target);
  // 2 minutes at :05, :20, :35 and :50 — 52 ranges over 13 hours (the config allows 64).
  const int first = minute_of_day(start - 2 * 3600) / 60 * 60;
  for (int q = 0; q < 52; ++q) {
    const int from = (first + 5 + 15 * q) % 1440;
    config::QuietRange r;
    r.from_min = from;
    r.to_min = from + 2;
    ranges.push_back(r);
  }
  return ranges;
}

}  // namespace machikado::soak
