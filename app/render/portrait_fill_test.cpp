// Portrait slides without empty halves (issue 21): on a 1080×1920 screen every slide of the demo
// feeds and the golden feed, in Japanese and English, uses the height of its content area — the
// tallest band of the area with nothing drawn in it (no text line, picture, QR code, card or
// other box but the background and the panels that hold content) is at most a quarter of the
// area's height. Measured from the LayoutRecord, as layout.json describes it.
#include <algorithm>

#include <gtest/gtest.h>

#include "platform/build_paths.h"
#include "render/render_test_util.h"
#include "schedule/eligibility.h"
#include "schedule/takeover.h"
#include "test_paths.h"

namespace machikado::render {
namespace {

using testing::ContextFor;
using testing::LoadFeed;
using testing::RenderRig;

constexpr UnixSeconds kAt = 1795410300;  // 2026-11-23T14:05:00+09:00
constexpr float kMaxEmptyBand = 0.25f;

bool IsContainer(const std::string& role) {
  return role == "background" || role == "header" || role == "footer" || role == "shelter-panel" ||
         role == "connectivity" || role.rfind("banner", 0) == 0;
}

struct Fill {
  float largest_gap = 0;  // tallest band with nothing drawn, as a fraction of the content height
  float gap_top = 0;      // where it starts (px)
};

// The content area runs from the header (and any banner) down to the footer.
Fill MeasureFill(const LayoutRecord& r) {
  const int h = r.height;
  float top = 0, bottom = float(h);
  for (const auto& b : r.boxes) {
    if ((b.role == "header" || b.role.rfind("banner", 0) == 0) && b.rect.y < h / 3.0f)
      top = std::max(top, b.rect.bottom());
    if (b.role == "footer" && b.rect.y > h / 2.0f) bottom = std::min(bottom, b.rect.y);
  }
  std::vector<bool> ink(size_t(h), false);
  auto mark = [&](const RectF& rc) {
    for (int y = std::max(int(top), int(rc.y)); y < std::min(int(bottom), int(rc.bottom())); ++y)
      ink[size_t(y)] = true;
  };
  for (const auto& t : r.texts) mark(t.rect);
  for (const auto& b : r.boxes)
    if (!IsContainer(b.role)) mark(b.rect);
  Fill f;
  int run = 0;
  for (int y = int(top); y < int(bottom); ++y) {
    run = ink[size_t(y)] ? 0 : run + 1;
    const float frac = float(run) / (bottom - top);
    if (frac > f.largest_gap) {
      f.largest_gap = frac;
      f.gap_top = float(y - run + 1);
    }
  }
  return f;
}

class PortraitFillTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rig_ = RenderRig::Create(256, 256).release(); }
  static void TearDownTestSuite() {
    delete rig_;
    rig_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(rig_, nullptr) << "fonts or SDL unavailable"; }

  // Renders every slide of `path` in portrait and checks its fill; returns how many were checked.
  static size_t Check(const std::string& path, const std::string& lang) {
    const feed::Feed f = LoadFeed(path);
    // Every item the schedule lets a kiosk show at kAt, once, in feed order (as the layout test).
    schedule::ScheduleConfig config;
    const auto at = schedule::WallTime::Trusted(kAt);
    SlideContext ctx = ContextFor(1080, 1920, lang);
    for (const auto& a : schedule::AssessAlerts(f.items, config, at).banners)
      ctx.banner_alerts.push_back(a.item);
    std::vector<const feed::Item*> shown;
    for (const auto& it : f.items)
      if (schedule::IsEligible(it, config, at)) shown.push_back(&it);
    ctx.total = int(shown.size());
    size_t n = 0;
    for (const feed::Item* item : shown) {
      ++ctx.position;
      const bool takeover = schedule::IsTakeoverAlert(*item);
      const std::string mode = takeover ? "takeover" : "rotation";
      SlideTexture tex;
      EXPECT_TRUE(rig_->renderer->Prepare(
          *item, ctx, takeover ? SlideMode::kTakeover : SlideMode::kRotation, tex));
      const Fill fill = MeasureFill(tex.record);
      EXPECT_LE(fill.largest_gap, kMaxEmptyBand)
          << item->id << " (" << mode << ", " << lang << "): " << int(fill.largest_gap * 100)
          << " % of the content area empty from y=" << fill.gap_top;
      ++n;
    }
    return n;
  }

  static RenderRig* rig_;
};
RenderRig* PortraitFillTest::rig_ = nullptr;

TEST_F(PortraitFillTest, NoSlideLeavesAnEmptyBandOverAQuarterOfTheScreen) {
  size_t checked = 0;
  for (const char* lang : {"ja", "en"}) {
    checked += Check(std::string(MACHIKADO_TESTS_DIR) + "/golden/feed.json", lang);
    for (const char* name : {"alerts", "drill", "news", "preparedness", "projects"})
      checked += Check(std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/" + name + ".json", lang);
  }
  EXPECT_GE(checked, 40u);
}

TEST(PortraitFillMeasure, AnEmptyLowerHalfIsMeasuredAsSuch) {
  LayoutRecord r;
  r.width = 1080;
  r.height = 1920;
  r.boxes.push_back({"background", {0, 0, 1080, 1920}, {}});
  r.boxes.push_back({"header", {0, 0, 1080, 120}, {}});
  r.boxes.push_back({"footer", {0, 1800, 1080, 120}, {}});
  r.boxes.push_back({"shelter-panel", {40, 200, 1000, 1500}, {}});  // a container counts as empty
  RecordedText t;
  t.rect = {40, 120, 1000, 720};
  r.texts.push_back(t);
  const Fill f = MeasureFill(r);
  EXPECT_NEAR(f.largest_gap, 960.0f / 1680.0f, 0.01f);
  EXPECT_NEAR(f.gap_top, 840.0f, 1.0f);
}

}  // namespace
}  // namespace machikado::render
