// DecodeImage: the only way a content image (from a feed: http(s), file://, a plain path, the
// offline cache; on a slide, in the detail view or in `machikado render`) becomes pixels. The
// bytes pass media::CheckImage first — format, byte cap, width, height and pixel count from the
// header — and only then the one SDL_image decoder for the format the header names (never
// SDL_image's guessing among the dozen formats it knows), so a decode allocates at most
// 4 bytes × the pixel cap. ReadImageFile reads a local image under the byte cap.
// Our own bundled assets (SVG pictograms) do not come through here: see Canvas::Asset.
// Thread-safe (SDL_image's decoders keep no shared state); the surface belongs to the caller.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <SDL2/SDL.h>

#include "core/status.h"
#include "media/image_gate.h"

namespace machikado::render {

struct SurfaceDeleter {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

// The gate's refusal (kLimitExceeded / kInvalidArgument with its reason), or kInvalidArgument
// when the decoder fails on bytes whose header passed.
Result<SurfacePtr> DecodeImage(std::string_view bytes, const media::ImageLimits& limits = {});

// A regular file's bytes, refused (kLimitExceeded) when over limits.max_bytes without reading
// more than that; kNotFound / kIoError otherwise.
Result<std::string> ReadImageFile(const std::string& path, const media::ImageLimits& limits = {});

}  // namespace machikado::render
