#include "render/canvas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include <SDL2/SDL_image.h>

namespace machikado::render {

Canvas::Canvas(SDL_Renderer* renderer, FontSet& fonts, TextureCache& text_cache,
               TextureCache& image_cache, Log& log)
    : renderer_(renderer),
      fonts_(fonts),
      text_cache_(text_cache),
      image_cache_(image_cache),
      log_(log) {}

void Canvas::SetColor(Color c) {
  SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
}

void Canvas::Begin(int w, int h, Color background) {
  record_ = LayoutRecord{};
  record_.width = w;
  record_.height = h;
  background_ = background;
  SetColor(background);
  SDL_RenderClear(renderer_);
  record_.boxes.push_back({"background", {0, 0, float(w), float(h)}, background});
}

void Canvas::FillRect(std::string_view role, RectF r, Color c) {
  if (r.w <= 0 || r.h <= 0) return;
  SetColor(c);
  // Snap to whole pixels the same way the record does, so the record matches the picture.
  SDL_Rect px{int(std::lround(r.x)), int(std::lround(r.y)),
              int(std::lround(r.x + r.w)) - int(std::lround(r.x)),
              int(std::lround(r.y + r.h)) - int(std::lround(r.y))};
  SDL_RenderFillRect(renderer_, &px);
  if (!role.empty()) {
    Color drawn =
        c.a == 255 ? c : Over(c, record_.ColorAt(r.x + r.w / 2, r.y + r.h / 2, background_));
    record_.boxes.push_back({std::string(role), r, drawn});
  }
}

void Canvas::FillPolygon(const std::vector<PointF>& points, Color c) {
  // Horizontal bands of at most 16 px keep each triangle's box tight (see polygon_bands.h), and an
  // opaque colour is written without blending: SDL's software renderer then needs no scratch
  // surface per triangle.
  const std::vector<PointF> tris = SplitIntoBands(points, 16);
  if (tris.empty()) return;
  std::vector<SDL_Vertex> v;
  v.reserve(tris.size());
  const SDL_Color col{c.r, c.g, c.b, c.a};
  for (const auto& p : tris) v.push_back({{p.x, p.y}, col, {0, 0}});
  SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_RenderGeometry(renderer_, nullptr, v.data(), static_cast<int>(v.size()), nullptr, 0);
}

void Canvas::FillRoundedRect(std::string_view role, RectF r, float radius, Color c) {
  if (r.w <= 0 || r.h <= 0) return;
  radius = std::min({radius, r.w / 2, r.h / 2});
  if (radius < 1) return FillRect(role, r, c);
  std::vector<PointF> pts;
  const int seg = 10;
  const float cx[4] = {r.right() - radius, r.x + radius, r.x + radius, r.right() - radius};
  const float cy[4] = {r.y + radius, r.y + radius, r.bottom() - radius, r.bottom() - radius};
  for (int corner = 0; corner < 4; ++corner)
    for (int i = 0; i <= seg; ++i) {
      double a = (corner * 90.0 + i * 90.0 / seg) * M_PI / 180.0;
      pts.push_back(
          {cx[corner] + radius * float(std::cos(a)), cy[corner] - radius * float(std::sin(a))});
    }
  FillPolygon(pts, c);
  if (!role.empty()) {
    Color drawn =
        c.a == 255 ? c : Over(c, record_.ColorAt(r.x + r.w / 2, r.y + r.h / 2, background_));
    record_.boxes.push_back({std::string(role), r, drawn});
  }
}

void Canvas::FillCircle(std::string_view role, float cx, float cy, float radius, Color c) {
  std::vector<PointF> pts;
  const int seg = std::max(24, int(radius));
  for (int i = 0; i < seg; ++i) {
    double a = 2 * M_PI * i / seg;
    pts.push_back({cx + radius * float(std::cos(a)), cy + radius * float(std::sin(a))});
  }
  FillPolygon(pts, c);
  // Recorded as the square inscribed in the circle: text centred in it sits on this colour.
  if (!role.empty()) {
    float half = radius * 0.7071f;
    record_.boxes.push_back({std::string(role), {cx - half, cy - half, 2 * half, 2 * half}, c});
  }
}

void Canvas::Line(PointF a, PointF b, float thickness, Color c) {
  float dx = b.x - a.x, dy = b.y - a.y;
  float len = std::sqrt(dx * dx + dy * dy);
  if (len <= 0) return;
  float nx = -dy / len * thickness / 2, ny = dx / len * thickness / 2;
  FillPolygon(
      {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}, c);
}

void Canvas::SetClip(RectF r) {
  if (r.w <= 0 || r.h <= 0) {
    SDL_RenderSetClipRect(renderer_, nullptr);
    return;
  }
  SDL_Rect clip{int(std::lround(r.x)), int(std::lround(r.y)), int(std::lround(r.w)),
                int(std::lround(r.h))};
  SDL_RenderSetClipRect(renderer_, &clip);
}

void Canvas::StrokeRect(RectF r, float t, Color c) {
  FillRect("", {r.x, r.y, r.w, t}, c);
  FillRect("", {r.x, r.bottom() - t, r.w, t}, c);
  FillRect("", {r.x, r.y + t, t, r.h - 2 * t}, c);
  FillRect("", {r.right() - t, r.y + t, t, r.h - 2 * t}, c);
}

FontStyle Canvas::FontStyleFor(const TextStyle& style) const {
  return FontStyle{style.bold, ScriptForLang(style.lang)};
}

TtfMeasurer& Canvas::MeasurerFor(const TextStyle& style) {
  FontStyle fs = FontStyleFor(style);
  auto it = measurers_.find(fs);
  if (it == measurers_.end())
    it = measurers_.emplace(fs, std::make_unique<TtfMeasurer>(fonts_, fs)).first;
  return *it->second;
}

float Canvas::TextWidth(std::string_view s, float px, const TextStyle& style) {
  return MeasurerFor(style).Width(s, px);
}

const CachedTexture* Canvas::RunTexture(const FontRun& run, int px, Color c) {
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, "\x1f%d\x1f%d\x1f%02x%02x%02x", run.face, px, c.r, c.g, c.b);
  std::string key = run.text + suffix;
  if (const CachedTexture* t = text_cache_.Find(key)) return t;
  TTF_Font* font = fonts_.Get(run.face, px);
  if (!font) return nullptr;
  SDL_Surface* s = TTF_RenderUTF8_Blended(font, run.text.c_str(), SDL_Color{c.r, c.g, c.b, 255});
  if (!s) return nullptr;
  SDL_Texture* tex = SDL_CreateTextureFromSurface(renderer_, s);
  int w = s->w, h = s->h;
  SDL_FreeSurface(s);
  if (!tex) return nullptr;
  SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
  if (fonts_.IsBitmapFace(run.face) && h > 0) {
    w = w * px / h;
    h = px;
  }
  return text_cache_.Put(key, tex, w, h);
}

