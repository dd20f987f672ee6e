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
