// Test helpers: the three hostile images of issue 22, made in memory — a PNG of ~1.2 MB whose
// IDAT really decodes to 20000×20000 RGB (zlib over zero rows), a 2 KB baseline JPEG whose frame
// header claims 65000×65000 (valid tables, then entropy data that ends early), and a 35-byte GIF
// whose logical screen and only frame claim 65000×65000 — plus small valid images of each format.
// Header-only, for tests.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace machikado::media::testing {

inline void PutBe32(std::string& s, uint32_t v) {
  for (int i = 3; i >= 0; --i) s.push_back(char((v >> (8 * i)) & 0xFF));
}

inline void PngChunk(std::string& png, const char* type, const std::string& data) {
  PutBe32(png, uint32_t(data.size()));
  std::string body = std::string(type, 4) + data;
  png += body;
  PutBe32(png, uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

// An 8-bit RGB PNG of w×h black pixels, IDAT deflated at level 9 row by row (never more than one
// row in memory). 20000×20000 gives ~1.2 MB that decodes to 1.2 GB.
inline std::string BlackPng(uint32_t w, uint32_t h) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  PutBe32(ihdr, w);
  PutBe32(ihdr, h);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // depth 8, RGB, deflate, filter 0, no interlace
  PngChunk(png, "IHDR", ihdr);
  z_stream z{};
  deflateInit(&z, 9);
  std::vector<unsigned char> row(1 + size_t{w} * 3, 0);  // filter byte 0, then zeros
  std::string idat;
  unsigned char out[1 << 16];
  for (uint32_t y = 0; y <= h; ++y) {
    const bool last = y == h;
    z.next_in = last ? nullptr : row.data();
    z.avail_in = last ? 0 : uInt(row.size());
    do {
      z.next_out = out;
      z.avail_out = sizeof out;
      deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      idat.append(reinterpret_cast<char*>(out), sizeof out - z.avail_out);
    } while (z.avail_out == 0);
  }
  deflateEnd(&z);
  PngChunk(png, "IDAT", idat);
  PngChunk(png, "IEND", "");
  return png;
}

// Made once per test binary (deflating 1.2 GB of zeros takes a few seconds).
inline const std::string& HostilePng() {
  static const std::string png = BlackPng(20000, 20000);
  return png;
}

// A baseline JPEG of w×h (3 components), with one-code Huffman tables and `entropy_bytes` of
// zero entropy data (every block decodes as flat grey) and no EOI when `complete` is false.
inline std::string GreyJpeg(uint16_t w, uint16_t h, size_t entropy_bytes, bool complete) {
  std::string j("\xFF\xD8", 2);
  auto segment = [&](uint8_t marker, const std::string& data) {
    j.push_back(char(0xFF));
    j.push_back(char(marker));
    const size_t len = data.size() + 2;
    j.push_back(char(len >> 8));
    j.push_back(char(len & 0xFF));
    j += data;
  };
  segment(0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
  segment(0xDB, std::string(1, '\0') + std::string(64, '\x01'));  // quantisation table 0
  std::string sof(1, '\x08');
  sof += char(h >> 8);
  sof += char(h & 0xFF);
  sof += char(w >> 8);
  sof += char(w & 0xFF);
  sof += std::string("\x03\x01\x11\x00\x02\x11\x00\x03\x11\x00", 10);
  segment(0xC0, sof);
  // Huffman tables DC0 and AC0: one code of length 1 for symbol 0 (DC: no difference; AC: end of
  // block), so a zero bit is a whole flat block.
  std::string one_code(16, '\0');
  one_code[0] = 1;
  segment(0xC4, std::string(1, '\x00') + one_code + std::string(1, '\0'));
  segment(0xC4, std::string(1, '\x10') + one_code + std::string(1, '\0'));
  segment(0xDA, std::string("\x03\x01\x00\x02\x00\x03\x00\x00\x3F\x00", 10));
  j += std::string(entropy_bytes, '\0');
  if (complete) j += std::string("\xFF\xD9", 2);
  return j;
}

inline std::string HostileJpeg() {
  std::string j = GreyJpeg(65000, 65000, 0, false);
  return j + std::string(2048 - j.size(), '\0');  // 2 KB: the header, then the data stops
}

// A GIF whose logical screen is sw×sh and whose one frame is fw×fh, with a 2-colour table and a
// single LZW sub-block: 35 bytes.
inline std::string TinyGif(uint16_t sw, uint16_t sh, uint16_t fw, uint16_t fh) {
  std::string g = "GIF89a";
  auto le16 = [&](uint16_t v) {
    g.push_back(char(v & 0xFF));
    g.push_back(char(v >> 8));
  };
  le16(sw);
  le16(sh);
  g += std::string("\x80\x00\x00", 3);              // global table of 2 colours
  g += std::string("\x00\x00\x00\xFF\xFF\xFF", 6);  // black, white
  g.push_back(',');
  le16(0);
  le16(0);
  le16(fw);
  le16(fh);
  g.push_back('\0');
  g += std::string("\x02\x02\x44\x01\x00", 5);  // LZW min code 2; clear, 0, end; terminator
  g.push_back(';');
  return g;
}

inline std::string HostileGif() {
  return TinyGif(65000, 65000, 65000, 65000);
}

// A 24-bit BMP (BITMAPINFOHEADER) of w×h black pixels; rows top-down when `top_down`.
inline std::string BlackBmp(int32_t w, int32_t h, bool top_down = false) {
  const uint32_t row = (uint32_t(w) * 3 + 3) & ~3u;
  const uint32_t pixels = row * uint32_t(h);
  std::string b = "BM";
  auto le32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(char((v >> (8 * i)) & 0xFF));
  };
  auto le16 = [&](uint16_t v) {
    b.push_back(char(v & 0xFF));
    b.push_back(char(v >> 8));
  };
  le32(14 + 40 + pixels);
  le32(0);
  le32(14 + 40);
  le32(40);
  le32(uint32_t(w));
  le32(uint32_t(top_down ? -h : h));
  le16(1);
  le16(24);
  le32(0);
  le32(pixels);
  le32(2835);
  le32(2835);
  le32(0);
  le32(0);
  b += std::string(pixels, '\0');
  return b;
}

}  // namespace machikado::media::testing
