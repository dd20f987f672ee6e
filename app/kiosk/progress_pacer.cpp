#include "kiosk/progress_pacer.h"

#include <algorithm>
#include <cmath>

namespace machikado::kiosk {

ProgressPacer::ProgressPacer(int64_t floor_ms, double budget, int64_t ceiling_ms)
    : floor_ms_(floor_ms), ceiling_ms_(std::max(floor_ms, ceiling_ms)), budget_(budget) {}

void ProgressPacer::AddFrameCost(double cpu_ms) {
  if (!std::isfinite(cpu_ms) || cpu_ms < 0) return;
  // A moving average over ~8 frames: one slow frame (a page fault storm, a busy core) does not
  // halve the rate, a lasting change (another renderer, a throttled CPU) shows within seconds.
  cost_ms_ = have_cost_ ? cost_ms_ + (cpu_ms - cost_ms_) / 8.0 : cpu_ms;
  have_cost_ = true;
}

int64_t ProgressPacer::interval_ms() const {
  if (!have_cost_ || budget_ <= 0) return floor_ms_;
  const double wanted = cost_ms_ / budget_;
  if (wanted >= static_cast<double>(ceiling_ms_)) return ceiling_ms_;
  return std::clamp<int64_t>(static_cast<int64_t>(std::ceil(wanted)), floor_ms_, ceiling_ms_);
}

}  // namespace machikado::kiosk
