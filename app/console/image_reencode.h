// ReencodeImage: an uploaded picture, made safe to publish. The bytes pass the kiosk's image gate
// (media::CheckImage: format, byte, width, height and pixel caps, from the header) and its one
// decoder (render::DecodeImage); the decoded pixels are then written anew — JPEG for a JPEG
// (quality 88), PNG otherwise — so nothing but the pixels survives: no EXIF (camera, GPS
// position, time), no comments, no trailing data. A JPEG's EXIF Orientation is applied to the
// pixels first (image_orient.h), so a phone's photo is not published sideways. SDL_image is used
// only here and in preview.cpp, so the HTTP layer does not depend on SDL (server.h's
// ImageReencoder). Thread-safe (SDL_image's decoders and encoders keep no shared state).
#pragma once

#include <string_view>

#include "console/server.h"
#include "media/image_gate.h"

namespace machikado::console {

Result<ReencodedImage> ReencodeImage(std::string_view bytes, const media::ImageLimits& limits = {});

}  // namespace machikado::console
