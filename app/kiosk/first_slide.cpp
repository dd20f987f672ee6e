#include "kiosk/first_slide.h"

#include <chrono>

namespace machikado::kiosk {

std::unique_ptr<FirstSlide> FirstSlide::Start(int width, int height, render::FontSet& fonts,
                                              Log& log, DrawFn draw) {
  std::unique_ptr<FirstSlide> f(new FirstSlide(width, height, fonts, log));
  FirstSlide* self = f.get();
  self->worker_ =
      std::thread([self, draw = std::move(draw)]() mutable { self->Work(std::move(draw)); });
  return f;
}

FirstSlide::~FirstSlide() {
  Wait();
  if (surface_) SDL_FreeSurface(surface_);
}

void FirstSlide::Wait() {
  if (worker_.joinable()) worker_.join();
}

void FirstSlide::Work(DrawFn draw) {
  const auto start = std::chrono::steady_clock::now();
  // The surface is made here, not by the caller: its first touch (8 MB at 1920×1080) is part of
  // the work this thread takes off the main one.
  SDL_Surface* surface =
      SDL_CreateRGBSurfaceWithFormat(0, width_, height_, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Renderer* renderer = surface ? SDL_CreateSoftwareRenderer(surface) : nullptr;
  if (!renderer) {
    log_.warn(std::string("first slide: no offscreen renderer (") + SDL_GetError() +
              "); it is prepared after the display is up");
    if (surface) SDL_FreeSurface(surface);
    return;
  }
  std::optional<Drawn> drawn;
  {
    // Its text and image textures belong to `renderer` and go with it.
    render::SlideRenderer slides(renderer, fonts_, log_);
    drawn = draw(slides);
    SDL_RenderFlush(renderer);
  }
  SDL_DestroyRenderer(renderer);
  draw_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (drawn) {
    surface_ = surface;
    drawn_ = std::move(drawn);
  } else {
    SDL_FreeSurface(surface);
  }
}

bool FirstSlide::UploadTo(SDL_Renderer* renderer, render::SlideTexture& into) {
  Wait();
  bool ok = false;
  if (surface_ && drawn_) {
    render::TexturePtr t(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888,
                                           SDL_TEXTUREACCESS_TARGET, width_, height_));
    if (t && SDL_UpdateTexture(t.get(), nullptr, surface_->pixels, surface_->pitch) == 0) {
      SDL_SetTextureBlendMode(t.get(), SDL_BLENDMODE_BLEND);  // as SlideRenderer's targets
      into.texture = std::move(t);
      into.width = width_;
      into.height = height_;
      into.record = drawn_->record;
      into.item_id = drawn_->item_id;
      into.prepare_ms = draw_ms_;
      ok = true;
    } else {
      log_.warn(std::string("first slide: cannot upload (") + SDL_GetError() + ")");
    }
  }
  if (surface_) SDL_FreeSurface(surface_);
  surface_ = nullptr;
  return ok;
}

}  // namespace machikado::kiosk
