// ProbeImage: reads an image's format and pixel size from its header without decoding it (stb_image's
// stbi_info_from_memory, from Debian's libstb), so an oversized or corrupt image is refused before any
// decoder allocates width×height×4 bytes. Pure function; thread-safe.
#pragma once

#include <string_view>

#include "core/status.h"

namespace machikado::pipeline {

struct ImageLimits {
  size_t max_bytes = 8 * 1024 * 1024;  // FEED-v1: 8 MiB per image
  int max_width = 4096;                // FEED-v1: 4096×4096 px
  int max_height = 4096;
};

struct ImageInfo {
  int width = 0;
  int height = 0;
};

// kLimitExceeded for too many bytes or pixels; kInvalidArgument for bytes that are not a PNG, JPEG, GIF
// or BMP image with a readable header.
Result<ImageInfo> ProbeImage(std::string_view bytes, const ImageLimits& limits = {});

}  // namespace machikado::pipeline
