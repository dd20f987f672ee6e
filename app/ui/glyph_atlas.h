// GlyphAtlas: Dear ImGui's font atlas built only for the glyphs the open view needs. The full
// Japanese range at 48 px would be a 4096×8192 RGBA texture (128 MiB); the chrome of one view needs
// a few dozen glyphs (~1 MiB). Each Ensure() with a different glyph set rebuilds from scratch —
// clear the atlas, add the fonts for exactly these code points (capped at kMaxGlyphs), build, and
// replace the backend's font texture (the old one is destroyed first) — so the atlas never grows
// however many items and languages visitors open. Fonts: BIZ UDPGothic Bold, read by ImGui; the
// glyphs it lacks (Hangul, simplified Han, Vietnamese letters) are rasterised by the renderer's own
// FreeType faces (FontSet: Noto Sans CJK KR / SC, DejaVu Sans) and copied in as custom glyphs, so
// ImGui never loads the 20 MB Noto Sans CJK collection (that cost a ~45 MB transient per build).
// Works on the current ImGui context (DetailView owns it), between frames only. Render thread.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/log.h"
#include "core/status.h"
#include "render/font_set.h"

namespace machikado::ui {

struct AtlasStats {
  size_t builds = 0;  // how many times the atlas was (re)built
  size_t glyphs = 0;  // code points requested in the current atlas
  int texture_w = 0, texture_h = 0;
  size_t texture_bytes = 0;  // RGBA bytes of the current font texture
  size_t max_texture_bytes = 0;
  double last_build_ms = 0;  // CPU time of the last rebuild (measured, never asserted)
  double max_build_ms = 0;
  size_t textures_live = 0;  // font textures alive now: 0 or 1
  size_t custom_glyphs = 0;  // glyphs of the current atlas drawn by FontSet (not BIZ UDPGothic)
};

class GlyphAtlas {
 public:
  static constexpr size_t kMaxGlyphs = 1500;  // cap: a view's chrome needs far fewer

  GlyphAtlas(render::FontSet& fonts, Log& log);

  // Makes the atlas cover `texts` at `px` (ASCII is always included). Rebuilds only when the glyph
  // set or size changed. Must be called outside ImGui::NewFrame/Render.
  Status Ensure(const std::vector<std::string>& texts, float px);
  // Destroys the font texture (before the ImGui context and renderer backend go away).
  void Release();

  const AtlasStats& stats() const { return stats_; }
  ImFont* font() const { return font_; }

 private:
  // One glyph drawn by FontSet: its ink as 8-bit coverage, placed from the pen and the baseline.
  struct Raster {
    int w = 0, h = 0;
    std::vector<unsigned char> alpha;
    float left = 0, top = 0;  // ink box: left of the pen, top above the baseline
    float advance = 0;
  };
  bool Rasterize(char32_t cp, int px, Raster& out);

  render::FontSet& fonts_;
  Log& log_;
  std::set<ImWchar> glyphs_;
  float px_ = 0;
  ImVector<ImWchar> ranges_;  // must outlive the atlas build
  ImFont* font_ = nullptr;
  AtlasStats stats_;
  bool has_texture_ = false;
};

}  // namespace machikado::ui
