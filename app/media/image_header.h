// ReadImageHeader: the format and the pixel size an encoded image claims, read from its header
// without decoding a single pixel: PNG (IHDR), JPEG (the frame header, found by walking the
// markers; every scan is counted), GIF (the logical screen and every frame's descriptor) and BMP
// (the info header). These four are the only formats the kiosk decodes (docs/caps.md). The caps
// themselves are checked by CheckImage (media/image_gate.h), which every image passes through.
// Pure functions over bytes; thread-safe; reads nothing beyond bytes.size().
#pragma once

#include <cstdint>
#include <string_view>

#include "core/status.h"

namespace machikado::media {

enum class ImageFormat { kPng, kJpeg, kGif, kBmp };

// "PNG", "JPEG", "GIF", "BMP" (for messages).
std::string_view ImageFormatName(ImageFormat f);

struct ImageHeader {
  ImageFormat format = ImageFormat::kPng;
  uint32_t width = 0;   // as claimed; 0 is refused by the reader
  uint32_t height = 0;  // (a BMP's negative "top-down" height is given as its magnitude)
  // GIF: frames (image descriptors) in the file, and the largest width and height any frame
  // claims (a frame may claim more than the logical screen; decoders allocate the frame's size).
  uint32_t frames = 1;
  uint32_t max_frame_width = 0;
  uint32_t max_frame_height = 0;
  // JPEG: start-of-scan markers in the file (a progressive image has several; every scan is a
  // pass of the decoder over the whole image). 1 for the other formats.
  uint32_t scans = 1;
};

// kInvalidArgument with a reason for bytes that are not one of the four formats, or whose header
// is truncated or inconsistent (e.g. a JPEG with no frame header before its first scan, a GIF
// whose blocks run past the end). `max_frames` / `max_scans` stop the walk early: the counts are
// then max_frames + 1 / max_scans + 1 (so the caller can say "too many").
Result<ImageHeader> ReadImageHeader(std::string_view bytes, uint32_t max_frames = UINT32_MAX,
                                    uint32_t max_scans = UINT32_MAX);

}  // namespace machikado::media
