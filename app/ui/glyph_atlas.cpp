#include "ui/glyph_atlas.h"

#include <algorithm>
#include <chrono>

#include <SDL2/SDL_ttf.h>
#include <imgui_impl_sdlrenderer.h>

namespace machikado::ui {

namespace {

bool IsHangul(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7AF);
}

bool IsHan(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

std::string Utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s.push_back(char(c));
  } else if (c < 0x800) {
    s.push_back(char(0xC0 | (c >> 6)));
    s.push_back(char(0x80 | (c & 0x3F)));
  } else {
    s.push_back(char(0xE0 | (c >> 12)));
    s.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    s.push_back(char(0x80 | (c & 0x3F)));
  }
  return s;
}

}  // namespace

GlyphAtlas::GlyphAtlas(render::FontSet& fonts, Log& log) : fonts_(fonts), log_(log) {}

void GlyphAtlas::Release() {
  if (has_texture_) {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    has_texture_ = false;
    stats_.textures_live = 0;
  }
}

bool GlyphAtlas::Rasterize(char32_t cp, int px, Raster& out) {
  // Hangul in the Korean face, Han that BIZ UDPGothic lacks in the simplified Chinese one, the
  // rest (Vietnamese letters, symbols) down the Latin chain: DejaVu Sans, then Noto Sans CJK.
  const render::Script script = IsHangul(cp) ? render::Script::kKorean
                                : IsHan(cp)  ? render::Script::kChineseSimplified
                                             : render::Script::kLatin;
  const std::vector<render::FontRun> runs = fonts_.Split(Utf8(cp), {true, script}, px);
  if (runs.size() != 1 || fonts_.IsBitmapFace(runs[0].face)) return false;
  TTF_Font* font = fonts_.Get(runs[0].face, px);
  if (!font || !TTF_GlyphIsProvided32(font, Uint32(cp))) return false;
  int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
  if (TTF_GlyphMetrics32(font, Uint32(cp), &minx, &maxx, &miny, &maxy, &advance) != 0) return false;
  SDL_Surface* s = TTF_RenderGlyph32_Blended(font, Uint32(cp), SDL_Color{255, 255, 255, 255});
  if (!s) return false;
  out = Raster{};
  out.advance = float(advance);
  if (SDL_LockSurface(s) == 0) {
    // The ink box of the rendered glyph (alpha channel of ARGB8888), placed by its metrics: left
    // edge at minx from the pen, top edge maxy above the baseline.
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    auto alpha = [&](int x, int y) {
      const Uint32 p = static_cast<const Uint32*>(
          static_cast<const void*>(static_cast<const Uint8*>(s->pixels) + y * s->pitch))[x];
      Uint8 r, g, b, a;
      SDL_GetRGBA(p, s->format, &r, &g, &b, &a);
      return a;
    };
    for (int y = 0; y < s->h; ++y)
      for (int x = 0; x < s->w; ++x)
        if (alpha(x, y)) {
          x0 = std::min(x0, x), x1 = std::max(x1, x);
          y0 = std::min(y0, y), y1 = std::max(y1, y);
        }
    if (x1 >= x0) {
      out.w = x1 - x0 + 1;
      out.h = y1 - y0 + 1;
      out.alpha.resize(size_t(out.w) * out.h);
      for (int y = 0; y < out.h; ++y)
        for (int x = 0; x < out.w; ++x) out.alpha[size_t(y) * out.w + x] = alpha(x0 + x, y0 + y);
      out.left = float(minx);
      out.top = float(maxy);
    }
    SDL_UnlockSurface(s);
  }
  SDL_FreeSurface(s);
  if (out.alpha.empty()) {  // a space: an empty 1×1 box that only advances
    out.w = out.h = 1;
    out.alpha.assign(1, 0);
  }
  return true;
}

