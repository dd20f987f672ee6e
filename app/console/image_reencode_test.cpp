// ReencodeImage: pixels in, pixels out — EXIF and anything else beside the pixels is gone, the
// image gate's caps refuse hostile headers before any decode.
#include "console/image_reencode.h"

#include <gtest/gtest.h>

#include "media/hostile_images_test_util.h"
#include "render/image_decoder.h"

namespace machikado::console {
namespace {

// A JPEG with an APP1 "Exif" segment right after SOI, carrying a marker string.
std::string JpegWithExif(const std::string& secret) {
  std::string jpeg = media::testing::GreyJpeg(64, 48, 4096, true);
  std::string payload = std::string("Exif\0\0", 6) + secret;
  std::string app1 = "\xFF\xE1";
  const size_t len = payload.size() + 2;
  app1 += static_cast<char>(len >> 8);
  app1 += static_cast<char>(len & 0xFF);
  app1 += payload;
  jpeg.insert(2, app1);
  return jpeg;
}

TEST(ReencodeImage, JpegLosesItsExifAndKeepsItsPixels) {
  const std::string secret = "GPS 35.6581N 139.7017E by a phone";
  const std::string in = JpegWithExif(secret);
  ASSERT_NE(in.find(secret), std::string::npos);
  Result<ReencodedImage> out = ReencodeImage(in);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->extension, "jpg");
  EXPECT_EQ(out->bytes.find(secret), std::string::npos);
  EXPECT_EQ(out->bytes.find("Exif"), std::string::npos);
  EXPECT_EQ(out->width, 64);
  EXPECT_EQ(out->height, 48);
  Result<render::SurfacePtr> back = render::DecodeImage(out->bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ((*back)->w, 64);
}

TEST(ReencodeImage, PngStaysPngWithoutTrailingData) {
  std::string in = media::testing::BlackPng(40, 30);
  in += "trailing bytes after IEND";
  Result<ReencodedImage> out = ReencodeImage(in);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->extension, "png");
  EXPECT_EQ(out->bytes.substr(1, 3), "PNG");
  EXPECT_EQ(out->bytes.find("trailing"), std::string::npos);
  EXPECT_EQ(out->width, 40);
}

TEST(ReencodeImage, CapsRefuseBeforeDecoding) {
  Result<ReencodedImage> huge = ReencodeImage(media::testing::HostileJpeg());
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.status().code(), StatusCode::kLimitExceeded);
  media::ImageLimits small;
  small.max_bytes = 32;  // below any PNG's signature, header and end
  Result<ReencodedImage> big = ReencodeImage(media::testing::BlackPng(40, 30), small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kLimitExceeded);
  EXPECT_FALSE(ReencodeImage("not an image at all").ok());
}

}  // namespace
}  // namespace machikado::console
