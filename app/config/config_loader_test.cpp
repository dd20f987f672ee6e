#include "config/config_loader.h"

#include <gtest/gtest.h>
#include "platform/build_paths.h"

namespace machikado::config {
namespace {

bool HasProblem(const ConfigOutcome& o, const std::string& ptr, bool fatal) {
  for (const auto& p : o.problems)
    if (p.pointer == ptr && p.fatal == fatal) return true;
  return false;
}

TEST(ConfigLoaderTest, EmptyObjectGivesDocumentedDefaults) {
  ConfigOutcome o = ParseConfig("{}");
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o.config.feeds.empty());
  EXPECT_EQ(o.config.language, "ja");
  EXPECT_EQ(o.config.idle_return_s, 60);
  EXPECT_EQ(o.config.durations.crossfade_ms, 800);
  EXPECT_FALSE(o.config.display.windowed_w.has_value());
}

TEST(ConfigLoaderTest, ReadsFeedsAsStringsOrObjects) {
  ConfigOutcome o = ParseConfig(R"({
    // comments are allowed
    "feeds": ["https://example.org/news.json",
              {"url": "https://example.org/alerts.json", "poll_interval_s": 5}],
    "district": "ikejiri", "display": {"windowed": [1280, 720], "rotation_deg": 90}})");
  ASSERT_TRUE(o.ok()) << o.problems[0].message;
  ASSERT_EQ(o.config.feeds.size(), 2u);
  EXPECT_EQ(o.config.feeds[0].poll_interval_s, 300);
  EXPECT_EQ(o.config.feeds[1].poll_interval_s, 5);
  EXPECT_EQ(o.config.district, "ikejiri");
  EXPECT_EQ(o.config.display.windowed_w, 1280);
  EXPECT_EQ(o.config.display.rotation_deg, 90);
}

TEST(ConfigLoaderTest, ReadsTheTrustedCaFile) {
  EXPECT_EQ(ParseConfig("{}").config.tls_ca_file, "");
  ConfigOutcome o = ParseConfig(R"({"tls_ca_file": "/etc/machikado/city-ca.pem"})");
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o.problems.empty());
  EXPECT_EQ(o.config.tls_ca_file, "/etc/machikado/city-ca.pem");
}

