#include "feed/datetime.h"

#include <gtest/gtest.h>

namespace machikado::feed {
namespace {

UnixSeconds At(std::string_view s) {
  auto r = ParseRfc3339(s);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().message();
  return r.ok() ? r->unix : -1;
}

std::string ErrorOf(std::string_view s) {
  auto r = ParseRfc3339(s);
  EXPECT_FALSE(r.ok()) << s << " was accepted";
  return r.ok() ? "" : r.status().message();
}

TEST(Rfc3339Test, ParsesJapanOffsetAndUtc) {
  EXPECT_EQ(At("2026-11-23T00:00:00Z"), 1795392000);
  EXPECT_EQ(At("2026-11-23T09:00:00+09:00"), 1795392000);
  auto r = ParseRfc3339("2026-11-23T09:00:00+09:00");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->offset_s, 9 * 3600);
  EXPECT_EQ(At("2026-11-22T19:30:00-04:30"), 1795392000);
  EXPECT_EQ(At("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(At("1969-12-31T23:59:59Z"), -1);
}

TEST(Rfc3339Test, AcceptsLowerCaseTAndZAndMinusZeroOffset) {
  EXPECT_EQ(At("2026-11-23t00:00:00z"), 1795392000);
  auto r = ParseRfc3339("2026-11-23T00:00:00-00:00");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->offset_s, 0);
}

TEST(Rfc3339Test, KeepsFractionalSecondsAsNanosAndTruncatesUnix) {
  auto r = ParseRfc3339("2026-11-23T00:00:00.5Z");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->unix, 1795392000);
  EXPECT_EQ(r->nanos, 500'000'000);
  r = ParseRfc3339("2026-11-23T00:00:00.123456789123+09:00");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->nanos, 123'456'789);
  EXPECT_NE(ErrorOf("2026-11-23T00:00:00.Z").find("no digits"), std::string::npos);
}

TEST(Rfc3339Test, RequiresAnOffset) {
  EXPECT_NE(ErrorOf("2026-11-23T09:00:00").find("has no offset"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T09:00:00+0900").find("+hh:mm"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T09:00:00+9:00").find("+hh:mm"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T09:00:00 JST").find("no valid offset"), std::string::npos);
}

TEST(Rfc3339Test, ChecksOffsetRange) {
  EXPECT_TRUE(ParseRfc3339("2026-11-23T09:00:00+23:59").ok());
  EXPECT_TRUE(ParseRfc3339("2026-11-23T09:00:00-23:59").ok());
  EXPECT_NE(ErrorOf("2026-11-23T09:00:00+24:00").find("offset hour 24"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T09:00:00+09:60").find("offset minute 60"), std::string::npos);
}

TEST(Rfc3339Test, ChecksMonthDayAndLeapYears) {
  EXPECT_NE(ErrorOf("2026-13-01T00:00:00Z").find("month 13"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-00-01T00:00:00Z").find("month 0"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-02-29T00:00:00Z").find("February 2026 has days 01–28"),
            std::string::npos);
  EXPECT_TRUE(ParseRfc3339("2028-02-29T00:00:00Z").ok());
  EXPECT_TRUE(ParseRfc3339("2000-02-29T00:00:00Z").ok());
  EXPECT_FALSE(ParseRfc3339("2100-02-29T00:00:00Z").ok());
  EXPECT_NE(ErrorOf("2026-04-31T00:00:00Z").find("April 2026 has days 01–30"), std::string::npos);
  EXPECT_FALSE(ParseRfc3339("2026-01-00T00:00:00Z").ok());
  EXPECT_FALSE(ParseRfc3339("2026-01-32T00:00:00Z").ok());
}

TEST(Rfc3339Test, ChecksTimeRangesAndAcceptsLeapSecond) {
  EXPECT_NE(ErrorOf("2026-11-23T24:00:00Z").find("hour 24"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T23:60:00Z").find("minute 60"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T23:59:61Z").find("second 61"), std::string::npos);
  EXPECT_EQ(At("2016-12-31T23:59:60Z"), At("2017-01-01T00:00:00Z"));
}

TEST(Rfc3339Test, ExplainsCommonMistakes) {
  EXPECT_NE(ErrorOf("").find("empty"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23").find("no time"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23 09:00:00+09:00").find("letter T"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T09:00+09:00").find("no seconds"), std::string::npos);
  EXPECT_NE(ErrorOf("2026/11/23T09:00:00+09:00").find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(ErrorOf("26-11-23T09:00:00+09:00").find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T09:00:00+09:00 ").find("extra characters"), std::string::npos);
  EXPECT_NE(ErrorOf("令和8年11月23日").find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(ErrorOf("2026-11-23T9:00:00+09:00").find("hh:mm:ss"), std::string::npos);
}

TEST(Rfc3339Test, QuotesLongInputShortened) {
  const std::string junk(500, 'x');
  const std::string msg = ErrorOf(junk);
  EXPECT_LT(msg.size(), 200u);
  EXPECT_NE(msg.find("…"), std::string::npos);
}

TEST(Rfc3339Test, FormatsAtOffsetAndRoundTrips) {
  EXPECT_EQ(FormatRfc3339(1795392000), "2026-11-23T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(1795392000, 9 * 3600), "2026-11-23T09:00:00+09:00");
  EXPECT_EQ(FormatRfc3339(1795392000, -(4 * 3600 + 30 * 60)), "2026-11-22T19:30:00-04:30");
  EXPECT_EQ(FormatRfc3339(-1), "1969-12-31T23:59:59Z");
  for (UnixSeconds t :
       {UnixSeconds{0}, UnixSeconds{951782400}, UnixSeconds{1795392000}, UnixSeconds{4102444799}})
    for (int off : {0, 9 * 3600, -5 * 3600, 5 * 3600 + 45 * 60}) {
      auto r = ParseRfc3339(FormatRfc3339(t, off));
      ASSERT_TRUE(r.ok()) << FormatRfc3339(t, off);
      EXPECT_EQ(r->unix, t);
      EXPECT_EQ(r->offset_s, off);
    }
}

TEST(Rfc3339Test, FormatClampsAnImpossibleOffset) {
  EXPECT_EQ(FormatRfc3339(0, 100 * 3600), "1970-01-01T23:59:00+23:59");
}

}  // namespace
}  // namespace machikado::feed
