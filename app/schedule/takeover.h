// Takeover and banners (disaster mode): from the items of the current snapshot, which alerts take
// over the whole screen, which show as a persistent banner on every slide, and which page of the
// takeover view is up at a given time. Pure functions plus TakeoverCycle, a small value type that
// remembers when the current emergency began. Thread-compatible.
//
// Rules (docs/schedule.md):
// - takeover alert: an eligible alert (actual or exercise; never test outside preview) with level ≥
// 4
//   or `takeover: true`. It replaces the rotation as soon as the snapshot holding it is assessed,
//   and leaves as soon as it expires or leaves the feed — with or without network.
// - banner alert: every other eligible alert (level ≤ 3 or no level); shown on every slide and
//   first in each rotation cycle.
// - order (both lists): actual before exercise, then the higher level (a takeover alert without a
//   level ranks as level 5, a banner alert without one below level 1), then the latest issued,
//   then priority, then key.
// - the schedule never makes up items: when the last alert goes, there is no "all clear" slide.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "feed/model.h"
#include "schedule/item_key.h"
#include "schedule/schedule_config.h"
#include "schedule/time_basis.h"

namespace machikado::schedule {

// Classification by content alone: kind alert and level ≥ 4 or `takeover: true` (status and time
// windows are eligibility's business: AssessAlerts applies both).
bool IsTakeoverAlert(const feed::Item& item);
bool IsBannerAlert(const feed::Item& item);

// The level used for ordering (see the rules above): 0–5.
int RankLevel(const feed::Item& alert);
// True when alert `a` comes before alert `b` (in the takeover view, the banner and the rotation).
bool AlertOutranks(const feed::Item& a, const feed::Item& b);

// Feed id → wall time of that feed's last successful fetch (200 or 304, from network or file).
using LastConfirmed = std::map<std::string, UnixSeconds, std::less<>>;

struct ActiveAlert {
  const feed::Item* item = nullptr;  // points into the vector given to AssessAlerts
  ItemKey key;
  int level = 0;          // the feed's level, 0 when it has none
  bool exercise = false;  // 訓練 / EXERCISE must be on every rendering
  // When its feed last fetched OK: "as confirmed at 10:42" when offline. Unset = unknown.
  std::optional<UnixSeconds> last_confirmed;
  // The languages it is shown in on takeover pages: its title's, then any more its instructions
  // have, in feed order ("ja" first when present).
  std::vector<std::string> languages;
};

struct AlertSituation {
  std::vector<ActiveAlert> takeover;  // sorted by AlertOutranks
  std::vector<ActiveAlert> banners;   // sorted by AlertOutranks
  bool emergency() const { return !takeover.empty(); }
};

// The alerts of `items` that are eligible at `t`. Pointers stay valid while `items` lives
// unchanged.
AlertSituation AssessAlerts(const std::vector<feed::Item>& items, const ScheduleConfig& config,
                            const WallTime& t, const LastConfirmed& last_confirmed = {});

// One page of the takeover view: one alert in one of its languages.
struct TakeoverPage {
  size_t alert_index = 0;  // into AlertSituation::takeover
  std::string lang;
  int page = 0;  // 0-based, over every alert × language
  int pages = 0;
  int64_t started_ms = 0;  // monotonic time the page came up
  int64_t ends_ms = 0;     // monotonic time the next page comes up
};

// The page shown `elapsed_ms` after the emergency view began, cycling alert by alert, each through
// its languages, `page_ms` per page. Unset when there is no takeover alert.
std::optional<TakeoverPage> PageAfter(const AlertSituation& s, int64_t elapsed_ms, int64_t page_ms);

// Remembers when the takeover view (re)started, so pages cycle deterministically by time. The view
// restarts at page 0 when an emergency begins and when a different alert moves to the top (a new,
// more serious alert is shown at once); other changes keep the rhythm.
class TakeoverCycle {
 public:
  // Call with every assessment (each snapshot and tick).
  void Observe(const AlertSituation& s, int64_t mono_ms);
  std::optional<TakeoverPage> PageAt(const AlertSituation& s, int64_t mono_ms,
                                     const ScheduleConfig& config) const;
  // Monotonic time the current emergency view began; unset outside an emergency.
  std::optional<int64_t> since_ms() const { return origin_ms_; }

 private:
  std::optional<int64_t> origin_ms_;
  std::optional<ItemKey> top_;
};

}  // namespace machikado::schedule
