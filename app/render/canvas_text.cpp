// Canvas (canvas.h), its text: fonts and measurers per style, laying text out (text::LayoutText)
// into boxes and drawing the lines run by run from the text texture cache, and turned text (the
// exercise watermark) drawn as banded triangles. Render thread only.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/canvas.h"

namespace machikado::render {

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
