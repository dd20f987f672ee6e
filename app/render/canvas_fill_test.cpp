// Filled shapes leave no holes: polygons are drawn as horizontal bands of triangles
// (polygon_bands.h), and a seam between two bands would show as a thin line through a card.
#include <gtest/gtest.h>

#include <vector>

#include "render/canvas.h"
#include "render/render_test_util.h"

namespace machikado::render {
namespace {

class CanvasFill : public ::testing::Test {
 protected:
  void SetUp() override {
    rig_ = testing::RenderRig::Create(kW, kH);
    if (!rig_) GTEST_SKIP() << "no offscreen renderer or fonts";
    canvas_ = std::make_unique<Canvas>(rig_->screen->renderer(), *rig_->fonts, text_, images_,
                                       rig_->log);
    canvas_->Begin(kW, kH, Rgb(0x000000));
  }
  // Pixels of the renderer's target that are still black inside `r`.
  int BlackInside(SDL_Rect r) {
    std::vector<uint32_t> px(size_t(r.w) * r.h);
    SDL_RenderReadPixels(rig_->screen->renderer(), &r, SDL_PIXELFORMAT_ARGB8888, px.data(),
                         r.w * 4);
    int black = 0;
    for (uint32_t p : px) black += (p & 0xFFFFFF) == 0;
    return black;
  }
  static constexpr int kW = 640, kH = 480;
  std::unique_ptr<testing::RenderRig> rig_;
  TextureCache text_, images_;
  std::unique_ptr<Canvas> canvas_;
};

TEST_F(CanvasFill, RoundedRectAtFractionalPositionsHasNoSeams) {
  for (float y : {10.3f, 97.5f, 201.7f}) {
    canvas_->FillRoundedRect("", {20.4f, y, 560.6f, 77.3f}, 12.f, Rgb(0xFFFFFF));
    // Everything between the corners, one pixel in from each edge, is filled.
    EXPECT_EQ(BlackInside({34, int(y) + 2, 530, 73}), 0) << "card at y=" << y;
  }
}

TEST_F(CanvasFill, CircleAndTranslucentFillHaveNoSeams) {
  canvas_->FillCircle("", 320.5f, 300.25f, 90.7f, Rgb(0xFFFFFF));
  EXPECT_EQ(BlackInside({320 - 60, 300 - 60, 120, 120}), 0);
  Color half = Rgb(0xFFFFFF);
  half.a = 128;
  canvas_->FillRoundedRect("", {20.4f, 420.2f, 200.3f, 50.6f}, 8.f, half);
  EXPECT_EQ(BlackInside({30, 422, 180, 47}), 0);
}

}  // namespace
}  // namespace machikado::render
