// Layout tests over the LayoutRecord (what layout.json holds) for every template in both
// orientations: nothing outside its box or the screen, no kinsoku violation, body text contrast ≥
// 7:1, alert band colours exact, exercise marking present, test items absent.
#include <algorithm>

#include <gtest/gtest.h>

#include "platform/build_paths.h"
#include "render/render_test_util.h"
#include "render/theme.h"
#include "schedule/eligibility.h"
#include "schedule/takeover.h"
#include "test_paths.h"
#include "text/layout.h"

namespace machikado::render {
namespace {

using testing::HasText;

using testing::ContextFor;
using testing::LoadFeed;
using testing::RenderRig;

constexpr UnixSeconds kAt = 1795410300;  // 2026-11-23T14:05:00+09:00

struct Rendered {
  const feed::Item* item;
  std::string mode;
  LayoutRecord record;
};

class RenderLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rig_ = RenderRig::Create(256, 256).release(); }
  static void TearDownTestSuite() {
    delete rig_;
    rig_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(rig_, nullptr) << "fonts or SDL unavailable"; }

  static LayoutRecord Render(const feed::Item& item, SlideContext ctx, SlideMode mode) {
    SlideTexture tex;
    EXPECT_TRUE(rig_->renderer->Prepare(item, ctx, mode, tex));
    return tex.record;
  }

  static std::vector<Rendered> RenderFeed(const feed::Feed& f, const std::string& lang, int w,
                                          int h, bool include_test = false) {
    // Every item the schedule lets a kiosk show at kAt, once, in feed order: takeover alerts in
    // the takeover view, the rest as rotation slides under the banner of the lower alerts.
    schedule::ScheduleConfig config;
    config.preview = include_test;
    const auto at = schedule::WallTime::Trusted(kAt);
    SlideContext ctx = ContextFor(w, h, lang);
    for (const auto& a : schedule::AssessAlerts(f.items, config, at).banners)
      ctx.banner_alerts.push_back(a.item);
    std::vector<const feed::Item*> shown;
    for (const auto& it : f.items)
      if (schedule::IsEligible(it, config, at)) shown.push_back(&it);
    ctx.total = int(shown.size());
    std::vector<Rendered> out;
    for (const feed::Item* it : shown) {
      ++ctx.position;
      const bool takeover = schedule::IsTakeoverAlert(*it);
      out.push_back({it, takeover ? "takeover" : "rotation",
                     Render(*it, ctx, takeover ? SlideMode::kTakeover : SlideMode::kRotation)});
    }
    return out;
  }

  static RenderRig* rig_;
};
RenderRig* RenderLayoutTest::rig_ = nullptr;

bool IsBodyRole(const std::string& r) {
  static const char* kRoles[] = {"title", "summary", "body",   "label",          "meta",
                                 "value", "header",  "footer", "shelter-status", "action-number"};
  return std::any_of(std::begin(kRoles), std::end(kRoles), [&](const char* k) { return r == k; });
}

// Checks every rule a rendering must keep; `what` names it in failure messages. A rendering with
// no text or no box would pass every rule below without checking anything: that fails too.
void ExpectWellFormed(const LayoutRecord& rec, const std::string& what) {
  EXPECT_FALSE(rec.texts.empty()) << what << ": no text recorded";
  EXPECT_FALSE(rec.boxes.empty()) << what << ": no box recorded";
  const RectF screen{0, 0, float(rec.width), float(rec.height)};
  for (const auto& b : rec.boxes)
    EXPECT_TRUE(screen.Contains(b.rect, 1.0f))
        << what << ": box " << b.role << " leaves the screen";
  for (const auto& t : rec.texts) {
    const std::string line = what + ": " + t.role + " \"" + t.text + "\"";
    EXPECT_TRUE(screen.Contains(t.rect, 1.0f)) << line << " leaves the screen";
    EXPECT_TRUE(t.box.Contains(t.rect, 1.0f))
        << line << " leaves its box (" << t.rect.x << "," << t.rect.y << " " << t.rect.w << "x"
        << t.rect.h << " in " << t.box.x << "," << t.box.y << " " << t.box.w << "x" << t.box.h
        << ")";
    if (t.role != "ruby" && t.role != "exercise-watermark") {
      EXPECT_TRUE(text::SatisfiesKinsoku({t.text})) << line << " breaks a kinsoku rule";
    }
    const double contrast = ContrastRatio(t.fg, t.bg);
    if (IsBodyRole(t.role)) {
      EXPECT_GE(contrast, 7.0) << line << " contrast " << contrast << " (" << ToHex(t.fg) << " on "
                               << ToHex(t.bg) << ")";
    } else if (t.role != "exercise-watermark") {
      EXPECT_GE(contrast, 4.5) << line << " contrast " << contrast;
    }
  }
}

