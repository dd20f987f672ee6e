// Tests of the quiet-hours part of the configuration (quiet_hours_config.cpp) through ParseConfig,
// and of the clock and UTC-offset parsers.
#include "config/config_loader.h"

#include <gtest/gtest.h>

namespace machikado::config {
namespace {

bool HasProblem(const ConfigOutcome& o, const std::string& ptr, bool fatal) {
  for (const auto& p : o.problems)
    if (p.pointer == ptr && p.fatal == fatal) return true;
  return false;
}

TEST(QuietHoursConfigTest, QuietHoursDefaultToNeverInTokyo) {
  ConfigOutcome o = ParseConfig("{}");
  EXPECT_TRUE(o.config.quiet_hours.ranges.empty());
  EXPECT_EQ(o.config.quiet_hours.mode, QuietMode::kBlank);
  EXPECT_EQ(o.config.utc_offset_s, 9 * 3600);
}

TEST(QuietHoursConfigTest, DpmsIsReadAsBlankWithAWarning) {
  ConfigOutcome o = ParseConfig(R"({"feeds": ["a.json"], "quiet_mode": "dpms"})");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.config.quiet_hours.mode, QuietMode::kBlank);
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_FALSE(o.problems[0].fatal);
  EXPECT_EQ(o.problems[0].pointer, "/quiet_mode");
  EXPECT_NE(o.problems[0].message.find("blanked instead"), std::string::npos);
  EXPECT_FALSE(ParseConfig(R"({"quiet_mode": "off"})").ok());
}

TEST(QuietHoursConfigTest, ReadsQuietHoursRangesDaysOffsetAndMode) {
  ConfigOutcome o = ParseConfig(R"({
    "utc_offset": "-05:30", "quiet_mode": "blank",
    "quiet_hours": [{"days": ["mon", "Fri", "sun"], "from": "21:00", "to": "07:00"},
                    {"from": "12:00", "to": "24:00"}]})");
  ASSERT_TRUE(o.ok()) << o.problems[0].message;
  EXPECT_EQ(o.config.utc_offset_s, -(5 * 3600 + 30 * 60));
  EXPECT_EQ(o.config.quiet_hours.mode, QuietMode::kBlank);
  ASSERT_EQ(o.config.quiet_hours.ranges.size(), 2u);
  EXPECT_EQ(o.config.quiet_hours.ranges[0].days, (1 << 0) | (1 << 4) | (1 << 6));
  EXPECT_EQ(o.config.quiet_hours.ranges[0].from_min, 21 * 60);
  EXPECT_EQ(o.config.quiet_hours.ranges[0].to_min, 7 * 60);
  EXPECT_EQ(o.config.quiet_hours.ranges[1].days, 0x7F);  // no "days" = every day
  EXPECT_EQ(o.config.quiet_hours.ranges[1].to_min, 1440);
}

TEST(QuietHoursConfigTest, QuietHoursErrorsPointAtTheBadField) {
  ConfigOutcome o = ParseConfig(R"({"quiet_hours": [
    {"days": ["mon", "thur"], "from": "21:00", "to": "07:00"},
    {"from": "9:00", "to": "10:00"},
    {"from": "25:00", "to": "24:01"},
    {"from": "08:00", "to": "08:00"},
    {"days": [], "from": "08:00", "to": "09:00"},
    {"to": "09:00"},
    "21:00-07:00",
    {"from": "24:00", "to": "01:00", "dayz": ["mon"]}]})");
  EXPECT_FALSE(o.ok());
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/0/days/1", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/1/from", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/2/from", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/2/to", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/3/to", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/4/days", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/5", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/6", true));
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/7/from", true));  // 24:00 only as an end
  EXPECT_TRUE(HasProblem(o, "/quiet_hours/7/dayz", false));
  // A bad range is never half-applied.
  EXPECT_TRUE(o.config.quiet_hours.ranges.empty());
}

TEST(QuietHoursConfigTest, RejectsBadUtcOffsetAndQuietMode) {
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"utc_offset": "+9"})"), "/utc_offset", true));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"utc_offset": "+15:00"})"), "/utc_offset", true));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"utc_offset": 9})"), "/utc_offset", true));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"quiet_mode": "off"})"), "/quiet_mode", true));
  EXPECT_TRUE(
      HasProblem(ParseConfig(R"({"quiet_hours": {"from": "21:00"}})"), "/quiet_hours", true));
  EXPECT_EQ(ParseConfig(R"({"utc_offset": "Z"})").config.utc_offset_s, 0);
  EXPECT_EQ(ParseConfig(R"({"utc_offset": "+14:00"})").config.utc_offset_s, 14 * 3600);
}

TEST(QuietHoursConfigTest, ClockAndOffsetParsers) {
  EXPECT_EQ(ParseClockMinutes("00:00", false), 0);
  EXPECT_EQ(ParseClockMinutes("23:59", false), 1439);
  EXPECT_EQ(ParseClockMinutes("24:00", true), 1440);
  EXPECT_FALSE(ParseClockMinutes("24:00", false));
  EXPECT_FALSE(ParseClockMinutes("12:60", true));
  EXPECT_FALSE(ParseClockMinutes("1200", true));
  EXPECT_FALSE(ParseClockMinutes(" 12:00", true));
  EXPECT_EQ(ParseUtcOffset("+09:00"), 32400);
  EXPECT_EQ(ParseUtcOffset("-12:00"), -43200);
  EXPECT_FALSE(ParseUtcOffset("-12:30"));
  EXPECT_FALSE(ParseUtcOffset("09:00"));
}

}  // namespace
}  // namespace machikado::config
