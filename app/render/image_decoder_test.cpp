// DecodeImage: only what the gate accepts reaches a decoder, and only that format's decoder.
#include "render/image_decoder.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/temp_dir.h"
#include "media/hostile_images_test_util.h"

namespace machikado::render {
namespace {

namespace hostile = media::testing;

TEST(DecodeImage, DecodesEachListedFormatAtItsSize) {
  struct Case {
    std::string bytes;
    int w, h;
  };
  for (const Case& c :
       {Case{hostile::BlackPng(40, 30), 40, 30}, Case{hostile::GreyJpeg(48, 32, 64, true), 48, 32},
        Case{hostile::TinyGif(1, 1, 1, 1), 1, 1}, Case{hostile::BlackBmp(20, 10, true), 20, 10}}) {
    Result<SurfacePtr> s = DecodeImage(c.bytes);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ((*s)->w, c.w);
    EXPECT_EQ((*s)->h, c.h);
  }
}

TEST(DecodeImage, RefusesTheThreeHostileImagesOfIssue22WithTheGatesReason) {
  for (const std::string& bytes :
       {hostile::HostilePng(), hostile::HostileJpeg(), hostile::HostileGif()}) {
    Result<SurfacePtr> s = DecodeImage(bytes);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), StatusCode::kLimitExceeded);
    EXPECT_NE(s.status().message().find("at most 4096×4096 are allowed"), std::string::npos)
        << s.status().message();
  }
}

TEST(DecodeImage, ABrokenBodyBehindAGoodHeaderIsAnErrorNotACrash) {
  std::string png = hostile::BlackPng(64, 64);
  png.resize(png.size() / 2);  // IDAT cut in half, no IEND
  Result<SurfacePtr> s = DecodeImage(png);
  // libpng may give a partial picture or fail; either way nothing larger than the header.
  if (s.ok()) {
    EXPECT_LE((*s)->w, 64);
    EXPECT_LE((*s)->h, 64);
  } else {
    EXPECT_FALSE(s.status().message().empty());
  }
}

TEST(DecodeImage, SvgFromAFeedIsRefused) {
  Result<SurfacePtr> s =
      DecodeImage("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
}

TEST(ReadImageFile, RefusesAFileOverTheByteCap) {
  ScopedTempDir dir;
  std::ofstream(dir.file("big.bin"), std::ios::binary) << std::string(2000, 'x');
  media::ImageLimits limits;
  limits.max_bytes = 1000;
  Result<std::string> r = ReadImageFile(dir.file("big.bin"), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(ReadImageFile(dir.file("missing.png")).status().code(), StatusCode::kNotFound);
  limits.max_bytes = 2000;
  EXPECT_TRUE(ReadImageFile(dir.file("big.bin"), limits).ok());
}

}  // namespace
}  // namespace machikado::render
