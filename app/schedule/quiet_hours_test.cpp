#include "schedule/quiet_hours.h"

#include <gtest/gtest.h>

#include "config/config_loader.h"

namespace machikado::schedule {
namespace {

constexpr int kJst = 9 * 3600;
// 2026-11-23 00:00 +09:00, a Monday.
constexpr UnixSeconds kMondayMidnightJst = 1795359600;

// Local (JST) time on the week starting Monday 2026-11-23: day 0 = Monday … 6 = Sunday, 7 = the
// next Monday.
UnixSeconds Jst(int day, int hh, int mm, int ss = 0) {
  return kMondayMidnightJst + day * 86400 + hh * 3600 + mm * 60 + ss;
}

config::QuietHours FromConfig(const char* json_ranges) {
  config::ConfigOutcome o =
      config::ParseConfig(std::string(R"({"quiet_hours": )") + json_ranges + "}");
  EXPECT_TRUE(o.ok()) << (o.problems.empty() ? "" : o.problems[0].message);
  return o.config.quiet_hours;
}

TEST(QuietHoursTest, WeekdayOfLocalDateFollowsTheOffset) {
  EXPECT_EQ(LocalWeekday(Jst(0, 0, 0), kJst), 0);      // Monday 00:00 JST
  EXPECT_EQ(LocalWeekday(Jst(0, 0, 0) - 1, kJst), 6);  // Sunday 23:59:59 JST
  EXPECT_EQ(LocalWeekday(Jst(0, 0, 0), 0), 6);         // still Sunday 15:00 in UTC
  EXPECT_EQ(LocalWeekday(0, 0), 3);                    // 1970-01-01 was a Thursday
  EXPECT_EQ(LocalWeekday(-1, 0), 2);                   // before the epoch: Wednesday
}

TEST(QuietHoursTest, EmptyScheduleIsNeverQuietAndNeverChanges) {
  config::QuietHours none;
  EXPECT_FALSE(IsQuietAt(none, Jst(2, 3, 0), kJst));
  EXPECT_FALSE(NextQuietChange(none, Jst(2, 3, 0), kJst).has_value());
}

TEST(QuietHoursTest, SameDayRangeIncludesStartExcludesEnd) {
  auto q = FromConfig(R"([{"from": "12:00", "to": "13:00"}])");
  EXPECT_FALSE(IsQuietAt(q, Jst(1, 11, 59, 59), kJst));
  EXPECT_TRUE(IsQuietAt(q, Jst(1, 12, 0), kJst));
  EXPECT_TRUE(IsQuietAt(q, Jst(1, 12, 59, 59), kJst));
  EXPECT_FALSE(IsQuietAt(q, Jst(1, 13, 0), kJst));
}

TEST(QuietHoursTest, RangeCrossingMidnightBelongsToItsStartDay) {
  // Friday night to Saturday morning only.
  auto q = FromConfig(R"([{"days": ["fri"], "from": "21:00", "to": "07:00"}])");
  EXPECT_FALSE(IsQuietAt(q, Jst(4, 20, 59), kJst));
  EXPECT_TRUE(IsQuietAt(q, Jst(4, 21, 0), kJst));
  EXPECT_TRUE(IsQuietAt(q, Jst(4, 23, 59, 59), kJst));
  EXPECT_TRUE(IsQuietAt(q, Jst(5, 0, 0), kJst));  // Saturday, carried over from Friday
  EXPECT_TRUE(IsQuietAt(q, Jst(5, 6, 59, 59), kJst));
  EXPECT_FALSE(IsQuietAt(q, Jst(5, 7, 0), kJst));
  // Friday early morning is not quiet: Thursday has no range.
  EXPECT_FALSE(IsQuietAt(q, Jst(4, 3, 0), kJst));
  // Saturday 21:00 is not quiet: the range starts only on Friday.
  EXPECT_FALSE(IsQuietAt(q, Jst(5, 22, 0), kJst));
}

TEST(QuietHoursTest, WeekdayBoundaryBetweenSundayAndMonday) {
  // Weekday nights and all of Sunday.
  auto q =
      FromConfig(R"([{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "21:00", "to": "07:00"},
                          {"days": ["sun"], "from": "00:00", "to": "24:00"}])");
  EXPECT_FALSE(IsQuietAt(q, Jst(5, 23, 0), kJst));  // Saturday night: no range
  EXPECT_TRUE(IsQuietAt(q, Jst(6, 0, 0), kJst));    // Sunday starts quiet
  EXPECT_TRUE(IsQuietAt(q, Jst(6, 23, 59, 59), kJst));
  EXPECT_FALSE(IsQuietAt(q, Jst(7, 0, 0), kJst));  // Monday 00:00: Sunday's range ended
  EXPECT_TRUE(IsQuietAt(q, Jst(7, 21, 0), kJst));  // Monday night
  EXPECT_TRUE(IsQuietAt(q, Jst(5, 6, 0), kJst));   // Saturday 06:00, from Friday night
  EXPECT_FALSE(IsQuietAt(q, Jst(0, 6, 0), kJst));  // Monday 06:00: Sunday's range ended at 24:00
}

TEST(QuietHoursTest, OverlappingRangesMergeAndTheirUnionCounts) {
  auto q = FromConfig(R"([{"from": "20:00", "to": "23:00"}, {"from": "22:00", "to": "06:00"}])");
  EXPECT_TRUE(IsQuietAt(q, Jst(2, 20, 30), kJst));
  EXPECT_TRUE(IsQuietAt(q, Jst(2, 22, 30), kJst));
  EXPECT_TRUE(IsQuietAt(q, Jst(3, 5, 59), kJst));
  EXPECT_FALSE(IsQuietAt(q, Jst(3, 6, 0), kJst));
  // Inside the overlap, the next change is the end of the longer range, not of the shorter one.
  EXPECT_EQ(NextQuietChange(q, Jst(2, 22, 30), kJst), Jst(3, 6, 0));
}

TEST(QuietHoursTest, NextChangeFindsStartAndEnd) {
  auto q = FromConfig(R"([{"days": ["fri"], "from": "21:00", "to": "07:00"}])");
  // From Monday noon the next change is Friday 21:00.
  EXPECT_EQ(NextQuietChange(q, Jst(0, 12, 0), kJst), Jst(4, 21, 0));
  // At the very start instant it is already quiet; the next change is the end.
  EXPECT_EQ(NextQuietChange(q, Jst(4, 21, 0), kJst), Jst(5, 7, 0));
  // One second before the start the change is one second away.
  EXPECT_EQ(NextQuietChange(q, Jst(4, 20, 59, 59), kJst), Jst(4, 21, 0));
  // Saturday 07:00 (just ended) → next Friday.
  EXPECT_EQ(NextQuietChange(q, Jst(5, 7, 0), kJst), Jst(11, 21, 0));
}

TEST(QuietHoursTest, AdjacentRangesAreOneQuietPeriod) {
  auto q = FromConfig(R"([{"from": "22:00", "to": "24:00"}, {"from": "00:00", "to": "06:00"}])");
  EXPECT_TRUE(IsQuietAt(q, Jst(1, 0, 0), kJst));
  EXPECT_EQ(NextQuietChange(q, Jst(1, 23, 0), kJst), Jst(2, 6, 0));
}

TEST(QuietHoursTest, WholeWeekQuietNeverChanges) {
  auto q = FromConfig(R"([{"from": "00:00", "to": "24:00"}])");
  EXPECT_TRUE(IsQuietAt(q, Jst(3, 15, 0), kJst));
  EXPECT_FALSE(NextQuietChange(q, Jst(3, 15, 0), kJst).has_value());
}

TEST(QuietHoursTest, OffsetShiftsTheRangeInUtc) {
  auto q = FromConfig(R"([{"from": "21:00", "to": "07:00"}])");
  // 21:00 JST = 12:00 UTC; with a UTC kiosk the same instant is midday, not quiet.
  EXPECT_TRUE(IsQuietAt(q, Jst(2, 21, 0), kJst));
  EXPECT_FALSE(IsQuietAt(q, Jst(2, 21, 0), 0));
  // A negative offset: 21:00 at -05:00 is 02:00 UTC the next day.
  UnixSeconds utc_midnight_tue = kMondayMidnightJst + kJst + 86400;
  EXPECT_TRUE(IsQuietAt(q, utc_midnight_tue + 2 * 3600, -5 * 3600));
  EXPECT_FALSE(IsQuietAt(q, utc_midnight_tue + 2 * 3600 - 1, -5 * 3600));
}

TEST(QuietHoursTest, UntrustedClockNeverBlanks) {
  auto q = FromConfig(R"([{"from": "00:00", "to": "24:00"}])");
  EXPECT_TRUE(IsQuietNow(q, WallTime::Trusted(Jst(1, 3, 0)), kJst));
  EXPECT_FALSE(IsQuietNow(q, WallTime::Untrusted(Jst(1, 3, 0), Jst(1, 2, 0)), kJst));
}

TEST(QuietHoursTest, NextChangeAgreesWithBruteForceScanOverAWeek) {
  auto q = FromConfig(R"([{"days": ["mon", "wed"], "from": "18:30", "to": "02:15"},
                          {"days": ["tue"], "from": "01:00", "to": "03:00"},
                          {"days": ["sat", "sun"], "from": "12:00", "to": "24:00"}])");
  // Walk the week minute by minute and check every reported change against a scan (every
  // boundary of these ranges lies on a quarter hour).
  for (UnixSeconds t = Jst(0, 0, 0); t < Jst(7, 0, 0); t += 60) {
    auto next = NextQuietChange(q, t, kJst);
    ASSERT_TRUE(next.has_value());
    bool now = IsQuietAt(q, t, kJst);
    UnixSeconds s = (t / 900 + 1) * 900;
    while (IsQuietAt(q, s, kJst) == now) s += 900;
    EXPECT_EQ(*next, s) << "at t=" << t;
  }
}

}  // namespace
}  // namespace machikado::schedule