const std::string kFixture = std::string(MACHIKADO_TESTS_DIR) + "/golden/feed.json";

TEST_F(RenderLayoutTest, EveryTemplateKeepsTextInsideItsBoxAndTheScreenInBothOrientations) {
  feed::Feed f = LoadFeed(kFixture);
  ASSERT_FALSE(f.items.empty());
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}})
    for (const std::string lang : {"ja", "en", "ja-x-easy"}) {
      const std::vector<Rendered> slides = RenderFeed(f, lang, w, h);
      const std::string what = lang + " " + std::to_string(w) + "x" + std::to_string(h);
      // Every item of the fixture but its status "test" one is drawn (a loop over nothing checks
      // nothing).
      EXPECT_EQ(slides.size(), f.items.size() - 1) << what;
      for (const Rendered& r : slides) ExpectWellFormed(r.record, r.item->id + " " + what);
    }
}

TEST_F(RenderLayoutTest, DemoFeedsLayOutCleanly) {
  size_t checked = 0;
  for (const char* name : {"news", "preparedness", "alerts", "projects", "drill"}) {
    feed::Feed f = LoadFeed(std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/" + name + ".json");
    const std::vector<Rendered> landscape = RenderFeed(f, "ja", 1920, 1080);
    const std::vector<Rendered> portrait = RenderFeed(f, "en", 1080, 1920);
    EXPECT_FALSE(landscape.empty()) << name << ": no slide drawn";
    EXPECT_EQ(portrait.size(), landscape.size()) << name;
    for (const Rendered& r : landscape) ExpectWellFormed(r.record, r.item->id + " ja landscape");
    for (const Rendered& r : portrait) ExpectWellFormed(r.record, r.item->id + " en portrait");
    checked += landscape.size() + portrait.size();
  }
  EXPECT_GE(checked, 20u) << "the demo feeds drew fewer slides than they hold";
}

TEST_F(RenderLayoutTest, AlertBandColoursAreExactPerLevelWithNumberAndNameInText) {
  feed::Feed f = LoadFeed(kFixture);
  feed::Item alert =
      *std::find_if(f.items.begin(), f.items.end(), [](auto& i) { return i.id == "g-alert-l3"; });
  const char* names[] = {"",         "早期注意情報", "注意報（大雨・洪水注意報等）", "高齢者等避難",
                         "避難指示", "緊急安全確保"};
  const uint32_t colours[] = {0, 0xFFFFFF, 0xF2E700, 0xFF2800, 0xAA00AA, 0x0C000C};
  for (int level = 1; level <= 5; ++level) {
    alert.alert.level = level;
    for (SlideMode mode : {SlideMode::kRotation, SlideMode::kTakeover}) {
      LayoutRecord rec = Render(alert, ContextFor(1920, 1080, "ja"), mode);
      auto band = std::find_if(rec.boxes.begin(), rec.boxes.end(),
                               [](auto& b) { return b.role == "level-band"; });
      ASSERT_NE(band, rec.boxes.end()) << level;
      EXPECT_EQ(band->color, Rgb(colours[level])) << "level " << level;
      const Color ink = level >= 4 ? Rgb(0xFFFFFF) : Rgb(0x000000);
      int level_texts = 0;
      for (const auto& t : rec.texts)
        if (t.role == "level" && band->rect.Contains(t.rect, 1.0f)) {
          EXPECT_EQ(t.fg, ink) << "level " << level << " text " << t.text;
          EXPECT_EQ(t.bg, Rgb(colours[level]));
          ++level_texts;
        }
      EXPECT_GE(level_texts, 3);
      EXPECT_TRUE(HasText(rec, "警戒レベル"));
      EXPECT_TRUE(HasText(rec, std::to_string(level)));
      EXPECT_TRUE(HasText(rec, names[level])) << names[level];
      EXPECT_TRUE(HasText(rec, "洪水"));  // the hazard, named
      EXPECT_EQ(HasText(rec, "警戒レベル4までに必ず避難！"), level >= 4) << "level " << level;
    }
  }
}

TEST_F(RenderLayoutTest, ExerciseIsMarkedOnItsSlideOnTheBannerAndInTakeover) {
  feed::Feed f = LoadFeed(kFixture);
  auto find = [&](const std::string& id) {
    return *std::find_if(f.items.begin(), f.items.end(), [&](auto& i) { return i.id == id; });
  };
  feed::Item exercise = find("g-exercise");
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}})
    for (const std::string lang : {"ja", "en"}) {
      LayoutRecord slide = Render(exercise, ContextFor(w, h, lang), SlideMode::kRotation);
      EXPECT_TRUE(HasText(slide, "訓練")) << lang;
      EXPECT_TRUE(HasText(slide, "EXERCISE")) << lang;
      EXPECT_TRUE(std::any_of(slide.boxes.begin(), slide.boxes.end(),
                              [](auto& b) { return b.role == "exercise-frame"; }));
      feed::Item takeover = exercise;
      takeover.alert.level = 4;
      LayoutRecord t = Render(takeover, ContextFor(w, h, lang), SlideMode::kTakeover);
      EXPECT_TRUE(HasText(t, "訓練")) << lang;
      EXPECT_TRUE(HasText(t, "EXERCISE")) << lang;
      // As the banner over another slide.
      feed::Item news = find("g-news");
      SlideContext ctx = ContextFor(w, h, lang);
      ctx.banner_alerts = {&exercise};
      LayoutRecord banner = Render(news, ctx, SlideMode::kRotation);
      auto chip = std::find_if(banner.texts.begin(), banner.texts.end(),
                               [](auto& t) { return t.role == "exercise"; });
      ASSERT_NE(chip, banner.texts.end()) << lang;
      EXPECT_NE(chip->text.find("訓練"), std::string::npos);
      EXPECT_NE(chip->text.find("EXERCISE"), std::string::npos);
    }
}

