// EXIF Orientation: each of the 8 values read from constructed EXIF bytes (both byte orders), and
// each applied to a JPEG whose quadrants are red, green, blue and white — the corners after
// ReencodeImage are checked against the EXIF 2.3 table, written out below by hand.
#include "console/image_orient.h"

#include <SDL2/SDL_image.h>
#include <gtest/gtest.h>

#include <vector>

#include "console/image_reencode.h"

namespace machikado::console {
namespace {

struct Rgb {
  int r, g, b;
};
constexpr Rgb kRed{255, 0, 0}, kGreen{0, 255, 0}, kBlue{0, 0, 255}, kWhite{255, 255, 255};

// A 64×32 JPEG as a sensor stores it: top-left red, top-right green, bottom-left blue,
// bottom-right white.
std::string QuadrantJpeg() {
  render::SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, 64, 32, 24, SDL_PIXELFORMAT_RGB24));
  for (int y = 0; y < 32; ++y)
    for (int x = 0; x < 64; ++x) {
      const Rgb c = y < 16 ? (x < 32 ? kRed : kGreen) : (x < 32 ? kBlue : kWhite);
      auto* p = static_cast<uint8_t*>(s->pixels) + y * s->pitch + x * 3;
      p[0] = c.r, p[1] = c.g, p[2] = c.b;
    }
  std::vector<char> buf(1 << 20);
  SDL_RWops* rw = SDL_RWFromMem(buf.data(), static_cast<int>(buf.size()));
  EXPECT_EQ(IMG_SaveJPG_RW(s.get(), rw, 0, 95), 0) << IMG_GetError();
  const auto n = static_cast<size_t>(SDL_RWtell(rw));
  SDL_RWclose(rw);
  return std::string(buf.data(), n);
}

// An APP1 "Exif" segment whose IFD0 holds only Orientation = `value`, inserted after SOI.
std::string WithOrientation(std::string jpeg, int value, bool big_endian) {
  auto u16 = [&](int v) {
    return big_endian ? std::string{char(v >> 8), char(v & 0xFF)}
                      : std::string{char(v & 0xFF), char(v >> 8)};
  };
  auto u32 = [&](uint32_t v) {
    return big_endian ? u16(int(v >> 16)) + u16(int(v & 0xFFFF))
                      : u16(int(v & 0xFFFF)) + u16(int(v >> 16));
  };
  std::string tiff = big_endian ? "MM" : "II";
  tiff += u16(42) + u32(8);                                     // header; IFD0 at offset 8
  tiff += u16(1);                                               // one entry
  tiff += u16(0x0112) + u16(3) + u32(1) + u16(value) + u16(0);  // Orientation, SHORT, 1
  tiff += u32(0);                                               // no next IFD
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  std::string app1 = "\xFF\xE1";
  app1 += char((payload.size() + 2) >> 8);  // segment lengths are big-endian in any case
  app1 += char((payload.size() + 2) & 0xFF);
  jpeg.insert(2, app1 + payload);
  return jpeg;
}

Rgb At(SDL_Surface* s, int x, int y) {
  render::SurfacePtr rgb(SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0));
  const auto* p = static_cast<const uint8_t*>(rgb->pixels) + y * rgb->pitch + x * 3;
  return {p[0], p[1], p[2]};
}

void ExpectColor(Rgb got, Rgb want, const std::string& where) {
  EXPECT_NEAR(got.r, want.r, 48) << where;
  EXPECT_NEAR(got.g, want.g, 48) << where;
  EXPECT_NEAR(got.b, want.b, 48) << where;
}

TEST(ExifOrientation, ReadsEachValueInBothByteOrders) {
  const std::string jpeg = QuadrantJpeg();
  EXPECT_EQ(ReadExifOrientation(jpeg), 1);  // no EXIF at all
  for (int v = 1; v <= 8; ++v) {
    EXPECT_EQ(ReadExifOrientation(WithOrientation(jpeg, v, false)), v) << "II " << v;
    EXPECT_EQ(ReadExifOrientation(WithOrientation(jpeg, v, true)), v) << "MM " << v;
  }
  EXPECT_EQ(ReadExifOrientation(WithOrientation(jpeg, 9, false)), 1);  // out of range
  EXPECT_EQ(ReadExifOrientation(WithOrientation(jpeg, 0, true)), 1);
  EXPECT_EQ(ReadExifOrientation("\xFF\xD8\xFF\xE1\x00\x08Exif\0\0"), 1);  // truncated
  EXPECT_EQ(ReadExifOrientation(""), 1);
}

TEST(ExifOrientation, UploadIsTurnedForViewingInAllEightOrientations) {
  // What a viewer shows in the corners (top-left, top-right, bottom-left, bottom-right) for each
  // orientation of the stored image above (EXIF 2.3, Orientation: where row 0 and column 0 go).
  struct Case {
    int orientation;
    int w, h;
    Rgb tl, tr, bl, br;
  };
  const Case cases[] = {
      {1, 64, 32, kRed, kGreen, kBlue, kWhite}, {2, 64, 32, kGreen, kRed, kWhite, kBlue},
      {3, 64, 32, kWhite, kBlue, kGreen, kRed}, {4, 64, 32, kBlue, kWhite, kRed, kGreen},
      {5, 32, 64, kRed, kBlue, kGreen, kWhite}, {6, 32, 64, kBlue, kRed, kWhite, kGreen},
      {7, 32, 64, kWhite, kGreen, kBlue, kRed}, {8, 32, 64, kGreen, kWhite, kRed, kBlue},
  };
  const std::string jpeg = QuadrantJpeg();
  for (const Case& c : cases) {
    const std::string name = "orientation " + std::to_string(c.orientation);
    Result<ReencodedImage> out =
        ReencodeImage(WithOrientation(jpeg, c.orientation, c.orientation % 2));
    ASSERT_TRUE(out.ok()) << name << ": " << out.status().message();
    EXPECT_EQ(out->width, c.w) << name;
    EXPECT_EQ(out->height, c.h) << name;
    EXPECT_EQ(out->bytes.find("Exif"), std::string::npos) << name;
    Result<render::SurfacePtr> back = render::DecodeImage(out->bytes);
    ASSERT_TRUE(back.ok()) << name;
    ASSERT_EQ((*back)->w, c.w) << name;
    // The middle of each quadrant (JPEG blurs the edges between them).
    const int qx = c.w / 4, qy = c.h / 4;
    ExpectColor(At(back->get(), qx, qy), c.tl, name + " top-left");
    ExpectColor(At(back->get(), c.w - 1 - qx, qy), c.tr, name + " top-right");
    ExpectColor(At(back->get(), qx, c.h - 1 - qy), c.bl, name + " bottom-left");
    ExpectColor(At(back->get(), c.w - 1 - qx, c.h - 1 - qy), c.br, name + " bottom-right");
  }
}

TEST(ExifOrientation, CapsAreCheckedOnTheTurnedSize) {
  render::SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, 60, 20, 24, SDL_PIXELFORMAT_RGB24));
  media::ImageLimits wide;
  wide.max_width = 64;
  wide.max_height = 32;  // 60×20 fits; turned, 20×60 does not
  EXPECT_TRUE(ApplyOrientation(s.get(), 3, wide).ok());
  Result<render::SurfacePtr> turned = ApplyOrientation(s.get(), 6, wide);
  ASSERT_FALSE(turned.ok());
  EXPECT_EQ(turned.status().code(), StatusCode::kLimitExceeded);
}

}  // namespace
}  // namespace machikado::console
