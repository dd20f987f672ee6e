#include "ui/exit_chord.h"

#include <gtest/gtest.h>

#include "ui/chrome_labels.h"
#include "ui/touch_metrics.h"

namespace machikado::ui {
namespace {

TEST(ExitChordTest, ParsesTheDefaultChord) {
  auto c = ParseExitChord("ctrl+alt+shift+q");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_TRUE(c->ctrl && c->alt && c->shift && !c->gui);
  EXPECT_EQ(c->key, SDLK_q);
  EXPECT_EQ(c->ToString(), "ctrl+alt+shift+q");
}

TEST(ExitChordTest, IsCaseAndSpaceInsensitiveAndKnowsAliases) {
  auto c = ParseExitChord(" Control + Super + F12 ");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_TRUE(c->ctrl && c->gui && !c->alt);
  EXPECT_EQ(c->key, SDLK_F12);
}

TEST(ExitChordTest, RejectsWhatVisitorsCouldPressByAccident) {
  EXPECT_FALSE(ParseExitChord("").ok());
  EXPECT_FALSE(ParseExitChord("escape").ok());
  EXPECT_FALSE(ParseExitChord("alt+f4").ok());
  EXPECT_FALSE(ParseExitChord("ctrl+q").ok());
  EXPECT_FALSE(ParseExitChord("ctrl+alt").ok());
  EXPECT_FALSE(ParseExitChord("ctrl+alt+q+w").ok());
  EXPECT_FALSE(ParseExitChord("ctrl+ctrl+q").ok());
  EXPECT_FALSE(ParseExitChord("ctrl+alt+nosuchkey").ok());
  EXPECT_FALSE(ParseExitChord("ctrl++alt+q").ok());
}

TEST(ExitChordTest, MatchesOnlyWithExactlyItsModifiers) {
  const ExitChord c = ParseExitChord("ctrl+alt+shift+q").value();
  EXPECT_TRUE(c.Matches(SDLK_q, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT));
  EXPECT_TRUE(c.Matches(SDLK_q, KMOD_RCTRL | KMOD_RALT | KMOD_RSHIFT | KMOD_NUM));
  EXPECT_FALSE(c.Matches(SDLK_q, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT | KMOD_LGUI));
  EXPECT_FALSE(c.Matches(SDLK_q, KMOD_LCTRL | KMOD_LALT));
  EXPECT_FALSE(c.Matches(SDLK_w, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT));
  EXPECT_FALSE(c.Matches(SDLK_F4, KMOD_LALT));
}

TEST(TouchMetricsTest, MinimumTargetIsNineMillimetresAndNeverUnder48PxAt1080p) {
  EXPECT_EQ(MinTargetPx(96, 1920, 1080), 48);   // 9 mm = 34 px < 48
  EXPECT_EQ(MinTargetPx(96, 1280, 720), 34);    // 9 mm; the 48-at-1080 floor scales to 32
  EXPECT_EQ(MinTargetPx(200, 1920, 1080), 71);  // 9 mm at 200 dpi
  EXPECT_EQ(MinTargetPx(96, 3840, 2160), 96);
}

TEST(TouchMetricsTest, DpiPrefersConfigThenPlausibleReportThen96) {
  EXPECT_EQ(ResolveDpi(120, 300), 120);
  EXPECT_EQ(ResolveDpi(0, 141), 141);
  EXPECT_EQ(ResolveDpi(0, 0), kFallbackDpi);
  EXPECT_EQ(ResolveDpi(0, 5000), kFallbackDpi);
}

TEST(TouchMetricsTest, QrIsAtLeastThreeCentimetresAndSixPixelsPerModule) {
  for (double dpi : {50.0, 96.0, 160.0, 300.0}) {
    for (int modules : {21, 33, 57}) {
      const int m = QrModulePx(modules, dpi, 0);
      EXPECT_GE(m, kQrMinModulePx);
      const double mm = (modules + 2 * kQrQuietModules) * m * 25.4 / dpi;
      EXPECT_GE(mm, kQrMinMm) << dpi << " dpi, " << modules << " modules";
    }
  }
  EXPECT_EQ(QrModulePx(33, 96, 410), 10);  // room for more: 41 modules × 10 px
}

TEST(ChromeLabelsTest, LanguagesAreNamedInTheirOwnScript) {
  EXPECT_EQ(LanguageName("ja"), "日本語");
  EXPECT_EQ(LanguageName("en"), "English");
  EXPECT_EQ(LanguageName("zh-Hans"), "简体中文");
  EXPECT_EQ(LanguageName("ko"), "한국어");
  EXPECT_EQ(LanguageName("vi"), "Tiếng Việt");
  EXPECT_EQ(LanguageName("ja-x-easy"), "やさしい にほんご");
  EXPECT_EQ(LanguageName("en-GB"), "English");
  EXPECT_EQ(LanguageName("xx"), "xx");
}

TEST(ChromeLabelsTest, NextLanguageWrapsAndFallsBackLikeTheFeed) {
  const std::vector<std::string> l{"ja", "en", "ko"};
  EXPECT_EQ(NextLanguage(l, "ja"), "en");
  EXPECT_EQ(NextLanguage(l, "ko"), "ja");
  EXPECT_EQ(NextLanguage(l, "vi"), "en");  // vi not provided: ja is shown, so en comes next
  EXPECT_EQ(NextLanguage({"en", "ko"}, "vi"), "ko");
  EXPECT_EQ(EffectiveLanguage({"en", "ko"}, "vi"), "en");
}

}  // namespace
}  // namespace machikado::ui
