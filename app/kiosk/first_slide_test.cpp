#include "kiosk/first_slide.h"

#include <gtest/gtest.h>

#include "platform/build_paths.h"
#include "render/render_test_util.h"

namespace machikado::kiosk {
namespace {

using render::testing::ContextFor;
using render::testing::LoadFeed;
using render::testing::RenderRig;

constexpr int kW = 960, kH = 540;

const feed::Item& Drill() {
  static const feed::Feed feed =
      LoadFeed(std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/drill.json");
  return feed.items.front();
}

// The worker's slide is pixel for pixel the slide the render thread would have prepared.
TEST(FirstSlide, DrawsOnItsOwnThreadWhatPrepareDraws) {
  auto rig = RenderRig::Create(kW, kH);
  ASSERT_TRUE(rig);
  const render::SlideContext ctx = ContextFor(kW, kH, "ja");
  std::thread::id worker_thread;
  auto first = FirstSlide::Start(kW, kH, *rig->fonts, rig->log, [&](render::SlideRenderer& r) {
    worker_thread = std::this_thread::get_id();
    FirstSlide::Drawn d;
    d.key.minute = 42;
    d.item_id = Drill().id;
    d.record = r.Draw(Drill(), ctx, render::SlideMode::kRotation);
    return std::optional<FirstSlide::Drawn>(d);
  });
  first->Wait();
  EXPECT_NE(worker_thread, std::this_thread::get_id());
  ASSERT_TRUE(first->drawn());
  EXPECT_EQ(first->drawn()->key.minute, 42);

  render::SlideTexture uploaded;
  ASSERT_TRUE(first->UploadTo(rig->screen->renderer(), uploaded));
  EXPECT_EQ(uploaded.item_id, Drill().id);
  EXPECT_EQ(uploaded.width, kW);
  EXPECT_EQ(uploaded.height, kH);
  EXPECT_FALSE(uploaded.record.texts.empty());
  EXPECT_FALSE(first->UploadTo(rig->screen->renderer(), uploaded)) << "the surface is given once";

  render::SlideTexture prepared;
  ASSERT_TRUE(rig->renderer->Prepare(Drill(), ctx, render::SlideMode::kRotation, prepared));
  EXPECT_EQ(uploaded.record.texts.size(), prepared.record.texts.size());
  const std::vector<uint32_t> a = rig->screen->Pixels(uploaded);
  const std::vector<uint32_t> b = rig->screen->Pixels(prepared);
  ASSERT_EQ(a.size(), b.size());
  size_t differ = 0;
  for (size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
  EXPECT_EQ(differ, 0u) << "of " << a.size() << " pixels";
}

TEST(FirstSlide, NothingDrawnGivesNoTexture) {
  auto rig = RenderRig::Create(kW, kH);
  ASSERT_TRUE(rig);
  auto first = FirstSlide::Start(kW, kH, *rig->fonts, rig->log, [](render::SlideRenderer&) {
    return std::optional<FirstSlide::Drawn>();
  });
  first->Wait();
  EXPECT_FALSE(first->drawn());
  render::SlideTexture into;
  EXPECT_FALSE(first->UploadTo(rig->screen->renderer(), into));
  EXPECT_FALSE(into.valid());
}

TEST(FirstSlide, ItsDestructorWaitsForTheWorker) {
  auto rig = RenderRig::Create(kW, kH);
  ASSERT_TRUE(rig);
  bool finished = false;
  {
    auto first = FirstSlide::Start(kW, kH, *rig->fonts, rig->log, [&](render::SlideRenderer&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      finished = true;
      return std::optional<FirstSlide::Drawn>();
    });
  }
  EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace machikado::kiosk
