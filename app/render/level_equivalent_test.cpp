// A 警戒レベル相当情報 (feed "level_basis": "equivalent", from `machikado import jma`) is drawn as
// 「警戒レベル4相当」 / "Alert Level 4 equivalent" on its slide, in takeover and on the banner, in
// the official colour, and never with the municipality's level names (避難指示, 緊急安全確保).
#include <algorithm>

#include <gtest/gtest.h>

#include "render/labels.h"
#include "render/render_test_util.h"
#include "test_paths.h"

namespace machikado::render {
namespace {

using testing::ContextFor;
using testing::LoadFeed;
using testing::RenderRig;

class LevelEquivalentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rig_ = RenderRig::Create(256, 256).release(); }
  static void TearDownTestSuite() {
    delete rig_;
    rig_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(rig_, nullptr) << "fonts or SDL unavailable"; }
  static LayoutRecord Render(const feed::Item& item, const SlideContext& ctx, SlideMode mode) {
    SlideTexture tex;
    EXPECT_TRUE(rig_->renderer->Prepare(item, ctx, mode, tex));
    return tex.record;
  }
  static RenderRig* rig_;
};
RenderRig* LevelEquivalentTest::rig_ = nullptr;

// The level texts (role "level") drawn inside the level band (or the banner), joined.
std::string BandText(const LayoutRecord& rec, const char* box_role) {
  auto band =
      std::find_if(rec.boxes.begin(), rec.boxes.end(), [&](auto& b) { return b.role == box_role; });
  if (band == rec.boxes.end()) return "";
  std::string out;
  for (const auto& t : rec.texts)
    if (t.role == "level" && band->rect.Contains(t.rect, 1.0f)) out += t.text + "|";
  return out;
}

feed::Item EquivalentAlert(int level) {
  feed::Feed f = LoadFeed(std::string(MACHIKADO_TESTS_DIR) + "/golden/feed.json");
  feed::Item a =
      *std::find_if(f.items.begin(), f.items.end(), [](auto& i) { return i.id == "g-alert-l3"; });
  a.alert.level = level;
  a.alert.level_basis = feed::LevelBasis::kEquivalent;
  return a;
}

TEST(LevelLabelsTest, HeadingSaysEquivalentOnlyForEquivalents) {
  EXPECT_EQ(LevelHeading(4, feed::LevelBasis::kEquivalent, "ja"), "警戒レベル4相当");
  EXPECT_EQ(LevelHeading(4, feed::LevelBasis::kEquivalent, "en"), "Alert Level 4 equivalent");
  EXPECT_EQ(LevelHeading(4, feed::LevelBasis::kIssued, "ja"), "警戒レベル4");
  EXPECT_EQ(LevelNameFor(4, feed::LevelBasis::kIssued, "ja"), "避難指示");
  EXPECT_EQ(LevelNameFor(4, feed::LevelBasis::kEquivalent, "ja"), "警戒レベル相当情報");
}

TEST_F(LevelEquivalentTest, BandSaysSoutouInEveryModeAndLanguage) {
  for (int level = 2; level <= 5; ++level) {
    const feed::Item a = EquivalentAlert(level);
    for (SlideMode mode : {SlideMode::kRotation, SlideMode::kTakeover}) {
      const LayoutRecord ja = Render(a, ContextFor(1920, 1080, "ja"), mode);
      const std::string band = BandText(ja, "level-band");
      EXPECT_NE(band.find("警戒レベル|" + std::to_string(level) + "|相当|"), std::string::npos)
          << band;
      EXPECT_EQ(band.find("避難指示"), std::string::npos) << band;
      EXPECT_EQ(band.find("緊急安全確保"), std::string::npos) << band;
      EXPECT_EQ(band.find("高齢者等避難"), std::string::npos) << band;
      const LayoutRecord en = Render(a, ContextFor(1080, 1920, "en"), mode);
      EXPECT_NE(BandText(en, "level-band").find("equivalent"), std::string::npos)
          << BandText(en, "level-band");
      for (const auto& t : ja.texts) {
        EXPECT_TRUE(t.box.Contains(t.rect, 1.0f)) << t.role << " \"" << t.text << "\" overflows";
      }
    }
  }
}

TEST_F(LevelEquivalentTest, BannerSaysSoutou) {
  const feed::Item a = EquivalentAlert(3);
  feed::Feed f = LoadFeed(std::string(MACHIKADO_TESTS_DIR) + "/golden/feed.json");
  const feed::Item& news = *std::find_if(f.items.begin(), f.items.end(),
                                         [](auto& i) { return i.kind == feed::Kind::kNews; });
  SlideContext ctx = ContextFor(1920, 1080, "ja");
  ctx.banner_alerts = {&a};
  const LayoutRecord rec = Render(news, ctx, SlideMode::kRotation);
  const std::string banner = BandText(rec, "alert-banner");
  EXPECT_NE(banner.find("警戒レベル3相当"), std::string::npos) << banner;
  EXPECT_EQ(banner.find("高齢者等避難"), std::string::npos) << banner;
}

}  // namespace
}  // namespace machikado::render
