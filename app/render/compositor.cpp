#include "render/compositor.h"

#include <algorithm>
#include <cmath>

#include "render/theme.h"

namespace machikado::render {

void Compositor::Show(const SlideTexture& slide) {
  if (!slide.texture) return;
  SDL_SetTextureBlendMode(slide.texture.get(), SDL_BLENDMODE_NONE);
  SDL_SetTextureAlphaMod(slide.texture.get(), 255);
  SDL_RenderCopy(renderer_, slide.texture.get(), nullptr, nullptr);
}

void Compositor::Crossfade(const SlideTexture& from, const SlideTexture& to, float t) {
  t = std::clamp(t, 0.f, 1.f);
  const float eased = t * t * (3 - 2 * t);
  Show(from);
  if (!to.texture) return;
  SDL_SetTextureBlendMode(to.texture.get(), SDL_BLENDMODE_BLEND);
  SDL_SetTextureAlphaMod(to.texture.get(), static_cast<Uint8>(std::lround(eased * 255)));
  SDL_RenderCopy(renderer_, to.texture.get(), nullptr, nullptr);
  SDL_SetTextureAlphaMod(to.texture.get(), 255);
}

void Compositor::Progress(const ScreenLayout& s, float progress) {
  const Color track = theme::kTrack, fill = theme::kProgress;
  SDL_Rect r{int(s.progress.x), int(s.progress.y), int(s.progress.w), int(std::ceil(s.progress.h))};
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer_, track.r, track.g, track.b, 255);
  SDL_RenderFillRect(renderer_, &r);
  r.w = int(s.progress.w * std::clamp(progress, 0.f, 1.f));
  SDL_SetRenderDrawColor(renderer_, fill.r, fill.g, fill.b, 255);
  if (r.w > 0) SDL_RenderFillRect(renderer_, &r);
}

}  // namespace machikado::render
