#include "render/image_decoder.h"

#include <SDL2/SDL_image.h>

#include <climits>

#include "core/file_system.h"

namespace machikado::render {

Result<SurfacePtr> DecodeImage(std::string_view bytes, const media::ImageLimits& limits) {
  Result<media::ImageInfo> info = media::CheckImage(bytes, limits);
  if (!info.ok()) return info.status();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Status::Limit("the image is too large");
  SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
  if (!rw) return Status::Invalid(std::string("cannot read the image: ") + SDL_GetError());
  SDL_Surface* s = nullptr;
  switch (info->format) {
    case media::ImageFormat::kPng:
      s = IMG_LoadPNG_RW(rw);
      break;
    case media::ImageFormat::kJpeg:
      s = IMG_LoadJPG_RW(rw);
      break;
    case media::ImageFormat::kGif:
      s = IMG_LoadGIF_RW(rw);  // the first frame
      break;
    case media::ImageFormat::kBmp:
      s = IMG_LoadBMP_RW(rw);
      break;
  }
  SDL_RWclose(rw);
  SurfacePtr surface(s);
  const std::string format(media::ImageFormatName(info->format));
  if (!surface)
    return Status::Invalid("the " + format + " image cannot be decoded: " + IMG_GetError());
  // The header was checked; a decoder that still made something larger is not trusted either.
  if (static_cast<uint32_t>(surface->w) > limits.max_width ||
      static_cast<uint32_t>(surface->h) > limits.max_height ||
      uint64_t(surface->w) * uint64_t(surface->h) > limits.max_pixels)
    return Status::Limit("the " + format + " image decoded larger than its header said");
  return surface;
}

Result<std::string> ReadImageFile(const std::string& path, const media::ImageLimits& limits) {
  PosixFileSystem fs;
  Result<std::string> bytes = fs.ReadFile(path, limits.max_bytes);
  if (!bytes.ok() && bytes.status().code() == StatusCode::kLimitExceeded)
    return Status::Limit("the image file has more than the " + std::to_string(limits.max_bytes) +
                         " bytes allowed");
  return bytes;
}

}  // namespace machikado::render
