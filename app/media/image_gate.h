// CheckImage: the one gate every image passes before anything decodes it, whatever its source —
// http(s), file:// URLs and plain paths, the offline cache, `machikado render`, the detail view,
// and any later media cache. It refuses, from the header alone (media/image_header.h), images
// over the byte cap, in a format the kiosk does not decode, or claiming more width, height or
// pixels than the caps allow, and GIFs or progressive JPEGs with too many frames or scans, so no
// decoder is ever asked to allocate for a hostile size. docs/caps.md lists the caps.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/status.h"
#include "media/image_header.h"

namespace machikado::media {

struct ImageLimits {
  size_t max_bytes = 8 * 1024 * 1024;  // FEED-v1: 8 MiB per image
  uint32_t max_width = 4096;           // FEED-v1: 4096×4096 px
  uint32_t max_height = 4096;
  // Decoded, an image costs 4 bytes per pixel (twice: the decoded surface, then its texture).
  uint64_t max_pixels = uint64_t{4096} * 4096;
  uint32_t max_gif_frames = 500;  // image descriptors in one GIF
  // Scans in one JPEG: each is a pass over the whole image, and a few KB can hold thousands
  // (libjpeg-turbo's TurboJPEG API limits them to 500 with TJFLAG_LIMITSCANS for this reason).
  uint32_t max_jpeg_scans = 500;
};

struct ImageInfo {
  ImageFormat format = ImageFormat::kPng;
  int width = 0;
  int height = 0;
};

// kLimitExceeded (too many bytes, pixels, frames or scans) or kInvalidArgument (not one of the
// formats, unreadable header) with a reason for staff, e.g. "the image is 65000×65000 px; at most
// 4096×4096 are allowed".
Result<ImageInfo> CheckImage(std::string_view bytes, const ImageLimits& limits = {});

}  // namespace machikado::media
