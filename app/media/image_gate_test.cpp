// The image gate: hostile headers are refused before any decoder runs, with a reason; the formats
// the docs list pass with their true size.
#include "media/image_gate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "media/hostile_images_test_util.h"
#include "platform/build_paths.h"

namespace machikado::media {
namespace {

using testing::BlackBmp;
using testing::GreyJpeg;
using testing::TinyGif;

std::string ReadSourceFile(const std::string& rel) {
  std::ifstream in(std::string(MACHIKADO_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ImageGate, RefusesThePngOfIssue22ThatDecodesTo20000x20000) {
  const std::string png = testing::HostilePng();
  EXPECT_GT(png.size(), 500u * 1024);  // a real, small file: ~1.2 MB
  EXPECT_LT(png.size(), 2u * 1024 * 1024);
  Result<ImageInfo> r = CheckImage(png);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(r.status().message(), "the image is 20000×20000 px; at most 4096×4096 are allowed");
}

TEST(ImageGate, RefusesTheJpegHeaderOfIssue22Claiming65000x65000) {
  const std::string jpeg = testing::HostileJpeg();
  EXPECT_EQ(jpeg.size(), 2048u);
  Result<ImageInfo> r = CheckImage(jpeg);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("65000×65000"), std::string::npos) << r.status().message();
}

TEST(ImageGate, RefusesThe35ByteGifOfIssue22Claiming65000x65000) {
  const std::string gif = testing::HostileGif();
  EXPECT_EQ(gif.size(), 35u);
  Result<ImageInfo> r = CheckImage(gif);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("65000×65000"), std::string::npos);
}

TEST(ImageGate, RefusesAGifFrameLargerThanItsSmallLogicalScreen) {
  // Decoders allocate a frame at the size its descriptor claims, not the screen's.
  Result<ImageInfo> r = CheckImage(TinyGif(10, 10, 65000, 30000));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "a frame of the GIF is 65000×30000 px; at most 4096×4096 are allowed");
}

// Found by fuzz/image_gate_fuzz.cpp: a 96-byte GIF of 4×4 px whose frame's LZW minimum code
// size was 243 made SDL_image's decoder ask for 4.28 GB.
TEST(ImageGate, RefusesAGifFrameWithAnImpossibleLzwCodeSize) {
  std::string gif = TinyGif(4, 4, 1, 1);
  ASSERT_EQ(gif[29], '\x02');  // the code size after the 10-byte descriptor
  for (char size : {'\x00', '\x01', '\x09', '\xF3'}) {
    gif[29] = size;
    Result<ImageInfo> r = CheckImage(gif);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("LZW code size"), std::string::npos)
        << r.status().message();
  }
  gif[29] = '\x08';
  EXPECT_TRUE(CheckImage(gif).ok());
}

TEST(ImageGate, RefusesAGifWithTooManyFrames) {
  std::string gif = TinyGif(4, 4, 1, 1);
  gif.pop_back();  // the trailer
  const std::string frame = gif.substr(19, 15);
  for (int i = 0; i < 600; ++i) gif += frame;
  gif += ';';
  Result<ImageInfo> r = CheckImage(gif);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "the GIF has more than 500 frames");
  ImageLimits more;
  more.max_gif_frames = 1000;
  EXPECT_TRUE(CheckImage(gif, more).ok());
}

TEST(ImageGate, RefusesAJpegWithTooManyScans) {
  std::string jpeg = GreyJpeg(16, 16, 4, false);
  const std::string sos("\xFF\xDA\x00\x0C\x03\x01\x00\x02\x00\x03\x00\x00\x3F\x00", 14);
  for (int i = 0; i < 501; ++i) jpeg += sos + std::string(4, '\0');
  jpeg += "\xFF\xD9";
  Result<ImageInfo> r = CheckImage(jpeg);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "the JPEG has more than 500 scans");
}

TEST(ImageGate, CountsOneScanAcrossStuffedBytesAndRestartMarkers) {
  std::string jpeg = GreyJpeg(16, 16, 0, false);
  jpeg += std::string("\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xFF\xD1\x00", 11);
  jpeg += "\xFF\xD9";
  Result<ImageHeader> h = ReadImageHeader(jpeg);
  ASSERT_TRUE(h.ok()) << h.status().message();
  EXPECT_EQ(h->scans, 1u);
  EXPECT_TRUE(CheckImage(jpeg).ok());
}

