// EXIF orientation of an uploaded photo. Phones store pixels as the sensor saw them and record in
// the EXIF Orientation tag (0x0112, values 1–8) how to turn them for viewing; the re-encoder drops
// EXIF (image_reencode.h), so it must turn the pixels first or the photo comes out sideways.
// ReadExifOrientation reads the tag with libexif (Debian's libexif-dev) from at most the first
// kExifScanBytes of a JPEG; ApplyOrientation makes the turned or mirrored copy of a surface.
// Stateless and thread-safe.
#pragma once

#include <string_view>

#include "core/status.h"
#include "media/image_gate.h"
#include "render/image_decoder.h"

namespace machikado::console {

// The APP1 segment that holds EXIF is at most 64 KiB and comes right after SOI (or after a JFIF
// APP0); libexif is given no more than this many bytes of the file.
inline constexpr size_t kExifScanBytes = 256 * 1024;

// The Orientation tag of IFD0: 1 (as stored; also when there is no EXIF, no tag or a value out of
// range) to 8. 5–8 swap width and height.
int ReadExifOrientation(std::string_view jpeg);

// A new surface (the format of `in`) with the pixels turned for viewing, as EXIF 2.3's Orientation
// describes: 2 mirror left-right, 3 turn 180°, 4 mirror top-bottom, 5 mirror along the main
// diagonal, 6 turn 90° clockwise, 7 mirror along the other diagonal, 8 turn 90° anticlockwise.
// The result's width and height are checked against `limits` before any pixel is copied
// (kLimitExceeded); orientation 1 or out of range is a plain copy.
Result<render::SurfacePtr> ApplyOrientation(SDL_Surface* in, int orientation,
                                            const media::ImageLimits& limits = {});

}  // namespace machikado::console
