// Compositor: puts prepared slides on the screen — one slide, or a crossfade between two (alpha
// blending the incoming texture over the outgoing one) — plus the live progress bar over the
// footer, so the App redraws only when something changes. Stateless; render thread only.
#pragma once

#include <SDL2/SDL.h>

#include "render/screen_layout.h"
#include "render/slide_renderer.h"

namespace machikado::render {

class Compositor {
 public:
  explicit Compositor(SDL_Renderer* renderer) : renderer_(renderer) {}
  // Copies `slide` to the whole current target.
  void Show(const SlideTexture& slide);
  // `t` in [0, 1]: 0 shows `from`, 1 shows `to`. Eased (smoothstep) so the fade starts and ends
  // softly.
  void Crossfade(const SlideTexture& from, const SlideTexture& to, float t);
  // Redraws the progress bar of the screen layout (the rest of the footer is in the slide texture).
  void Progress(const ScreenLayout& layout, float progress);

 private:
  SDL_Renderer* renderer_;
};

}  // namespace machikado::render
