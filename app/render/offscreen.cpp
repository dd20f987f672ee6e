#include "render/offscreen.h"

#include <cstring>

#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>

namespace machikado::render {

Result<std::unique_ptr<Offscreen>> Offscreen::Create(int width, int height) {
  if (width < 64 || height < 64 || width > 8192 || height > 8192)
    return Status::Invalid("size must be between 64×64 and 8192×8192");
  if (TTF_Init() != 0)
    return Status::Error(StatusCode::kInternal, std::string("SDL_ttf: ") + TTF_GetError());
  IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
  std::unique_ptr<Offscreen> o(new Offscreen());
  o->surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!o->surface_)
    return Status::Error(StatusCode::kInternal, std::string("surface: ") + SDL_GetError());
  o->renderer_ = SDL_CreateSoftwareRenderer(o->surface_);
  if (!o->renderer_)
    return Status::Error(StatusCode::kInternal, std::string("renderer: ") + SDL_GetError());
  return o;
}

Offscreen::~Offscreen() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
  IMG_Quit();
  TTF_Quit();
}

void Offscreen::Blit(const SlideTexture& slide) {
  SDL_SetRenderTarget(renderer_, nullptr);
  SDL_SetTextureBlendMode(slide.texture.get(), SDL_BLENDMODE_NONE);
  SDL_RenderCopy(renderer_, slide.texture.get(), nullptr, nullptr);
  SDL_RenderFlush(renderer_);
}

Status Offscreen::SavePng(const SlideTexture& slide, const std::string& path) {
  if (!slide.texture) return Status::Invalid("no slide to save");
  Blit(slide);
  if (IMG_SavePNG(surface_, path.c_str()) != 0)
    return Status::Io("cannot write " + path + ": " + IMG_GetError());
  return Status::Ok();
}

std::vector<uint32_t> Offscreen::Pixels(const SlideTexture& slide) {
  std::vector<uint32_t> out;
  if (!slide.texture) return out;
  Blit(slide);
  out.resize(size_t(surface_->w) * surface_->h);
  for (int y = 0; y < surface_->h; ++y)
    std::memcpy(&out[size_t(y) * surface_->w],
                static_cast<uint8_t*>(surface_->pixels) + size_t(y) * surface_->pitch,
                size_t(surface_->w) * 4);
  return out;
}

}  // namespace machikado::render
