#include "media/image_header.h"

#include <algorithm>
#include <climits>
#include <string>

namespace machikado::media {
namespace {

using Bytes = std::string_view;

uint32_t Be16(Bytes b, size_t p) {
  return uint32_t(uint8_t(b[p])) << 8 | uint8_t(b[p + 1]);
}
uint32_t Be32(Bytes b, size_t p) {
  return Be16(b, p) << 16 | Be16(b, p + 2);
}
uint32_t Le16(Bytes b, size_t p) {
  return uint32_t(uint8_t(b[p + 1])) << 8 | uint8_t(b[p]);
}
uint32_t Le32(Bytes b, size_t p) {
  return Le16(b, p + 2) << 16 | Le16(b, p);
}
uint8_t At(Bytes b, size_t p) {
  return uint8_t(b[p]);
}

Status Bad(std::string_view format, std::string why) {
  return Status::Invalid(std::string(format) + ": " + std::move(why));
}

// PNG: the signature, then IHDR, which the PNG specification requires to be the first chunk.
Result<ImageHeader> ReadPng(Bytes b) {
  if (b.size() < 8 + 8 + 13) return Bad("PNG", "the header is cut short");
  if (Be32(b, 8) != 13 || b.substr(12, 4) != "IHDR")
    return Bad("PNG", "the first chunk is not a 13-byte IHDR");
  ImageHeader h;
  h.format = ImageFormat::kPng;
  h.width = Be32(b, 16);
  h.height = Be32(b, 20);
  // The PNG specification limits both to 2^31 - 1.
  if (h.width == 0 || h.height == 0 || h.width > INT32_MAX || h.height > INT32_MAX)
    return Bad("PNG", "IHDR gives an impossible size");
  return h;
}

bool IsJpegFrameMarker(uint8_t m) {
  // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

// JPEG: walks the marker segments from SOI. Entropy-coded data after each SOS is skipped by
// looking for the next marker (0xFF followed by neither 0x00 stuffing nor a restart marker), so
// every scan of a progressive image is counted. Stops at EOI, at the end of the bytes, or once
// more than `max_scans` scans were seen.
Result<ImageHeader> ReadJpeg(Bytes b, uint32_t max_scans) {
  ImageHeader h;
  h.format = ImageFormat::kJpeg;
  h.scans = 0;
  bool have_frame = false;
  bool in_scan = false;
  size_t p = 2;
  const size_t n = b.size();
  while (p < n) {
    if (in_scan) {
      while (p + 1 < n) {
        if (At(b, p) != 0xFF) {
          ++p;
          continue;
        }
        const uint8_t m = At(b, p + 1);
        if (m == 0x00 || (m >= 0xD0 && m <= 0xD7)) {
          p += 2;  // stuffed 0xFF byte or restart marker: still in the scan
        } else if (m == 0xFF) {
          ++p;  // fill byte before a marker
        } else {
          break;
        }
      }
      if (p + 1 >= n) break;  // data ends inside the scan (decoders fill in the rest)
      in_scan = false;
    }
    if (At(b, p) != 0xFF) return Bad("JPEG", "expected a marker at byte " + std::to_string(p));
    while (p < n && At(b, p) == 0xFF) ++p;  // fill bytes
    if (p >= n) break;
    const uint8_t m = At(b, p++);
    if (m == 0xD9) break;                                 // EOI
    if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) continue;  // standalone markers
    if (m == 0xD8 || m == 0x00) return Bad("JPEG", "a second start of image or a bare 0xFF");
    if (p + 2 > n) break;
    const uint32_t len = Be16(b, p);
    if (len < 2) return Bad("JPEG", "a marker segment shorter than its length field");
    if (p + len > n) break;  // cut short: what was read before stands
    if (IsJpegFrameMarker(m)) {
      if (have_frame) return Bad("JPEG", "a second frame header");
      if (len < 8) return Bad("JPEG", "the frame header is cut short");
      h.height = Be16(b, p + 3);
      h.width = Be16(b, p + 5);
      if (h.width == 0) return Bad("JPEG", "the frame header gives a width of 0");
      // A height of 0 means "given later by a DNL marker", which decoders here do not support.
      if (h.height == 0) return Bad("JPEG", "the frame header gives a height of 0 (DNL)");
      have_frame = true;
    } else if (m == 0xDA) {
      if (!have_frame) return Bad("JPEG", "a scan before the frame header");
      if (++h.scans > max_scans) break;
      in_scan = true;
    }
    p += len;
  }
  if (!have_frame) return Bad("JPEG", "no frame header (SOF) before the data ends");
  return h;
}

// GIF: the logical screen descriptor, then every block: image descriptors (frames, whose sizes
// are recorded), extensions and the trailer. Sub-block chains are skipped by their lengths.
Result<ImageHeader> ReadGif(Bytes b, uint32_t max_frames) {
  if (b.size() < 13) return Bad("GIF", "the logical screen descriptor is cut short");
  ImageHeader h;
  h.format = ImageFormat::kGif;
  h.frames = 0;
  h.width = Le16(b, 6);
  h.height = Le16(b, 8);
  if (h.width == 0 || h.height == 0) return Bad("GIF", "the logical screen has no pixels");
  const size_t n = b.size();
  size_t p = 13;
  if (At(b, 10) & 0x80) p += 3u << ((At(b, 10) & 7) + 1);  // global colour table
  // Skips a chain of data sub-blocks starting at p; false when it runs past the end.
  auto skip_sub_blocks = [&]() {
    while (p < n) {
      const size_t len = At(b, p++);
      if (len == 0) return true;
      p += len;
    }
    return false;
  };
  while (p < n) {
    const uint8_t block = At(b, p++);
    if (block == 0x3B) break;  // trailer
    if (block == 0x21) {       // extension: label, then sub-blocks
      if (p >= n) break;
      ++p;
      if (!skip_sub_blocks()) break;
    } else if (block == 0x2C) {  // image descriptor
      if (p + 9 > n) break;
      const uint32_t w = Le16(b, p + 4), fh = Le16(b, p + 6);
      const uint8_t packed = At(b, p + 8);
      ++h.frames;
      h.max_frame_width = std::max(h.max_frame_width, w);
      h.max_frame_height = std::max(h.max_frame_height, fh);
      if (h.frames > max_frames) break;
      p += 9;
      if (packed & 0x80) p += 3u << ((packed & 7) + 1);  // local colour table
      if (p >= n) break;
      // The LZW minimum code size: 2–8 in the GIF89a specification. SDL_image's decoder takes
      // larger ones too and then asks for gigabytes (found by fuzz/image_gate_fuzz.cpp).
      const uint8_t code_size = At(b, p++);
      if (code_size < 2 || code_size > 8)
        return Bad("GIF", "a frame's LZW code size is " + std::to_string(code_size) +
                              "; the GIF specification allows 2 to 8");
      if (!skip_sub_blocks()) break;
    } else {
      return Bad("GIF", "an unknown block 0x" + std::string(1, "0123456789abcdef"[block >> 4]) +
                            std::string(1, "0123456789abcdef"[block & 15]) + " at byte " +
                            std::to_string(p - 1));
    }
  }
  return h;
}

// BMP: the file header, then the info header (OS/2 core header with 16-bit sizes, or one of the
// Windows headers with signed 32-bit sizes; a negative height means rows top-down).
Result<ImageHeader> ReadBmp(Bytes b) {
  if (b.size() < 14 + 4) return Bad("BMP", "the header is cut short");
  const uint32_t info = Le32(b, 14);
  ImageHeader h;
  h.format = ImageFormat::kBmp;
  if (info == 12) {
    if (b.size() < 14 + 12) return Bad("BMP", "the header is cut short");
    h.width = Le16(b, 18);
    h.height = Le16(b, 20);
  } else if (info == 16 || info == 40 || info == 52 || info == 56 || info == 64 || info == 108 ||
             info == 124) {
    if (b.size() < 14 + 16) return Bad("BMP", "the header is cut short");
    const int32_t w = int32_t(Le32(b, 18)), ht = int32_t(Le32(b, 22));
    if (w <= 0 || ht == 0 || ht == INT32_MIN)
      return Bad("BMP", "the info header gives an impossible size");
    h.width = uint32_t(w);
    h.height = uint32_t(ht < 0 ? -ht : ht);
  } else {
    return Bad("BMP", "an unknown info header of " + std::to_string(info) + " bytes");
  }
  if (h.width == 0 || h.height == 0) return Bad("BMP", "the info header gives no pixels");
  return h;
}

}  // namespace

std::string_view ImageFormatName(ImageFormat f) {
  switch (f) {
    case ImageFormat::kPng:
      return "PNG";
    case ImageFormat::kJpeg:
      return "JPEG";
    case ImageFormat::kGif:
      return "GIF";
    case ImageFormat::kBmp:
      return "BMP";
  }
  return "?";
}

Result<ImageHeader> ReadImageHeader(std::string_view bytes, uint32_t max_frames,
                                    uint32_t max_scans) {
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
    return ReadPng(bytes);
  if (bytes.size() >= 3 && At(bytes, 0) == 0xFF && At(bytes, 1) == 0xD8 && At(bytes, 2) == 0xFF)
    return ReadJpeg(bytes, max_scans);
  if (bytes.substr(0, 6) == "GIF87a" || bytes.substr(0, 6) == "GIF89a")
    return ReadGif(bytes, max_frames);
  if (bytes.substr(0, 2) == "BM") return ReadBmp(bytes);
  return Status::Invalid("not a PNG, JPEG, GIF or BMP file");
}

}  // namespace machikado::media
