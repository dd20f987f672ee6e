#include "pipeline/clock_sanity.h"

#include <algorithm>
#include <vector>

namespace machikado::pipeline {

std::string_view TimeSourceName(TimeSource s) {
  switch (s) {
    case TimeSource::kSystem:
      return "system";
    case TimeSource::kHttpDate:
      return "http-date";
    case TimeSource::kFeedGenerated:
      return "feed-generated";
    case TimeSource::kNone:
      return "none";
  }
  return "none";
}

ClockSanity::ClockSanity(const Clock& system, ClockSanityConfig config)
    : system_(system), config_(config) {}

void ClockSanity::ObserveHttpDate(UnixSeconds server_date) {
  std::lock_guard<std::mutex> lock(mu_);
  http_.push_back({server_date, system_.monotonic_ms()});
  while (http_.size() > std::max<size_t>(1, config_.http_samples)) http_.pop_front();
}

void ClockSanity::ObserveFeedGenerated(UnixSeconds generated) {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t mono = system_.monotonic_ms();
  // Keep the latest lower bound: the sample that implies the latest "now".
  if (!newest_generated_ ||
      generated - (mono - newest_generated_->mono_ms) / 1000 > newest_generated_->server_date) {
    newest_generated_ = Sample{generated, mono};
  }
}

ClockReport ClockSanity::Report() const {
  std::lock_guard<std::mutex> lock(mu_);
  const UnixSeconds local = system_.now();
  const int64_t mono = system_.monotonic_ms();
  const bool plausible = local >= config_.min_plausible;

  if (!http_.empty()) {
    // Each sample, carried forward on the monotonic clock, estimates "now"; compare with the local
    // clock.
    std::vector<int64_t> offsets;
    offsets.reserve(http_.size());
    for (const Sample& s : http_)
      offsets.push_back(s.server_date + (mono - s.mono_ms) / 1000 - local);
    std::nth_element(offsets.begin(), offsets.begin() + offsets.size() / 2, offsets.end());
    const int64_t median = offsets[offsets.size() / 2];
    if (std::abs(median) > config_.max_skew_s || !plausible) {
      return {TimeSource::kHttpDate, median, true};
    }
    return {TimeSource::kSystem, 0, true};
  }
  if (newest_generated_) {
    const int64_t lower =
        newest_generated_->server_date + (mono - newest_generated_->mono_ms) / 1000 - local;
    if (lower > config_.max_skew_s || !plausible) {
      // The local clock is behind a feed's creation time: move at least up to it, but this is only
      // a lower bound, so the time is not trusted.
      return {TimeSource::kFeedGenerated, std::max<int64_t>(lower, 0), false};
    }
  }
  if (plausible) return {TimeSource::kSystem, 0, true};
  return {TimeSource::kNone, 0, false};
}

}  // namespace machikado::pipeline
