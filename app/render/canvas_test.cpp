// Canvas behaviour that needs no golden picture: what it remembers between pictures.
#include "render/canvas.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/temp_dir.h"
#include "media/hostile_images_test_util.h"
#include "platform/build_paths.h"
#include "render/offscreen.h"

namespace machikado::render {
namespace {

class CanvasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto screen = Offscreen::Create(64, 64);
    ASSERT_TRUE(screen.ok()) << screen.status().message();
    screen_ = std::move(screen).value();
    auto fonts = FontSet::Open({}, log_);
    ASSERT_TRUE(fonts.ok()) << fonts.status().message();
    fonts_ = std::move(fonts).value();
    canvas_ =
        std::make_unique<Canvas>(screen_->renderer(), *fonts_, text_cache_, image_cache_, log_);
    canvas_->Begin(64, 64, Color{255, 255, 255, 255});
  }

  size_t Warnings() const {
    size_t n = 0;
    for (const auto& l : log_.lines())
      if (l.text.find("cannot load image") != std::string::npos) ++n;
    return n;
  }

  MemoryLog log_;
  std::unique_ptr<Offscreen> screen_;
  std::unique_ptr<FontSet> fonts_;
  TextureCache text_cache_, image_cache_;
  std::unique_ptr<Canvas> canvas_;
};

TEST_F(CanvasTest, AFailedImageIsNotTriedAgainOnEveryFrame) {
  const RectF box{0, 0, 32, 32};
  EXPECT_EQ(canvas_->Image("/nonexistent/machikado/a.png", box, "").w, 0);
  EXPECT_EQ(canvas_->Image("/nonexistent/machikado/a.png", box, "").w, 0);
  EXPECT_EQ(Warnings(), 1u);
}

// Found by the soak run (docs/soak.md): every image path that ever failed was remembered for the
// kiosk's lifetime, and feeds name new image URLs all the time.
TEST_F(CanvasTest, TheMemoryOfFailedImagesIsBounded) {
  const RectF box{0, 0, 32, 32};
  for (size_t i = 0; i < 3 * Canvas::kMaxFailedImages; ++i)
    canvas_->Image("/nonexistent/machikado/" + std::to_string(i) + ".png", box, "");
  EXPECT_LE(canvas_->failed_image_count(), Canvas::kMaxFailedImages);
  EXPECT_GT(canvas_->failed_image_count(), 0u);
}

}  // namespace
}  // namespace machikado::render

namespace machikado::render {
namespace {

TEST_F(CanvasTest, AHostileImageFileIsRefusedWithItsReasonAndNothingIsDrawn) {
  ScopedTempDir dir;
  const std::string path = dir.file("tiny.gif");
  std::ofstream(path, std::ios::binary) << media::testing::HostileGif();
  EXPECT_EQ(canvas_->Image(path, {0, 0, 32, 32}, "news").w, 0);
  ASSERT_EQ(canvas_->failed_images().count(path), 1u);
  EXPECT_NE(canvas_->failed_images().at(path).find("65000×65000"), std::string::npos);
  EXPECT_EQ(image_cache_.stats().entries, 0u);
  for (const auto& b : canvas_->record().boxes) EXPECT_NE(b.role, "news:image");
}

TEST_F(CanvasTest, SvgIsNotAContentFormatButIsAnAssetFormat) {
  const std::string svg = std::string(MACHIKADO_SOURCE_DIR) + "/assets/pictograms/hazard-flood.svg";
  EXPECT_GT(canvas_->Asset(svg, {0, 0, 32, 32}, "").w, 0);
  EXPECT_EQ(canvas_->Image(svg, {0, 0, 32, 32}, "").w, 0);
}

TEST_F(CanvasTest, AnImageLargerThanThePictureIsKeptAtThePicturesSize) {
  // 2000×1000 decoded would be an 8 MB texture; on a 64×64 canvas it is kept at 64×32.
  const std::string png = media::testing::BlackPng(2000, 1000);
  canvas_->SetImageBytes([&](const std::string& url) { return url == "mem:big" ? &png : nullptr; });
  RectF drawn = canvas_->Image("mem:big", {0, 0, 64, 64}, "news");
  EXPECT_FLOAT_EQ(drawn.w, 64);
  EXPECT_FLOAT_EQ(drawn.h, 32);
  EXPECT_LE(image_cache_.stats().bytes, size_t{64} * 32 * 4);
}

}  // namespace
}  // namespace machikado::render
