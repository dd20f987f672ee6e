#include "console/image_reencode.h"

#include <SDL2/SDL_image.h>

#include "console/image_orient.h"
#include "media/image_header.h"
#include "render/image_decoder.h"

namespace machikado::console {
namespace {

// An SDL_RWops that appends what is written to a std::string (SDL has no growable memory RWops).
size_t SinkWrite(SDL_RWops* rw, const void* p, size_t size, size_t n) {
  auto* out = static_cast<std::string*>(rw->hidden.unknown.data1);
  out->append(static_cast<const char*>(p), size * n);
  return n;
}
Sint64 SinkSize(SDL_RWops* rw) {
  return static_cast<Sint64>(static_cast<std::string*>(rw->hidden.unknown.data1)->size());
}
Sint64 SinkSeek(SDL_RWops* rw, Sint64 offset, int whence) {
  // Only "where am I" is meaningful for an append-only sink.
  if (offset == 0 && (whence == RW_SEEK_CUR || whence == RW_SEEK_END)) return SinkSize(rw);
  return -1;
}
size_t SinkRead(SDL_RWops*, void*, size_t, size_t) {
  return 0;
}
int SinkClose(SDL_RWops* rw) {
  SDL_FreeRW(rw);
  return 0;
}

SDL_RWops* NewSink(std::string* out) {
  SDL_RWops* rw = SDL_AllocRW();
  if (!rw) return nullptr;
  rw->type = SDL_RWOPS_UNKNOWN;
  rw->hidden.unknown.data1 = out;
  rw->size = SinkSize;
  rw->seek = SinkSeek;
  rw->read = SinkRead;
  rw->write = SinkWrite;
  rw->close = SinkClose;
  return rw;
}

}  // namespace

Result<ReencodedImage> ReencodeImage(std::string_view bytes, const media::ImageLimits& limits) {
  Result<media::ImageInfo> info = media::CheckImage(bytes, limits);
  if (!info.ok()) return info.status();
  Result<render::SurfacePtr> decoded = render::DecodeImage(bytes, limits);
  if (!decoded.ok()) return decoded.status();
  const bool jpeg = info->format == media::ImageFormat::kJpeg;
  // Pixels only: a fresh surface in a plain format (also drops palettes' odd chunks).
  render::SurfacePtr plain(SDL_ConvertSurfaceFormat(
      decoded->get(), jpeg ? SDL_PIXELFORMAT_RGB24 : SDL_PIXELFORMAT_RGBA32, 0));
  if (!plain)
    return Status::Error(StatusCode::kInternal, std::string("convert: ") + SDL_GetError());
  // A phone's photo is stored as the sensor saw it, with EXIF saying how to turn it; EXIF is
  // dropped below, so the pixels are turned now (image_orient.h).
  if (jpeg) {
    const int orientation = ReadExifOrientation(bytes);
    if (orientation != 1) {
      Result<render::SurfacePtr> turned = ApplyOrientation(plain.get(), orientation, limits);
      if (!turned.ok()) return turned.status();
      plain = std::move(turned).value();
    }
  }
  ReencodedImage out;
  out.width = plain->w;
  out.height = plain->h;
  out.extension = jpeg ? "jpg" : "png";
  SDL_RWops* sink = NewSink(&out.bytes);
  if (!sink) return Status::Error(StatusCode::kInternal, "out of memory");
  const int rc =
      jpeg ? IMG_SaveJPG_RW(plain.get(), sink, 1, 88) : IMG_SavePNG_RW(plain.get(), sink, 1);
  if (rc != 0 || out.bytes.empty())
    return Status::Error(StatusCode::kInternal, std::string("encode: ") + IMG_GetError());
  return out;
}

}  // namespace machikado::console