TEST(ImageGate, RefusesOverTheByteCapBeforeReadingTheHeader) {
  std::string png = testing::BlackPng(8, 8);
  ImageLimits small;
  small.max_bytes = png.size() - 1;
  Result<ImageInfo> r = CheckImage(png, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("bytes; at most"), std::string::npos);
}

TEST(ImageGate, RefusesPixelCountOverTheCapEvenWithinWidthAndHeight) {
  ImageLimits limits;
  limits.max_pixels = 1000;
  Result<ImageInfo> r = CheckImage(BlackBmp(40, 30), limits);  // 1200 pixels
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("1200 pixels"), std::string::npos);
}

TEST(ImageGate, RefusesFormatsTheDocsDoNotList) {
  for (const std::string& bytes :
       {std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), std::string("<svg width=\"65000\"/>"),
        std::string("\0\0\x02\0\0\0\0\0\0\0\0\0\x10\0\x10\0\x20\0", 18),  // TGA
        std::string("II*\0\x08\0\0\0", 8),                                // TIFF
        std::string("P6 65000 65000 255\n"), std::string()}) {
    Result<ImageInfo> r = CheckImage(bytes);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(ImageGate, RefusesBrokenHeaders) {
  std::string png = testing::BlackPng(8, 8);
  EXPECT_FALSE(CheckImage(png.substr(0, 20)).ok());  // IHDR cut short
  std::string no_ihdr = png;
  no_ihdr[12] = 'X';
  EXPECT_FALSE(CheckImage(no_ihdr).ok());
  std::string zero = testing::BlackPng(0, 8);
  EXPECT_FALSE(CheckImage(zero).ok());
  // JPEG: data ending before any frame header; a frame but no scan; a zero height (DNL).
  std::string jpeg = GreyJpeg(16, 16, 8, true);
  EXPECT_FALSE(CheckImage(jpeg.substr(0, 30)).ok());
  EXPECT_EQ(CheckImage(jpeg.substr(0, jpeg.find("\xFF\xC4"))).status().message(),
            "the JPEG has no image data (no scan)");
  EXPECT_FALSE(CheckImage(GreyJpeg(16, 0, 8, true)).ok());
  // GIF: no frame; an unknown block.
  std::string gif = TinyGif(4, 4, 1, 1);
  EXPECT_EQ(CheckImage(gif.substr(0, 19)).status().message(), "the GIF has no frame");
  gif[19] = 'X';
  EXPECT_FALSE(CheckImage(gif).ok());
  // BMP: INT32_MIN height, zero width, unknown header size.
  std::string bmp = BlackBmp(2, 2);
  std::string bad = bmp;
  bad[22] = 0, bad[23] = 0, bad[24] = 0, bad[25] = char(0x80);
  EXPECT_FALSE(CheckImage(bad).ok());
  bad = bmp;
  bad[18] = 0;
  EXPECT_FALSE(CheckImage(bad).ok());
  bad = bmp;
  bad[14] = 99;
  EXPECT_FALSE(CheckImage(bad).ok());
}

TEST(ImageGate, AcceptsEachListedFormatWithItsSize) {
  Result<ImageInfo> png = CheckImage(ReadSourceFile("feeds/demo/images/cleanup.png"));
  ASSERT_TRUE(png.ok()) << png.status().message();
  EXPECT_EQ(png->format, ImageFormat::kPng);
  EXPECT_EQ(png->width, 800);
  EXPECT_EQ(png->height, 600);

  Result<ImageInfo> jpeg = CheckImage(GreyJpeg(640, 480, 64, true));
  ASSERT_TRUE(jpeg.ok()) << jpeg.status().message();
  EXPECT_EQ(jpeg->format, ImageFormat::kJpeg);
  EXPECT_EQ(jpeg->width, 640);
  EXPECT_EQ(jpeg->height, 480);

  Result<ImageInfo> gif = CheckImage(TinyGif(4096, 4096, 1, 1));
  ASSERT_TRUE(gif.ok()) << gif.status().message();
  EXPECT_EQ(gif->format, ImageFormat::kGif);
  EXPECT_EQ(gif->width, 4096);

  Result<ImageInfo> bmp = CheckImage(BlackBmp(30, 20, true));
  ASSERT_TRUE(bmp.ok()) << bmp.status().message();
  EXPECT_EQ(bmp->format, ImageFormat::kBmp);
  EXPECT_EQ(bmp->width, 30);
  EXPECT_EQ(bmp->height, 20);
}

}  // namespace
}  // namespace machikado::media
