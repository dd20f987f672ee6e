// Canvas (canvas.h), its images: content images through the image gate (decoded once at their own
// size, scaled when drawn, at most 2x up) and bundled assets (SVG rasterised at the drawn size),
// with failures remembered per path (bounded). Render thread only.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include <SDL2/SDL_image.h>

#include "render/canvas.h"

namespace machikado::render {

namespace {
constexpr float kMaxImageUpscale = 2.0f;
}  // namespace

RectF Canvas::Image(const std::string& path, RectF r, std::string_view role) {
  if (path.empty() || r.w < 1 || r.h < 1 || failed_images_.count(path)) return {};
  // Decoded once at the image's own size (the texture is scaled when drawn), whatever box it
  // is drawn in: the same image at two sizes costs one texture.
  const CachedTexture* t = image_cache_.Find(path);
  if (!t) {
    // Bytes held in memory (remote images, checked by the pipeline) or a local file; both pass
    // the one gate (DecodeImage) before any decoder runs.
    std::optional<Result<std::string>> file;
    const std::string* bytes = image_bytes_ ? image_bytes_(path) : nullptr;
    if (!bytes) {
      file.emplace(ReadImageFile(path, image_limits_));
      if (file->ok()) bytes = &file->value();
    }
    Result<SurfacePtr> s =
        bytes ? DecodeImage(*bytes, image_limits_) : Result<SurfacePtr>(file->status());
    if (!s.ok()) {
      RememberFailure(path, s.status().message());
      return {};
    }
    // An image larger than the whole picture is kept at most at the picture's size: a 4096×4096
    // photo would otherwise hold a 64 MiB texture (a software renderer's own memory).
    SurfacePtr fitted = FitWithin(std::move(s).value(), record_.width, record_.height);
    if (!fitted) {
      RememberFailure(path, std::string("cannot scale the image: ") + SDL_GetError());
      return {};
    }
    t = Upload(path, fitted.get());
    if (!t) return {};
  }
  // Fitted to the panel, but never enlarged past 2× (a small photo blown up reads as a blur).
  return DrawFitted(*t, r, role, kMaxImageUpscale);
}

RectF Canvas::Asset(const std::string& path, RectF r, std::string_view role) {
  if (path.empty() || r.w < 1 || r.h < 1 || failed_images_.count(path)) return {};
  const bool svg = path.size() > 4 && path.compare(path.size() - 4, 4, ".svg") == 0;
  char size[48];
  std::snprintf(size, sizeof size, "\x1f%dx%d", int(r.w), int(r.h));
  const std::string key = path + size;
  const CachedTexture* t = image_cache_.Find(key);
  if (!t) {
    SurfacePtr s(IMG_Load(path.c_str()));
    if (s && svg) {
      // Rasterise at the size needed (crisp at any scale), keeping the drawing's aspect.
      const float scale = std::min(r.w / s->w, r.h / s->h);
      const int w = std::max(1, int(s->w * scale)), h = std::max(1, int(s->h * scale));
      s.reset();
      if (SDL_RWops* rw = SDL_RWFromFile(path.c_str(), "rb")) {
        s.reset(IMG_LoadSizedSVG_RW(rw, w, h));
        SDL_RWclose(rw);
      }
    }
    if (!s) {
      RememberFailure(path, IMG_GetError());
      return {};
    }
    t = Upload(key, s.get());
    if (!t) return {};
  }
  return DrawFitted(*t, r, role, std::numeric_limits<float>::infinity());
}

SurfacePtr Canvas::FitWithin(SurfacePtr s, int max_w, int max_h) {
  if (max_w < 1 || max_h < 1 || (s->w <= max_w && s->h <= max_h)) return s;
  const float scale = std::min(float(max_w) / s->w, float(max_h) / s->h);
  const int w = std::max(1, int(s->w * scale)), h = std::max(1, int(s->h * scale));
  SurfacePtr src(SDL_ConvertSurfaceFormat(s.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  s.reset();
  if (!src) return nullptr;
  SurfacePtr dst(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!dst || SDL_SoftStretchLinear(src.get(), nullptr, dst.get(), nullptr) != 0) return nullptr;
  return dst;
}

void Canvas::RememberFailure(const std::string& path, const std::string& why) {
  if (failed_images_.size() >= kMaxFailedImages) failed_images_.clear();
  failed_images_[path] = why;
  log_.warn("cannot load image " + path + ": " + why);
}

const CachedTexture* Canvas::Upload(const std::string& key, SDL_Surface* s) {
  SDL_Texture* tex = SDL_CreateTextureFromSurface(renderer_, s);
  if (!tex) return nullptr;
  SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
  SDL_SetTextureScaleMode(tex, SDL_ScaleModeBest);
  return image_cache_.Put(key, tex, s->w, s->h);
}

RectF Canvas::DrawFitted(const CachedTexture& t, RectF r, std::string_view role, float max_scale) {
  const float scale = std::min({r.w / t.w, r.h / t.h, max_scale});
  RectF d{0, 0, t.w * scale, t.h * scale};
  d.x = r.x + (r.w - d.w) / 2;
  d.y = r.y + (r.h - d.h) / 2;
  SDL_Rect dst{int(std::lround(d.x)), int(std::lround(d.y)), int(std::lround(d.w)),
               int(std::lround(d.h))};
  SDL_RenderCopy(renderer_, t.texture, nullptr, &dst);
  if (!role.empty()) record_.boxes.push_back({std::string(role) + ":image", d, Rgb(0x808080)});
  return d;
}

}  // namespace machikado::render
