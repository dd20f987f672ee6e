// PreviewPlan: which slides `machikado render` draws at time t, in which order and mode.
// Eligibility follows FEED-v1 (valid_from/valid_until, alert expiry, districts, status); takeover
// alerts (level ≥ 4 or takeover: true) get the full-screen view first, then the rotation with
// alerts first and the lower alerts as banners. Until the schedule module's PlanAt is wired in,
// rotation order is alerts first, then feed order. Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "feed/model.h"

namespace machikado::render {

struct PlannedSlide {
  const feed::Item* item = nullptr;
  std::string mode;  // "takeover" | "rotation"
  int duration_s = 10;
};

struct PreviewPlanResult {
  std::vector<PlannedSlide> slides;
  std::vector<const feed::Item*> banner_alerts;  // most severe first
};

struct PreviewOptions {
  UnixSeconds at = 0;
  std::string
      district;  // "" = a kiosk without a district: items limited to districts are not shown
  bool include_test = false;  // status "test" is shown only in preview when asked
};

bool IsTakeoverAlert(const feed::Item& item);
bool EligibleAt(const feed::Item& item, const PreviewOptions& o);
int DefaultDurationS(const feed::Item& item);
PreviewPlanResult PreviewPlan(const std::vector<const feed::Item*>& items, const PreviewOptions& o);

}  // namespace machikado::render
