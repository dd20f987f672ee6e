// GlyphAtlas: Dear ImGui's font atlas built only for the glyphs the open view needs. The full
// Japanese range at 48 px would be a 4096×8192 RGBA texture (128 MiB); the chrome of one view needs
// a few dozen glyphs (~1 MiB). Each Ensure() with a different glyph set rebuilds from scratch —
// clear the atlas, add the fonts for exactly these code points (capped at kMaxGlyphs), build, and
// replace the backend's font texture (the old one is destroyed first) — so the atlas never grows
// however many items and languages visitors open. Fonts: BIZ UDPGothic Bold, then Noto Sans CJK
// (KR, SC) and DejaVu Sans merged in for Hangul, simplified Han and Vietnamese letters.
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
  int cjk_fonts = 0;         // Noto Sans CJK faces merged into the current atlas (0 or 2)
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