TEST_F(RenderLayoutTest, TestItemsAreAbsentUnlessPreviewAsksAndThenMarked) {
  feed::Feed f = LoadFeed(kFixture);
  const std::vector<Rendered> plain = RenderFeed(f, "ja", 1920, 1080);
  ASSERT_FALSE(plain.empty());
  for (const Rendered& r : plain) EXPECT_NE(r.item->id, "g-test");
  bool seen = false;
  for (const Rendered& r : RenderFeed(f, "ja", 1920, 1080, /*include_test=*/true))
    if (r.item->id == "g-test") {
      seen = true;
      EXPECT_TRUE(HasText(r.record, "試験"));
      EXPECT_TRUE(HasText(r.record, "TEST"));
    }
  EXPECT_TRUE(seen);
}

TEST_F(RenderLayoutTest, SheltersListOpenOnesFirstWithStatusInWords) {
  feed::Feed f = LoadFeed(kFixture);
  auto rendered = RenderFeed(f, "ja", 1920, 1080);
  auto l4 = std::find_if(rendered.begin(), rendered.end(),
                         [](auto& r) { return r.item->id == "g-alert-l4"; });
  ASSERT_NE(l4, rendered.end());
  EXPECT_EQ(l4->mode, "takeover");
  std::vector<std::string> statuses;
  for (const auto& t : l4->record.texts)
    if (t.role == "shelter-status") statuses.push_back(t.text);
  EXPECT_EQ(statuses, (std::vector<std::string>{"開設", "開設", "満員", "状況不明"}));
}

TEST_F(RenderLayoutTest, HeaderShowsJapaneseDateTimeWarekiAndHonestOfflineIndicator) {
  feed::Feed f = LoadFeed(kFixture);
  SlideContext ctx = ContextFor(1920, 1080, "ja");
  ctx.show_wareki = true;
  ctx.online = false;
  ctx.offline_as_of = kAt - 3 * 3600 - 23 * 60;  // 10:42
  LayoutRecord rec = Render(f.items.front(), ctx, SlideMode::kRotation);
  EXPECT_TRUE(HasText(rec, "令和8年 11月23日(月) 14:05"));
  EXPECT_TRUE(HasText(rec, "オフライン · 10:42 時点の情報"));
  EXPECT_TRUE(HasText(rec, "池尻まちづくりセンター"));
  SlideContext en = ContextFor(1080, 1920, "en");
  LayoutRecord rec_en = Render(f.items.front(), en, SlideMode::kRotation);
  EXPECT_TRUE(HasText(rec_en, "Mon 23 Nov 14:05"));
  EXPECT_TRUE(HasText(rec_en, "News"));
  EXPECT_FALSE(HasText(rec_en, "オフライン"));
}

TEST_F(RenderLayoutTest, TextureCachesStayBoundedOverManySlides) {
  feed::Feed f = LoadFeed(kFixture);
  for (int round = 0; round < 3; ++round) RenderFeed(f, round % 2 ? "en" : "ja", 960, 540);
  TextureCacheStats s = rig_->renderer->text_cache_stats();
  EXPECT_LE(s.entries, 1024u);
  EXPECT_GT(s.hits, 0u);
  EXPECT_EQ(s.created - s.destroyed, s.entries);
}

}  // namespace
}  // namespace machikado::render
