#include "ui/glyph_atlas.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include <imgui_impl_sdlrenderer.h>


namespace machikado::ui {

namespace {

// Noto Sans CJK collection faces (fc-query): 1 KR, 2 SC.
constexpr int kCjkKorean = 1, kCjkSimplified = 2;

std::string Sibling(const std::string& path, const char* file) {
  if (path.empty()) return "";
  std::filesystem::path p = std::filesystem::path(path).parent_path() / file;
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec) ? p.string() : "";
}

std::string Existing(const char* path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? path : "";
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
  for (ImWchar c : wanted) {  // one [c, c] range per glyph; sorted, so ImGui walks them in order
    ranges_.push_back(c);
    ranges_.push_back(c);
  }
  ranges_.push_back(0);

  const std::string base = fonts_.PrimaryPath({true, render::Script::kLatin});
  const std::string cjk_bold = fonts_.PrimaryPath({true, render::Script::kKorean});
  const std::string dejavu =
      Existing("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf").empty()
          ? Sibling(base, "DejaVuSans-Bold.ttf")
          : std::string("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // large sizes: oversampling only doubles the texture
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  // ImGui reads each font file into a buffer of its own until the atlas is built; the input data
  // is dropped right after (ClearInputData below).
  auto add = [&](const std::string& path, float size) {
    return io.Fonts->AddFontFromFileTTF(path.c_str(), size, &cfg, ranges_.Data);
  };
  font_ = add(base, px);
  if (!font_) return Status::NotFound("cannot load the ImGui font " + base);
  cfg.MergeMode = true;
  // ImGui sizes a font by ascent + descent, which differ per family: scale the merged fonts so
  // their glyphs match BIZ UDPGothic's em (Noto Sans CJK 1.448 em, DejaVu Sans 1.164 em, BIZ
  // UD 1.0).
  // Noto Sans CJK (a 19 MB collection, added twice) only when BIZ UDPGothic lacks a wanted glyph
  // (Hangul, simplified Han): a Japanese or English detail then costs ~5 MB of transient copies, not
  // ~45 MB (measured with heaptrack in the soak run).
  const render::FontStyle base_style{true, render::Script::kLatin};
  const bool needs_cjk = std::any_of(wanted.begin(), wanted.end(), [&](ImWchar c) {
    return !fonts_.PrimaryProvides(base_style, char32_t(c));
  });
  stats_.cjk_fonts = 0;
  if (needs_cjk && !cjk_bold.empty() && cjk_bold != base) {
    for (int index : {kCjkKorean, kCjkSimplified}) {
      cfg.FontNo = index;
      if (add(cjk_bold, px * 1.448f)) ++stats_.cjk_fonts;
    }
    cfg.FontNo = 0;
  }
  if (!dejavu.empty()) add(dejavu, px * 1.164f);
  if (!io.Fonts->Build())
    return Status::Error(StatusCode::kInternal, "ImGui font atlas build failed");
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
  // The atlas's CPU-side pixels are not needed once uploaded, nor the font files once built.
  io.Fonts->ClearTexData();
  io.Fonts->ClearInputData();
  log_.debug("imgui atlas: " + std::to_string(stats_.glyphs) + " glyphs, " +
             std::to_string(stats_.texture_w) + "x" + std::to_string(stats_.texture_h));
  return Status::Ok();
}

}  // namespace machikado::ui
