// SlideRenderer: draws a whole screen for one item — header, banner, the kind's template, footer,
// the exercise marking — into a target texture (Prepare) or the current render target (Draw),
// returning what was drawn as a LayoutRecord. The App prepares the next slide ahead of its
// transition and composites prepared textures (compositor.h); nothing here waits on the network or
// the disk except image files named by the item (loaded once, then cached). Owns its text and image
// texture caches; borrows the SDL_Renderer and FontSet, which must outlive it. Render thread only.
#pragma once

#include <memory>

#include <SDL2/SDL.h>

#include "core/log.h"
#include "feed/model.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/layout_record.h"
#include "render/screen_layout.h"
#include "render/texture_cache.h"

namespace machikado::render {

enum class SlideMode { kRotation, kTakeover };

struct TextureDeleter {
  void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;

// A prepared slide: a w×h target texture plus the record of what is on it.
struct SlideTexture {
  TexturePtr texture;
  int width = 0, height = 0;
  LayoutRecord record;
  double prepare_ms = 0;  // wall time Prepare took (for benchmarks; never asserted in tests)
  std::string item_id;
  bool valid() const { return texture != nullptr; }
};

class SlideRenderer {
 public:
  SlideRenderer(SDL_Renderer* renderer, FontSet& fonts, Log& log);

  // Draws the slide for `item` into `into` (its texture is reused when the size matches). On
  // failure to create a target texture, returns false and leaves `into` without a texture.
  bool Prepare(const feed::Item& item, const SlideContext& ctx, SlideMode mode, SlideTexture& into);
  // The screen shown when nothing is eligible ("no notices at the moment"), same contract.
  bool PrepareIdle(const SlideContext& ctx, SlideTexture& into);
  // Draws to the renderer's current target; returns the record.
  LayoutRecord Draw(const feed::Item& item, const SlideContext& ctx, SlideMode mode);
  LayoutRecord DrawIdle(const SlideContext& ctx);
  LayoutRecord DrawNotConfigured(const SlideContext& ctx);
  // The last-resort screen, for when no slide can be prepared: the header (center name, clock)
  // and 「ただいま準備中です」. Draws to the current render target and needs no texture of its own.
  LayoutRecord DrawLastResort(const SlideContext& ctx);

  TextureCacheStats text_cache_stats() const { return text_cache_.stats(); }
  TextureCacheStats image_cache_stats() const { return image_cache_.stats(); }
  FontSet& fonts() { return fonts_; }

 private:
  bool EnsureTarget(const SlideContext& ctx, SlideTexture& into);
  SDL_Renderer* renderer_;
  FontSet& fonts_;
  Log& log_;
  // Budgets (docs/caps.md). A software renderer keeps every texture in the kiosk's own memory, and
  // a rotation is far longer than any cache could hold, so these keep what repeats from slide to
  // slide (header, footer, labels, the current slide's runs) and bound RSS for months.
  TextureCache text_cache_{512, 6u << 20};
  TextureCache image_cache_{8, 4u << 20};
  Canvas canvas_;
};

}  // namespace machikado::render
