// DetailView: the touch overlay of the kiosk, drawn over the screen each frame it is needed.
// - Detail open: the whole notice (content drawn with render's Canvas, so the typography is the
//   slides' — kinsoku, ruby — into cached textures: a screen-sized base with the side panel and QR
//   code, and a scrolling column), the 訓練 / EXERCISE mark for exercises, and the interactive
//   chrome drawn with Dear ImGui: category tabs, language button, close button.
// - Browsing (a visitor touched the rotation): a bar at the bottom with the tabs, the language
//   button and previous / next.
// The chrome is drawn by chrome_draw.h; its geometry is ChromeLayout, the same the InputInterpreter
// hit-tests. ImGui runs in its own context, fed by hand (display size, delta time, pointer) — no
// ImGui platform backend, no window needed, so `machikado render --detail` draws it headless with
// the software renderer. The ImGui font atlas holds only the glyphs of the chrome in view
// (GlyphAtlas). Owns its ImGui context, textures and caches; borrows the SDL_Renderer and FontSet
// (which must outlive it). Render thread only.
#pragma once

#include <memory>
#include <string>

#include <SDL2/SDL.h>

#include "core/log.h"
#include "core/status.h"
#include "feed/model.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/layout_record.h"
#include "render/screen_layout.h"
#include "render/texture_cache.h"
#include "ui/chrome_layout.h"
#include "ui/detail_content.h"
#include "ui/glyph_atlas.h"
#include "ui/input_interpreter.h"

struct ImGuiContext;

namespace machikado::ui {

struct DetailFrame {
  const feed::Item* item = nullptr;  // the detail's item (state.detail_item_id), when open
  const UiState* state = nullptr;
  PointerState pointer;
  const ChromeLayout* chrome = nullptr;
  // Screen context (size, time zone, image resolver, asset dirs); its `lang` is replaced by the
  // visitor's language from the state.
  const render::SlideContext* ctx = nullptr;
  double dpi = 96;
  float dt_s = 1.0f / 30;  // time since the last frame
};

struct DetailViewStats {
  AtlasStats atlas;
  size_t content_builds = 0;    // base + column textures (re)drawn
  size_t content_textures = 0;  // alive now (0–2)
  size_t content_bytes = 0;     // their approximate RGBA size
  render::TextureCacheStats text_cache, image_cache;
};

class DetailView {
 public:
  static Result<std::unique_ptr<DetailView>> Create(SDL_Renderer* renderer, render::FontSet& fonts,
                                                    Log& log);
  ~DetailView();
  DetailView(const DetailView&) = delete;
  DetailView& operator=(const DetailView&) = delete;

  // Draws the overlay for the frame to the renderer's current target: the detail when open, the
  // browse bar when browsing, nothing at rest. Returns what was drawn (empty at rest).
  render::LayoutRecord Draw(const DetailFrame& frame);
  // Scrollable range of the open detail's column (feed to InputInterpreter::SetScrollMax).
  float scroll_max() const { return scroll_max_; }
  // Everything laid out in the open detail's scrolling column, in column coordinates — also what is
  // scrolled out of view (the frame's own record lists only what is visible).
  const render::LayoutRecord& content_record() const { return column_record_; }
  // Frees the content textures (e.g. when the detail closes) — they are rebuilt on demand.
  void ReleaseContent();
  // Back at rest: frees the content textures and empties the text and image caches.
  void Trim();
  DetailViewStats stats() const;

 private:
  DetailView(SDL_Renderer* renderer, render::FontSet& fonts, Log& log);
  bool EnsureContent(const DetailFrame& f, const render::SlideContext& ctx,
                     const DetailGeometry& g);
  void BeginImGui(const DetailFrame& f, const std::vector<std::string>& texts);
  void EndImGui();

  SDL_Renderer* renderer_;
  render::FontSet& fonts_;
  Log& log_;
  // One item at a time: small budgets (docs/caps.md).
  render::TextureCache text_cache_{256, 6u << 20};
  render::TextureCache image_cache_{8, 8u << 20};
  render::Canvas canvas_;
  ImGuiContext* imgui_ = nullptr;
  std::unique_ptr<GlyphAtlas> atlas_;

  // Content of the open detail, rebuilt when its key changes.
  std::string content_key_;
  SDL_Texture* base_ = nullptr;
  SDL_Texture* column_ = nullptr;
  int column_w_ = 0, column_h_ = 0;
  render::LayoutRecord base_record_, column_record_;
  float scroll_max_ = 0;
  size_t content_builds_ = 0;
};

}  // namespace machikado::ui
