// Offscreen: a software SDL_Renderer drawing into an in-memory surface — no display, no video
// driver — for `machikado render`, tests and benchmarks. Also initialises SDL_ttf and SDL_image for
// its lifetime (reference-counted by those libraries). Owns the surface and renderer; one thread.
#pragma once

#include <memory>
#include <string>

#include <SDL2/SDL.h>

#include "core/status.h"
#include "render/slide_renderer.h"

namespace machikado::render {

class Offscreen {
 public:
  static Result<std::unique_ptr<Offscreen>> Create(int width, int height);
  ~Offscreen();
  Offscreen(const Offscreen&) = delete;
  Offscreen& operator=(const Offscreen&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  // Copies a prepared slide onto the surface and writes it as PNG.
  Status SavePng(const SlideTexture& slide, const std::string& path);
  // Copies a prepared slide onto the surface and returns its pixels as packed 0xAARRGGBB.
  std::vector<uint32_t> Pixels(const SlideTexture& slide);

 private:
  Offscreen() = default;
  void Blit(const SlideTexture& slide);
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
};

}  // namespace machikado::render
