#include "schedule/eligibility.h"

#include <algorithm>

namespace machikado::schedule {

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kShown:
      return "shown";
    case Verdict::kTestOnlyInPreview:
      return "test_only_in_preview";
    case Verdict::kOtherDistrict:
      return "other_district";
    case Verdict::kNoKioskDistrict:
      return "no_kiosk_district";
    case Verdict::kNotYetValid:
      return "not_yet_valid";
    case Verdict::kExpired:
      return "expired";
    case Verdict::kAlertExpired:
      return "alert_expired";
  }
  return "?";
}

UnixSeconds ReferenceTime(const WallTime& t) {
  return t.trust == TimeTrust::kTrusted ? t.now : t.known_floor;
}

namespace {

Verdict JudgeDistrict(const feed::Item& item, const ScheduleConfig& config) {
  if (!item.districts) return Verdict::kShown;
  if (!config.district || config.district->empty()) return Verdict::kNoKioskDistrict;
  const auto& list = *item.districts;
  return std::find(list.begin(), list.end(), *config.district) != list.end()
             ? Verdict::kShown
             : Verdict::kOtherDistrict;
}

Verdict JudgeWindow(const feed::Item& item, const WallTime& t) {
  const bool trusted = t.trust == TimeTrust::kTrusted;
  const bool is_alert = item.kind == feed::Kind::kAlert;
  const UnixSeconds ref = ReferenceTime(t);

  if (item.valid_until && ref >= *item.valid_until) return Verdict::kExpired;
  if (is_alert) {
    if (item.alert.expires && ref >= *item.alert.expires) return Verdict::kAlertExpired;
    // Untrusted, but the clock itself says the alert is over: hide it rather than risk showing a
    // finished evacuation order as current.
    if (!trusted) {
      if (item.alert.expires && t.now >= *item.alert.expires) return Verdict::kAlertExpired;
      if (item.valid_until && t.now >= *item.valid_until) return Verdict::kExpired;
    }
  }
  if (item.valid_from && ref < *item.valid_from) {
    // With an untrusted clock the real time may well be past valid_from; only alerts wait.
    if (trusted || is_alert) return Verdict::kNotYetValid;
  }
  return Verdict::kShown;
}

}  // namespace

Verdict Judge(const feed::Item& item, const ScheduleConfig& config, const WallTime& t) {
  if (item.status == feed::ItemStatus::kTest && !config.preview) return Verdict::kTestOnlyInPreview;
  if (Verdict d = JudgeDistrict(item, config); d != Verdict::kShown) return d;
  return JudgeWindow(item, t);
}

std::vector<const feed::Item*> EligibleItems(const std::vector<feed::Item>& items,
                                             const ScheduleConfig& config, const WallTime& t) {
  std::vector<const feed::Item*> out;
  out.reserve(items.size());
  for (const auto& item : items)
    if (IsEligible(item, config, t)) out.push_back(&item);
  return out;
}

}  // namespace machikado::schedule
