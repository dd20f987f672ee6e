// Staff lints: wrong weekdays, impossible dates, expired items, copied titles.
#include "feed/lint.h"

#include <gtest/gtest.h>

#include "feed/datetime.h"
#include "feed/feed_test_util.h"

namespace machikado::feed {
namespace {

using testing::J;

UnixSeconds At(const char* rfc3339) {
  return ParseRfc3339(rfc3339)->unix;
}

Feed Parsed(const J& doc) {
  ParseOutcome o = ParseFeed(doc.dump());
  EXPECT_TRUE(o.feed.has_value());
  return o.feed ? *o.feed : Feed{};
}

TEST(WeekdayOf, KnowsTheCalendar) {
  EXPECT_EQ(WeekdayOf(2026, 12, 6), 0);  // a Sunday
  EXPECT_EQ(WeekdayOf(2026, 12, 5), 6);
  EXPECT_EQ(WeekdayOf(1970, 1, 1), 4);
  EXPECT_EQ(WeekdayOf(2024, 2, 29), 4);
  EXPECT_EQ(WeekdayOf(2026, 2, 29), -1);
  EXPECT_EQ(WeekdayOf(2026, 13, 1), -1);
  EXPECT_EQ(WeekdayOf(2000, 2, 29), 2);
  EXPECT_EQ(WeekdayOf(1900, 2, 29), -1);
}

TEST(FindDatesWithWeekday, ReadsTheFormsStaffWrite) {
  const UnixSeconds ref = At("2026-11-20T09:00:00+09:00");
  auto d = FindDatesWithWeekday("日時：12月6日(土) 10時から", ref);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].as_written, "12月6日(土)");
  EXPECT_EQ(d[0].year, 2026);
  EXPECT_EQ(d[0].month, 12);
  EXPECT_EQ(d[0].day, 6);
  EXPECT_EQ(d[0].weekday_written, 6);
  EXPECT_FALSE(d[0].year_explicit);

  // Full-width digits and brackets, 曜日 spelled out, wareki and western years, slashes.
  d = FindDatesWithWeekday("１２月６日（日曜日）と令和8年12月7日(月)と2026年1月3日土曜日、12/8(火)",
                           ref);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].weekday_written, 0);
  EXPECT_EQ(d[1].year, 2026);
  EXPECT_TRUE(d[1].year_explicit);
  EXPECT_EQ(d[2].year, 2026);
  EXPECT_EQ(d[2].month, 1);
  EXPECT_EQ(d[3].day, 8);

  // Without a weekday nothing is checked; a 月 that is a month, not a weekday, is not one.
  EXPECT_TRUE(FindDatesWithWeekday("12月6日に開催。毎月第1月曜", ref).empty());
}

TEST(FindDatesWithWeekday, AYearlessDateTakesTheNearestYear) {
  // Written in December about January: next year.
  auto d = FindDatesWithWeekday("1月10日(日)", At("2026-12-20T09:00:00+09:00"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2027);
  EXPECT_EQ(WeekdayOf(2027, 1, 10), 0);
  // Written in January about last December: last year.
  d = FindDatesWithWeekday("12月28日(月)", At("2027-01-05T09:00:00+09:00"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2026);
}

TEST(LintFeed, NamesTheRightWeekday) {
  J doc = testing::MinimalFeed();
  J item = testing::NewsItem("drill");
  item["summary"] = {{"ja", "12月6日(土)に防災訓練を行います。"}, {"en", "On Sat 6 Dec"}};
  item["published"] = "2026-11-20T09:00:00+09:00";
  doc["items"].push_back(item);
  const auto w = LintFeed(Parsed(doc), At("2026-11-21T00:00:00+09:00"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].item_id, "drill");
  EXPECT_EQ(w[0].field, "summary (ja)");
  EXPECT_NE(w[0].message.find("2026-12-06 is a Sunday (日曜日), not 土曜日"), std::string::npos)
      << w[0].message;
}

TEST(LintFeed, ARightWeekdayIsQuiet) {
  J doc = testing::MinimalFeed();
  J item = testing::NewsItem("drill");
  item["title"] = "12月6日(日)防災訓練";
  item["body"] = "令和8年12月5日（土曜）に準備、１２月６日（日）本番。";
  doc["items"].push_back(item);
  EXPECT_TRUE(LintFeed(Parsed(doc), At("2026-11-21T00:00:00+09:00")).empty());
}

TEST(LintFeed, AnImpossibleDateIsNamed) {
  J doc = testing::MinimalFeed();
  J item = testing::NewsItem("feb");
  item["title"] = "2月30日(月)説明会";
  doc["items"].push_back(item);
  const auto w = LintFeed(Parsed(doc), At("2027-01-10T00:00:00+09:00"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].message.find("no such date"), std::string::npos) << w[0].message;
}

TEST(LintFeed, ExpiredItem) {
  J doc = testing::MinimalFeed();
  J item = testing::NewsItem("old");
  item["valid_until"] = "2026-11-01T00:00:00+09:00";
  doc["items"].push_back(item);
  const auto w = LintFeed(Parsed(doc), At("2026-11-21T00:00:00+09:00"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].field, "valid_until");
  EXPECT_NE(w[0].message.find("in the past"), std::string::npos);
  // Before it expires, nothing.
  EXPECT_TRUE(LintFeed(Parsed(doc), At("2026-10-01T00:00:00+09:00")).empty());
}

TEST(LintFeed, CopiedTitle) {
  J doc = testing::MinimalFeed();
  doc["items"].push_back(testing::NewsItem("a"));
  doc["items"].push_back(testing::NewsItem("b"));
  const auto w = LintFeed(Parsed(doc), At("2026-11-21T00:00:00+09:00"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].item_id, "b");
  EXPECT_NE(w[0].message.find("item a"), std::string::npos);
}

}  // namespace
}  // namespace machikado::feed
