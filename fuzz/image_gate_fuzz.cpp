// libFuzzer target: the image gate (media::CheckImage over ReadImageHeader) on arbitrary bytes —
// PNG, JPEG, GIF and BMP headers and bodies — and then SDL_image's decoder on whatever the gate
// lets through (render::DecodeImage), with small caps so that every accepted input is also decoded
// cheaply. Invariants: a refusal has a message and a limit/invalid code; an accepted image has a
// size within the caps and the magic of the format the gate named; a decoded surface is never
// larger than the caps the gate checked.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "media/image_gate.h"
#include "render/image_decoder.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

bool HasMagic(std::string_view b, machikado::media::ImageFormat f) {
  using machikado::media::ImageFormat;
  switch (f) {
    case ImageFormat::kPng:
      return b.substr(0, 4) == "\x89PNG";
    case ImageFormat::kJpeg:
      return b.substr(0, 2) == "\xFF\xD8";
    case ImageFormat::kGif:
      return b.substr(0, 3) == "GIF";
    case ImageFormat::kBmp:
      return b.substr(0, 2) == "BM";
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace machikado;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const media::ImageLimits limits;
  Result<media::ImageInfo> info = media::CheckImage(bytes, limits);
  if (!info.ok()) {
    Check(!info.status().message().empty());
    Check(info.status().code() == StatusCode::kLimitExceeded ||
          info.status().code() == StatusCode::kInvalidArgument);
  } else {
    Check(info->width > 0 && info->height > 0);
    Check(uint32_t(info->width) <= limits.max_width && uint32_t(info->height) <= limits.max_height);
    Check(HasMagic(bytes, info->format));
  }
  // Decoding: small caps keep each accepted decode cheap (≤ 256 KiB of pixels).
  media::ImageLimits small;
  small.max_width = small.max_height = 256;
  small.max_pixels = 256 * 256;
  Result<render::SurfacePtr> surface = render::DecodeImage(bytes, small);
  if (surface.ok()) {
    Check(info.ok());
    Check((*surface)->w <= 256 && (*surface)->h <= 256);
  } else {
    Check(!surface.status().message().empty());
  }
  return 0;
}