Status GlyphAtlas::Ensure(const std::vector<std::string>& texts, float px) {
  std::set<ImWchar> wanted;
  for (ImWchar c = 0x20; c < 0x7F; ++c) wanted.insert(c);
  wanted.insert(0x2026);  // … for labels ImGui has to shorten
  for (const std::string& t : texts) {
    size_t i = 0;
    while (i < t.size()) {
      const char32_t cp = render::NextCodePoint(t, i);
      if (cp >= 0x20 && cp <= 0xFFFF && wanted.size() < kMaxGlyphs) wanted.insert(ImWchar(cp));
    }
  }
  if (wanted == glyphs_ && px == px_ && has_texture_) return Status::Ok();

  const auto start = std::chrono::steady_clock::now();
  ImGuiIO& io = ImGui::GetIO();
  Release();
  io.Fonts->Clear();
  ranges_.clear();
  // What BIZ UDPGothic Bold has is rasterised by ImGui from that file (4.6 MB, read once and
  // dropped after the build). The rest — Hangul, simplified Han, Vietnamese letters — is drawn by
  // the renderer's FreeType faces (FontSet: Noto Sans CJK and DejaVu Sans, already open for the
  // content) and copied into the atlas as custom glyphs. ImGui never reads Noto Sans CJK: given
  // the file, it copied the 20 MB collection per face merged until the build (a Korean or Chinese
  // detail raised the peak RSS by ~45 MB; measured in glyph_atlas_test.cpp).
  const render::FontStyle base_style{true, render::Script::kLatin};
  std::vector<ImWchar> others;
  for (ImWchar c : wanted) {
    if (c < 0x80 || fonts_.PrimaryProvides(base_style, char32_t(c))) {
      ranges_.push_back(c);  // one [c, c] range per glyph; sorted, so ImGui walks them in order
      ranges_.push_back(c);
    } else {
      others.push_back(c);
    }
  }
  ranges_.push_back(0);

  const std::string base = fonts_.PrimaryPath(base_style);
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // large sizes: oversampling only doubles the texture
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  font_ = io.Fonts->AddFontFromFileTTF(base.c_str(), px, &cfg, ranges_.Data);
  if (!font_) return Status::NotFound("cannot load the ImGui font " + base);

  // ImGui sizes BIZ UDPGothic by ascent + descent, which is its em (1.0): SDL_ttf at `px` draws
  // the other faces at the same em.
  const int px_i = std::max(1, int(px + 0.5f));
  struct Pending {
    ImWchar cp;
    int rect;
    Raster raster;
  };
  std::vector<Pending> pending;
  for (ImWchar c : others) {
    Pending p{c, -1, {}};
    if (!Rasterize(char32_t(c), px_i, p.raster)) continue;  // ImGui draws its fallback glyph
    p.rect = io.Fonts->AddCustomRectFontGlyph(font_, c, p.raster.w, p.raster.h, p.raster.advance,
                                              ImVec2(p.raster.left, -p.raster.top));
    pending.push_back(std::move(p));
  }
  if (!io.Fonts->Build())
    return Status::Error(StatusCode::kInternal, "ImGui font atlas build failed");
  unsigned char* pixels = nullptr;
  int tex_w = 0, tex_h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &tex_w, &tex_h);
  for (const Pending& p : pending) {
    const ImFontAtlasCustomRect* r = io.Fonts->GetCustomRectByIndex(p.rect);
    if (!r->IsPacked()) continue;
    for (int y = 0; y < p.raster.h; ++y)
      std::copy_n(p.raster.alpha.data() + size_t(y) * p.raster.w, p.raster.w,
                  pixels + size_t(r->Y + y) * tex_w + r->X);
  }
  // The custom glyphs were placed relative to the baseline; ImGui's glyph boxes are relative to
  // the top of the line, where the baseline is at the font's ascent (known after the build).
  // ImGui places its own glyphs at the rounded ascent; so do these.
  const float baseline = float(int(font_->Ascent + 0.5f));
  stats_.custom_glyphs = 0;
  for (ImFontGlyph& g : font_->Glyphs) {
    if (!std::binary_search(others.begin(), others.end(), ImWchar(g.Codepoint))) continue;
    g.Y0 += baseline;
    g.Y1 += baseline;
    ++stats_.custom_glyphs;
  }
  if (!ImGui_ImplSDLRenderer_CreateFontsTexture())
    return Status::Error(StatusCode::kInternal, "cannot create the ImGui font texture");
  has_texture_ = true;

  glyphs_ = std::move(wanted);
  px_ = px;
  ++stats_.builds;
  stats_.glyphs = glyphs_.size();
  stats_.texture_w = io.Fonts->TexWidth;
  stats_.texture_h = io.Fonts->TexHeight;
  stats_.texture_bytes = size_t(io.Fonts->TexWidth) * io.Fonts->TexHeight * 4;
  stats_.max_texture_bytes = std::max(stats_.max_texture_bytes, stats_.texture_bytes);
  stats_.textures_live = 1;
  stats_.last_build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  stats_.max_build_ms = std::max(stats_.max_build_ms, stats_.last_build_ms);
  // The atlas's CPU-side pixels are not needed once uploaded, nor the font file once built.
  io.Fonts->ClearTexData();
  io.Fonts->ClearInputData();
  log_.debug("imgui atlas: " + std::to_string(stats_.glyphs) + " glyphs (" +
             std::to_string(stats_.custom_glyphs) + " from FontSet), " +
             std::to_string(stats_.texture_w) + "x" + std::to_string(stats_.texture_h));
  return Status::Ok();
}

}  // namespace machikado::ui