float Canvas::DrawRun(std::string_view s, float x, float y, int px, const FontStyle& fs, Color c) {
  const int baseline = int(std::lround(y)) + fonts_.Ascent(fonts_.PrimaryFace(fs), px);
  float cursor = x;
  for (const auto& run : fonts_.Split(s, fs, px)) {
    const int advance = fonts_.RunWidth(run, px);
    if (const CachedTexture* t = RunTexture(run, px, c)) {
      int top = fonts_.IsBitmapFace(run.face) ? int(std::lround(y))
                                              : baseline - fonts_.Ascent(run.face, px);
      SDL_Rect dst{int(std::lround(cursor)), top, t->w, t->h};
      if (c.a != 255) SDL_SetTextureAlphaMod(t->texture, c.a);
      SDL_RenderCopy(renderer_, t->texture, nullptr, &dst);
      if (c.a != 255) SDL_SetTextureAlphaMod(t->texture, 255);
    }
    cursor += advance;
  }
  return cursor - x;
}

namespace {
text::BoxSpec SpecFor(RectF box, const Fit& fit, const std::string& lang) {
  text::BoxSpec spec;
  spec.width = box.w;
  spec.height = box.h;
  spec.lang = lang;
  spec.max_px = fit.max_px;
  spec.min_px = std::min(fit.min_px, fit.max_px);
  spec.line_spacing = fit.line_spacing;
  spec.max_lines = fit.max_lines;
  spec.balance = fit.balance;
  spec.align = fit.align == Align::kCenter  ? text::Align::kCenter
               : fit.align == Align::kRight ? text::Align::kEnd
                                            : text::Align::kStart;
  return spec;
}
}  // namespace

