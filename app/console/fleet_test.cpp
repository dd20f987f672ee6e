#include "console/fleet.h"

#include <gtest/gtest.h>

namespace machikado::console {
namespace {

TEST(Fleet, FlagsSilentOfflineAndStale) {
  ConsoleConfig config;
  KioskRecord fresh{"lobby-1", 1000, "10.0.0.5",
                    R"({"mode":"rotation","slide":{"id":"n1"},"version":"0.1.0",
                        "renderer":{"path":"software"},
                        "feeds":[{"url":"https://f/news.json","state":"ok","age_s":30,"items":3}]})"};
  KioskRecord dark{"lobby-2", 1000 - 600, "10.0.0.6",
                   R"({"feeds":[{"url":"https://f/news.json","state":"offline","age_s":7200}]})"};
  KioskRecord never{"lobby-3", std::nullopt, "", ""};
  KioskView a = ViewOf(fresh, config, 1060);
  EXPECT_FALSE(a.silent || a.offline_feeds || a.stale);
  EXPECT_EQ(a.slide, "n1");
  EXPECT_EQ(a.renderer, "software");
  KioskView b = ViewOf(dark, config, 1060);
  EXPECT_TRUE(b.silent && b.offline_feeds && b.stale);
  KioskView c = ViewOf(never, config, 1060);
  EXPECT_TRUE(c.silent);
  nlohmann::json j = FleetJson({a, b, c});
  EXPECT_EQ(j["kiosks"][1]["flags"].size(), 3u);
  std::string metrics = FleetMetrics({a, b}, {});
  EXPECT_NE(metrics.find("machikado_console_kiosk_silent{kiosk=\"lobby-2\"} 1"), std::string::npos);
  EXPECT_NE(metrics.find("machikado_console_kiosk_silent{kiosk=\"lobby-1\"} 0"), std::string::npos);
}

TEST(Fleet, HostileReportsDoNotBreakTheView) {
  ConsoleConfig config;
  for (const char* status :
       {"", "[]", "{\"feeds\": 3}", "{\"slide\": \"x\", \"feeds\": [1, null]}"}) {
    KioskView v = ViewOf({"k", 1000, "", status}, config, 1000);
    EXPECT_EQ(v.slide, "");
  }
  KioskView quote = ViewOf({"a\"b\nc", 1000, "", "{}"}, config, 1000);
  EXPECT_NE(FleetMetrics({quote}, {}).find("kiosk=\"a\\\"b\\nc\""), std::string::npos);
}

}  // namespace
}  // namespace machikado::console
