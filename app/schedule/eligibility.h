// Eligibility: may this item be shown on this kiosk at this time? Pure functions, thread-safe.
//
// Rules (docs/schedule.md says the same for staff):
// - status: `test` only in preview; `exercise` and `actual` are shown (exercise is marked 訓練).
// - districts: absent = everywhere; a list = only on kiosks configured for one of them; a kiosk
//   with no district shows only items without a list.
// - window: shown from `valid_from` (inclusive) until `valid_until` (exclusive); an alert also
//   disappears at `expires` (exclusive), with or without network.
// - untrusted clock: the reference time is WallTime::known_floor (the newest `generated`), since
// the
//   real time is at least that. Anything that ended by then is hidden; a non-alert whose window
//   starts later is shown anyway (no blank screen at 1970); an alert is never shown before its
//   `valid_from`, and is also hidden once the (untrusted) clock says it expired — a false alarm is
//   the worse failure.
#pragma once

#include <string_view>
#include <vector>

#include "feed/model.h"
#include "schedule/schedule_config.h"
#include "schedule/time_basis.h"

namespace machikado::schedule {

enum class Verdict {
  kShown,
  kTestOnlyInPreview,  // status `test` outside preview
  kOtherDistrict,      // restricted to districts that do not include this kiosk's
  kNoKioskDistrict,    // restricted to districts, and this kiosk has none configured
  kNotYetValid,        // before `valid_from`
  kExpired,            // at or after `valid_until`
  kAlertExpired,       // an alert at or after `expires`
};

// "shown", "test_only_in_preview", "other_district", … (for status, logs and `render`).
std::string_view VerdictName(Verdict v);

// The time windows are judged against: `now` when trusted, `known_floor` when not.
UnixSeconds ReferenceTime(const WallTime& t);

Verdict Judge(const feed::Item& item, const ScheduleConfig& config, const WallTime& t);

inline bool IsEligible(const feed::Item& item, const ScheduleConfig& config, const WallTime& t) {
  return Judge(item, config, t) == Verdict::kShown;
}

// The eligible items, in input order (pointers into `items`; valid while it lives unchanged).
std::vector<const feed::Item*> EligibleItems(const std::vector<feed::Item>& items,
                                             const ScheduleConfig& config, const WallTime& t);

}  // namespace machikado::schedule
