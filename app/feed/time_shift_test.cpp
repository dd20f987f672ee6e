#include "feed/time_shift.h"

#include <gtest/gtest.h>

namespace machikado::feed {
namespace {

constexpr UnixSeconds kGenerated = 1795359600;  // 2026-11-23T00:00:00+09:00 (a Monday)

TEST(TimeShiftTest, ShiftIsWholeWeeksAndLandsGeneratedInTheCurrentWeek) {
  for (int64_t offset : {0L, 1L, 6 * 86400L, 7 * 86400L, 400 * 86400L, 3 * 365 * 86400L}) {
    UnixSeconds now = kGenerated + offset;
    int64_t d = DemoShiftSeconds(kGenerated, now);
    EXPECT_EQ(d % kWeekSeconds, 0);
    EXPECT_LE(kGenerated + d, now);
    EXPECT_GT(kGenerated + d, now - kWeekSeconds);
  }
  // A clock before the feed was written shifts backwards, still whole weeks.
  int64_t back = DemoShiftSeconds(kGenerated, kGenerated - 10);
  EXPECT_EQ(back, -kWeekSeconds);
}

TEST(TimeShiftTest, ShiftsEveryDatetimeOfTheFeed) {
  Feed f;
  f.generated = kGenerated;
  Item news;
  news.published = 100;
  news.valid_from = 200;
  news.valid_until = 300;
  news.news.event.emplace();
  news.news.event->start = 400;
  news.news.event->end = 500;
  Item alert;
  alert.kind = Kind::kAlert;
  alert.alert.issued = 600;
  alert.alert.expires = 700;
  alert.alert.shelters.push_back(Shelter{});
  alert.alert.shelters[0].updated = 800;
  f.items = {news, alert};
  ShiftFeedTimes(f, kWeekSeconds);
  EXPECT_EQ(f.generated, kGenerated + kWeekSeconds);
  EXPECT_EQ(*f.items[0].published, 100 + kWeekSeconds);
  EXPECT_EQ(*f.items[0].valid_from, 200 + kWeekSeconds);
  EXPECT_EQ(*f.items[0].valid_until, 300 + kWeekSeconds);
  EXPECT_EQ(*f.items[0].news.event->start, 400 + kWeekSeconds);
  EXPECT_EQ(*f.items[0].news.event->end, 500 + kWeekSeconds);
  EXPECT_EQ(f.items[1].alert.issued, 600 + kWeekSeconds);
  EXPECT_EQ(*f.items[1].alert.expires, 700 + kWeekSeconds);
  EXPECT_EQ(*f.items[1].alert.shelters[0].updated, 800 + kWeekSeconds);
}

}  // namespace
}  // namespace machikado::feed