text::Layout Canvas::Measure(const std::vector<feed::RubySegment>& segments, RectF box,
                             const Fit& fit, const TextStyle& style) {
  text::BoxSpec spec = SpecFor(box, fit, style.lang);
  spec.balance = spec.balance || style.role == "title";
  return text::LayoutText(segments, spec, MeasurerFor(style), &phrases_);
}

void Canvas::DrawLayout(const text::Layout& layout, RectF box, const Fit& fit,
                        const TextStyle& style) {
  const FontStyle fs = FontStyleFor(style);
  const float y0 = box.y + (fit.valign_center ? std::max(0.f, (box.h - layout.height) / 2) : 0);
  const int px = FontPx(layout.px);
  for (const auto& line : layout.lines) {
    // The layout places each line (alignment included) and splits it into runs (group ruby).
    const float x = box.x + line.x, y = y0 + line.baseline_top;
    if (line.runs.empty()) {
      DrawRun(line.text, x, y, px, fs, style.color);
    } else {
      for (const auto& run : line.runs) DrawRun(run.text, x + run.x, y, px, fs, style.color);
    }
    RectF rect{x, y, line.w, layout.px};
    record_.texts.push_back({line.text, style.role, style.lang, rect, layout.px, style.color,
                             record_.ColorAt(rect.x + rect.w / 2, rect.y + rect.h / 2, background_),
                             box});
    for (const auto& rb : line.ruby) {
      const float rx = x + rb.x, ry = y0 + line.y;
      DrawRun(rb.text, rx, ry, FontPx(rb.px), fs, style.color);
      RectF rr{rx, ry, rb.w, rb.px};
      record_.texts.push_back({rb.text, "ruby", style.lang, rr, rb.px, style.color,
                               record_.ColorAt(rr.x + rr.w / 2, rr.y + rr.h / 2, background_),
                               box});
    }
  }
}

text::Layout Canvas::Text(const std::vector<feed::RubySegment>& segments, RectF box, const Fit& fit,
                          const TextStyle& style) {
  text::Layout layout = Measure(segments, box, fit, style);
  DrawLayout(layout, box, fit, style);
  return layout;
}

text::Layout Canvas::Text(std::string_view plain, RectF box, const Fit& fit,
                          const TextStyle& style) {
  return Text(std::vector<feed::RubySegment>{{std::string(plain), ""}}, box, fit, style);
}

text::Layout Canvas::Text(const feed::Text& t, std::string_view lang, RectF box, const Fit& fit,
                          TextStyle style) {
  const feed::LocalizedString* v = t.pick(lang);
  if (!v) return {};
  style.lang = v->lang;
  return Text(v->segments, box, fit, style);
}

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

void Canvas::RotatedQuad(SDL_Texture* texture, int w, int h, float cx, float cy, double rad,
                         uint8_t alpha) {
  // The texture's rectangle turned about (cx, cy), drawn as banded triangles that sample the
  // texture directly: no rotated copy is made, and a software renderer only visits pixels near
  // the turned rectangle (SDL_RenderCopyEx would rotozoom the whole bounding box each time).
  const float c = float(std::cos(rad)), s = float(std::sin(rad));
  const float hw = w / 2.f, hh = h / 2.f;
  const auto turn = [&](float x, float y) {
    return PointF{cx + x * c - y * s, cy + x * s + y * c};
  };
  const std::vector<PointF> quad{turn(-hw, -hh), turn(hw, -hh), turn(hw, hh), turn(-hw, hh)};
  const std::vector<PointF> tris = SplitIntoBands(quad, 16);
  std::vector<SDL_Vertex> v;
  v.reserve(tris.size());
  for (const PointF& p : tris) {
    const float dx = p.x - cx, dy = p.y - cy;
    const float u = std::clamp((dx * c + dy * s + hw) / w, 0.f, 1.f);
    const float t = std::clamp((-dx * s + dy * c + hh) / h, 0.f, 1.f);
    v.push_back({{p.x, p.y}, {255, 255, 255, alpha}, {u, t}});
  }
  if (!v.empty())
    SDL_RenderGeometry(renderer_, texture, v.data(), static_cast<int>(v.size()), nullptr, 0);
}