TEST(ConfigLoaderTest, RejectsPlainHttpToRemoteHostWithoutOptIn) {
  EXPECT_TRUE(
      HasProblem(ParseConfig(R"({"feeds": ["http://example.org/f.json"]})"), "/feeds/0/url", true));
  EXPECT_TRUE(ParseConfig(R"({"feeds": ["http://127.0.0.1:8080/f.json"]})").ok());
  EXPECT_TRUE(
      ParseConfig(R"({"feeds": [{"url": "http://example.org/f.json", "allow_http": true}]})").ok());
}

TEST(ConfigLoaderTest, ReportsOutOfRangeValuesWithTheirPlace) {
  ConfigOutcome o = ParseConfig(R"({"durations": {"news_s": 1}, "display": {"rotation_deg": 45}})");
  EXPECT_FALSE(o.ok());
  EXPECT_TRUE(HasProblem(o, "/durations/news_s", true));
  EXPECT_TRUE(HasProblem(o, "/display/rotation_deg", true));
}

TEST(ConfigLoaderTest, UnknownKeyIsAWarningWithASuggestion) {
  ConfigOutcome o = ParseConfig(R"({"feds": []})");
  EXPECT_TRUE(o.ok());
  ASSERT_TRUE(HasProblem(o, "/feds", false));
  EXPECT_NE(o.problems[0].message.find("did you mean \"feeds\""), std::string::npos);
}

TEST(ConfigLoaderTest, NotJsonOrNotObjectIsAClearError) {
  EXPECT_FALSE(ParseConfig("feeds: [a]").ok());
  EXPECT_FALSE(ParseConfig("[1,2]").ok());
  EXPECT_FALSE(ParseConfig("").ok());
  EXPECT_FALSE(ParseConfig(R"({"feeds": "https://x"})").ok());
  EXPECT_FALSE(ParseConfig(R"({"feeds": [{"poll_interval_s": 10}]})").ok());
  EXPECT_FALSE(ParseConfig(R"({"feeds": ["ftp://x/y"]})").ok());
}

TEST(ConfigLoaderTest, QuietHoursDefaultToNeverInTokyo) {
  ConfigOutcome o = ParseConfig("{}");
  EXPECT_TRUE(o.config.quiet_hours.ranges.empty());
  EXPECT_EQ(o.config.quiet_hours.mode, QuietMode::kBlank);
  EXPECT_EQ(o.config.utc_offset_s, 9 * 3600);
}

TEST(ConfigLoaderTest, DpmsIsReadAsBlankWithAWarning) {
  ConfigOutcome o = ParseConfig(R"({"feeds": ["a.json"], "quiet_mode": "dpms"})");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.config.quiet_hours.mode, QuietMode::kBlank);
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_FALSE(o.problems[0].fatal);
  EXPECT_EQ(o.problems[0].pointer, "/quiet_mode");
  EXPECT_NE(o.problems[0].message.find("blanked instead"), std::string::npos);
  EXPECT_FALSE(ParseConfig(R"({"quiet_mode": "off"})").ok());
}

TEST(ConfigLoaderTest, ReadsQuietHoursRangesDaysOffsetAndMode) {
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

TEST(ConfigLoaderTest, QuietHoursErrorsPointAtTheBadField) {
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

TEST(ConfigLoaderTest, RejectsBadUtcOffsetAndQuietMode) {
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"utc_offset": "+9"})"), "/utc_offset", true));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"utc_offset": "+15:00"})"), "/utc_offset", true));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"utc_offset": 9})"), "/utc_offset", true));
  EXPECT_TRUE(HasProblem(ParseConfig(R"({"quiet_mode": "off"})"), "/quiet_mode", true));
  EXPECT_TRUE(
      HasProblem(ParseConfig(R"({"quiet_hours": {"from": "21:00"}})"), "/quiet_hours", true));
  EXPECT_EQ(ParseConfig(R"({"utc_offset": "Z"})").config.utc_offset_s, 0);
  EXPECT_EQ(ParseConfig(R"({"utc_offset": "+14:00"})").config.utc_offset_s, 14 * 3600);
}

TEST(ConfigLoaderTest, ClockAndOffsetParsers) {
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

TEST(ConfigLoaderTest, ShippedConfigsAreCleanAndTheExampleHasQuietHours) {
  for (const char* name : {"deploy/config.default.json", "deploy/config.example.json"}) {
    ConfigOutcome o = LoadConfigFile(std::string(MACHIKADO_SOURCE_DIR) + "/" + name);
    EXPECT_TRUE(o.ok()) << name;
    EXPECT_TRUE(o.problems.empty()) << name << ": " << o.problems[0].pointer;
  }
  ConfigOutcome ex =
      LoadConfigFile(std::string(MACHIKADO_SOURCE_DIR) + "/deploy/config.example.json");
  EXPECT_EQ(ex.config.quiet_hours.ranges.size(), 2u);
}

TEST(ConfigLoaderTest, LoopbackDetection) {
  EXPECT_TRUE(IsLoopbackUrl("http://localhost/x"));
  EXPECT_TRUE(IsLoopbackUrl("http://127.0.0.1:8080/x"));
  EXPECT_TRUE(IsLoopbackUrl("http://[::1]:80/x"));
  EXPECT_FALSE(IsLoopbackUrl("http://127.0.0.1.example.org/x"));
  EXPECT_FALSE(IsLoopbackUrl("http://localhost@evil.example/x"));
  EXPECT_FALSE(IsLoopbackUrl("http://example.org/127.0.0.1"));
}

TEST(ConfigLoaderTest, ReportsPublicKeyThatIsNotAMinisignKey) {
  ConfigOutcome o = ParseConfig(R"({"public_keys": [
    "RWRnjTwCobqqEBz3jxdDtvmk9U5uYuP5+wAQhRWEOuP0avunSzUeFH9q",
    "RWRnjTwCobqqEBz3jxdDtvmk9U5uYuP5+wAQhRWEOu"]})");
  EXPECT_FALSE(o.ok());
  EXPECT_FALSE(HasProblem(o, "/public_keys/0", true));
  EXPECT_TRUE(HasProblem(o, "/public_keys/1", true));
  EXPECT_EQ(2u, o.config.public_keys.size());
}

TEST(ConfigLoaderTest, RendererDefaultsToAutoAndTakesGpuOrSoftware) {
  EXPECT_EQ(ParseConfig("{}").config.display.renderer, RendererPreference::kAuto);
  ConfigOutcome gpu = ParseConfig(R"({"display": {"renderer": "gpu"}})");
  ASSERT_TRUE(gpu.ok());
  EXPECT_EQ(gpu.config.display.renderer, RendererPreference::kGpu);
  ConfigOutcome sw = ParseConfig(R"({"display": {"renderer": "software"}})");
  ASSERT_TRUE(sw.ok());
  EXPECT_EQ(sw.config.display.renderer, RendererPreference::kSoftware);
  ConfigOutcome bad = ParseConfig(R"({"display": {"renderer": "opengl"}})");
  EXPECT_FALSE(bad.ok());
  EXPECT_TRUE(HasProblem(bad, "/display/renderer", true));
}

}  // namespace
}  // namespace machikado::config
