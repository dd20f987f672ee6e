#include "media/image_gate.h"

#include <string>

namespace machikado::media {
namespace {

std::string Size(uint64_t w, uint64_t h) {
  return std::to_string(w) + "×" + std::to_string(h);
}

Status CheckSize(std::string_view what, uint64_t w, uint64_t h, const ImageLimits& limits) {
  if (w > limits.max_width || h > limits.max_height)
    return Status::Limit(std::string(what) + " is " + Size(w, h) + " px; at most " +
                         Size(limits.max_width, limits.max_height) + " are allowed");
  if (w * h > limits.max_pixels)
    return Status::Limit(std::string(what) + " is " + Size(w, h) + " px (" + std::to_string(w * h) +
                         " pixels); at most " + std::to_string(limits.max_pixels) +
                         " pixels are allowed");
  return Status::Ok();
}

}  // namespace

Result<ImageInfo> CheckImage(std::string_view bytes, const ImageLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return Status::Limit("the image has " + std::to_string(bytes.size()) + " bytes; at most " +
                         std::to_string(limits.max_bytes) + " are allowed");
  if (bytes.empty()) return Status::Invalid("the image is empty");
  Result<ImageHeader> h = ReadImageHeader(bytes, limits.max_gif_frames, limits.max_jpeg_scans);
  if (!h.ok())
    return Status::Invalid("the image is not a readable PNG, JPEG, GIF or BMP file (" +
                           h.status().message() + ")");
  if (Status s = CheckSize("the image", h->width, h->height, limits); !s.ok()) return s;
  if (h->format == ImageFormat::kGif) {
    if (h->frames > limits.max_gif_frames)
      return Status::Limit("the GIF has more than " + std::to_string(limits.max_gif_frames) +
                           " frames");
    if (Status s = CheckSize("a frame of the GIF", h->max_frame_width, h->max_frame_height, limits);
        !s.ok())
      return s;
    if (h->frames == 0) return Status::Invalid("the GIF has no frame");
  }
  if (h->format == ImageFormat::kJpeg) {
    if (h->scans > limits.max_jpeg_scans)
      return Status::Limit("the JPEG has more than " + std::to_string(limits.max_jpeg_scans) +
                           " scans");
    if (h->scans == 0) return Status::Invalid("the JPEG has no image data (no scan)");
  }
  return ImageInfo{h->format, static_cast<int>(h->width), static_cast<int>(h->height)};
}

}  // namespace machikado::media
