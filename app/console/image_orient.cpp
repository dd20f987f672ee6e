#include "console/image_orient.h"

#include <libexif/exif-data.h>

#include <algorithm>
#include <cstring>

namespace machikado::console {

int ReadExifOrientation(std::string_view jpeg) {
  const size_t n = std::min(jpeg.size(), kExifScanBytes);
  if (n < 4) return 1;
  ExifData* ed = exif_data_new();
  if (!ed) return 1;
  // As stored: no "fixing" (which would add default tags) and no maker notes.
  exif_data_unset_option(ed, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
  exif_data_set_option(ed, EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE);
  exif_data_load_data(ed, reinterpret_cast<const unsigned char*>(jpeg.data()),
                      static_cast<unsigned int>(n));
  int orientation = 1;
  ExifEntry* e = exif_content_get_entry(ed->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
  if (e && e->format == EXIF_FORMAT_SHORT && e->components >= 1 && e->data && e->size >= 2) {
    const int v = exif_get_short(e->data, exif_data_get_byte_order(ed));
    if (v >= 1 && v <= 8) orientation = v;
  }
  exif_data_unref(ed);
  return orientation;
}

Result<render::SurfacePtr> ApplyOrientation(SDL_Surface* in, int orientation,
                                            const media::ImageLimits& limits) {
  if (orientation < 1 || orientation > 8) orientation = 1;
  const int w = in->w, h = in->h;
  const bool swap = orientation >= 5;
  const int ow = swap ? h : w, oh = swap ? w : h;
  if (static_cast<uint32_t>(ow) > limits.max_width || static_cast<uint32_t>(oh) > limits.max_height)
    return Status::Limit("the turned image (" + std::to_string(ow) + "×" + std::to_string(oh) +
                         ") is larger than the caps");
  render::SurfacePtr out(
      SDL_CreateRGBSurfaceWithFormat(0, ow, oh, in->format->BitsPerPixel, in->format->format));
  if (!out) return Status::Error(StatusCode::kInternal, std::string("surface: ") + SDL_GetError());
  const int bpp = in->format->BytesPerPixel;
  if (SDL_MUSTLOCK(in)) SDL_LockSurface(in);
  const auto* src = static_cast<const uint8_t*>(in->pixels);
  auto* dst = static_cast<uint8_t*>(out->pixels);
  for (int oy = 0; oy < oh; ++oy) {
    uint8_t* row = dst + static_cast<size_t>(oy) * out->pitch;
    for (int ox = 0; ox < ow; ++ox) {
      int sx = ox, sy = oy;  // 1: as stored
      switch (orientation) {
        case 2:
          sx = w - 1 - ox;
          break;
        case 3:
          sx = w - 1 - ox;
          sy = h - 1 - oy;
          break;
        case 4:
          sy = h - 1 - oy;
          break;
        case 5:
          sx = oy;
          sy = ox;
          break;
        case 6:
          sx = oy;
          sy = h - 1 - ox;
          break;
        case 7:
          sx = w - 1 - oy;
          sy = h - 1 - ox;
          break;
        case 8:
          sx = w - 1 - oy;
          sy = ox;
          break;
        default:
          break;
      }
      std::memcpy(row + static_cast<size_t>(ox) * bpp,
                  src + static_cast<size_t>(sy) * in->pitch + static_cast<size_t>(sx) * bpp, bpp);
    }
  }
  if (SDL_MUSTLOCK(in)) SDL_UnlockSurface(in);
  return out;
}

}  // namespace machikado::console
