#include "schedule/quiet_hours.h"

#include <algorithm>
#include <vector>

namespace machikado::schedule {
namespace {

constexpr int64_t kDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// UTC instant of local midnight starting the local day `day` (days since 1970-01-01, local).
UnixSeconds LocalMidnight(int64_t day, int utc_offset_s) {
  return day * kDay - utc_offset_s;
}

int64_t LocalDay(UnixSeconds t, int utc_offset_s) {
  return FloorDiv(t + utc_offset_s, kDay);
}

// 1970-01-01 was a Thursday (3 with Monday = 0).
int WeekdayOfDay(int64_t day) {
  return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

struct Span {
  UnixSeconds begin;  // inclusive
  UnixSeconds end;    // exclusive
};

// The instance of `r` starting on local day `day`, if `r` runs on that weekday.
std::optional<Span> SpanOn(const config::QuietRange& r, int64_t day, int utc_offset_s) {
  if ((r.days & (1u << WeekdayOfDay(day))) == 0) return std::nullopt;
  UnixSeconds midnight = LocalMidnight(day, utc_offset_s);
  int end_min = r.to_min > r.from_min ? r.to_min : r.to_min + 1440;
  return Span{midnight + r.from_min * 60, midnight + int64_t{end_min} * 60};
}

}  // namespace

int LocalWeekday(UnixSeconds t, int utc_offset_s) {
  return WeekdayOfDay(LocalDay(t, utc_offset_s));
}

bool IsQuietAt(const config::QuietHours& quiet, UnixSeconds t, int utc_offset_s) {
  int64_t today = LocalDay(t, utc_offset_s);
  for (const config::QuietRange& r : quiet.ranges) {
    // A range lasts at most 24 h, so only instances starting today or yesterday can contain t.
    for (int64_t day : {today - 1, today}) {
      std::optional<Span> s = SpanOn(r, day, utc_offset_s);
      if (s && s->begin <= t && t < s->end) return true;
    }
  }
  return false;
}

std::optional<UnixSeconds> NextQuietChange(const config::QuietHours& quiet, UnixSeconds t,
                                           int utc_offset_s) {
  // The schedule repeats weekly and each range lasts ≤ 24 h: every change within the next week
  // is the start or end of an instance starting between yesterday and eight days ahead.
  int64_t today = LocalDay(t, utc_offset_s);
  std::vector<UnixSeconds> edges;
  for (const config::QuietRange& r : quiet.ranges) {
    for (int64_t day = today - 1; day <= today + 8; ++day) {
      std::optional<Span> s = SpanOn(r, day, utc_offset_s);
      if (!s) continue;
      if (s->begin > t) edges.push_back(s->begin);
      if (s->end > t) edges.push_back(s->end);
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  bool quiet_now = IsQuietAt(quiet, t, utc_offset_s);
  for (UnixSeconds e : edges)
    if (IsQuietAt(quiet, e, utc_offset_s) != quiet_now) return e;
  return std::nullopt;
}

bool IsQuietNow(const config::QuietHours& quiet, const WallTime& wall, int utc_offset_s) {
  if (wall.trust != TimeTrust::kTrusted) return false;
  return IsQuietAt(quiet, wall.now, utc_offset_s);
}

}  // namespace machikado::schedule
