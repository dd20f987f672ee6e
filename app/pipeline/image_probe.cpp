#include "pipeline/image_probe.h"

#include <stb_image.h>

#include <climits>
#include <string>

namespace machikado::pipeline {

Result<ImageInfo> ProbeImage(std::string_view bytes, const ImageLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return Status::Limit("the image has " + std::to_string(bytes.size()) + " bytes; at most " +
                         std::to_string(limits.max_bytes) + " are allowed");
  }
  if (bytes.empty() || bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::Invalid("the image is empty");
  }
  int w = 0, h = 0, comp = 0;
  if (!stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                             static_cast<int>(bytes.size()), &w, &h, &comp) ||
      w <= 0 || h <= 0) {
    return Status::Invalid("the image is not a readable PNG, JPEG, GIF or BMP file");
  }
  if (w > limits.max_width || h > limits.max_height) {
    return Status::Limit("the image is " + std::to_string(w) + "×" + std::to_string(h) +
                         " px; at most " + std::to_string(limits.max_width) + "×" +
                         std::to_string(limits.max_height) + " are allowed");
  }
  return ImageInfo{w, h};
}

}  // namespace machikado::pipeline