void Canvas::RotatedText(std::string_view s, float cx, float cy, float px, float degrees,
                         const TextStyle& style, uint8_t alpha) {
  const FontStyle fs = FontStyleFor(style);
  const int ipx = FontPx(px);
  float total = 0;
  auto runs = fonts_.Split(s, fs, ipx);
  for (const auto& run : runs) total += fonts_.RunWidth(run, ipx);
  // Turning text costs a software renderer a pass over every pixel of it, so the turned string
  // (with its alpha) is made once and kept in the text cache; showing it again is one blend.
  const double rad = degrees * M_PI / 180.0;
  const float c = float(std::abs(std::cos(rad))), sn = float(std::abs(std::sin(rad)));
  float line_h = float(ipx);
  for (const auto& run : runs)
    if (TTF_Font* f = fonts_.Get(run.face, ipx))
      line_h = std::max(line_h, float(TTF_FontHeight(f)));
  const int bw = int(std::ceil(total * c + line_h * sn)) + 2;
  const int bh = int(std::ceil(total * sn + line_h * c)) + 2;
  char suffix[96];
  std::snprintf(suffix, sizeof suffix, "\x1fturned\x1f%d\x1f%.2f\x1f%02x%02x%02x%02x", ipx, degrees,
                style.color.r, style.color.g, style.color.b, alpha);
  const std::string key = std::string(s) + suffix;
  const CachedTexture* baked = text_cache_.Find(key);
  if (!baked && bw > 0 && bh > 0 && bw <= 8192 && bh <= 8192) {
    SDL_Texture* t =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, bw, bh);
    if (t) {
      SDL_Texture* previous = SDL_GetRenderTarget(renderer_);
      SDL_Rect clip;
      SDL_RenderGetClipRect(renderer_, &clip);
      const bool clipped = SDL_RenderIsClipEnabled(renderer_);
      SDL_SetRenderTarget(renderer_, t);
      SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
      SDL_SetRenderDrawColor(renderer_, style.color.r, style.color.g, style.color.b, 0);
      SDL_RenderClear(renderer_);
      // Each run turns about the common centre so the whole string reads as one; copied (not
      // blended) into the transparent texture, its alpha scaled by `alpha`.
      float offset = -total / 2;
      for (const auto& run : runs) {
        const float w = fonts_.RunWidth(run, ipx);
        if (const CachedTexture* r = RunTexture(run, ipx, style.color)) {
          const float mid = offset + w / 2;
          SDL_SetTextureBlendMode(r->texture, SDL_BLENDMODE_NONE);
          RotatedQuad(r->texture, r->w, r->h, bw / 2.f + mid * float(std::cos(rad)),
                      bh / 2.f + mid * float(std::sin(rad)), rad, alpha);
          SDL_SetTextureBlendMode(r->texture, SDL_BLENDMODE_BLEND);
        }
        offset += w;
      }
      SDL_SetRenderTarget(renderer_, previous);
      SDL_RenderSetClipRect(renderer_, clipped ? &clip : nullptr);
      SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
      baked = text_cache_.Put(key, t, bw, bh);
    }
  }
  if (baked) {
    SDL_Rect dst{int(std::lround(cx - baked->w / 2.f)), int(std::lround(cy - baked->h / 2.f)),
                 baked->w, baked->h};
    SDL_RenderCopy(renderer_, baked->texture, nullptr, &dst);
  }
  // Recorded as one line at its unrotated centre (bg = what lies under the centre).
  RectF rect{cx - total / 2, cy - px / 2, total, px};
  record_.texts.push_back({std::string(s),
                           style.role,
                           style.lang,
                           rect,
                           px,
                           style.color,
                           record_.ColorAt(cx, cy, background_),
                           {0, 0, float(record_.width), float(record_.height)}});
}

}  // namespace machikado::render
