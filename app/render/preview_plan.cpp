#include "render/preview_plan.h"

#include <algorithm>

namespace machikado::render {

bool IsTakeoverAlert(const feed::Item& item) {
  return item.kind == feed::Kind::kAlert &&
         (item.alert.level.value_or(0) >= 4 || item.alert.takeover);
}

bool EligibleAt(const feed::Item& item, const PreviewOptions& o) {
  if (item.status == feed::ItemStatus::kTest && !o.include_test) return false;
  if (item.valid_from && o.at < *item.valid_from) return false;
  if (item.valid_until && o.at >= *item.valid_until) return false;
  if (item.kind == feed::Kind::kAlert && item.alert.expires && o.at >= *item.alert.expires)
    return false;
  // An item limited to districts is shown only on kiosks configured for one of them.
  if (item.districts) {
    if (o.district.empty()) return false;
    if (std::find(item.districts->begin(), item.districts->end(), o.district) ==
        item.districts->end())
      return false;
  }
  return true;
}

int DefaultDurationS(const feed::Item& item) {
  if (item.duration_s) return *item.duration_s;
  switch (item.kind) {
    case feed::Kind::kNews:
      return 10;
    case feed::Kind::kPreparedness:
      return 12;
    case feed::Kind::kProject:
      return 12;
    case feed::Kind::kAlert:
      return 15;
    case feed::Kind::kVideo:
      return item.video.max_seconds.value_or(30);
  }
  return 10;
}

PreviewPlanResult PreviewPlan(const std::vector<const feed::Item*>& items,
                              const PreviewOptions& o) {
  PreviewPlanResult r;
  std::vector<const feed::Item*> alerts, rest;
  for (const feed::Item* it : items) {
    if (!EligibleAt(*it, o)) continue;
    if (IsTakeoverAlert(*it))
      r.slides.push_back({it, "takeover", DefaultDurationS(*it)});
    else if (it->kind == feed::Kind::kAlert)
      alerts.push_back(it);
    else
      rest.push_back(it);
  }
  // Most severe first; a real alert before an exercise of the same level.
  auto severity = [](const feed::Item* a) {
    return a->alert.level.value_or(0) * 2 + (a->status == feed::ItemStatus::kActual ? 1 : 0);
  };
  std::stable_sort(alerts.begin(), alerts.end(),
                   [&](auto* a, auto* b) { return severity(a) > severity(b); });
  r.banner_alerts = alerts;
  for (const feed::Item* a : alerts) r.slides.push_back({a, "rotation", DefaultDurationS(*a)});
  std::stable_sort(rest.begin(), rest.end(),
                   [](auto* a, auto* b) { return a->priority > b->priority; });
  for (const feed::Item* it : rest) r.slides.push_back({it, "rotation", DefaultDurationS(*it)});
  return r;
}

}  // namespace machikado::render
