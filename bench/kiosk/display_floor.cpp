// display_floor: the least any SDL program must do to put one full-screen frame on this display —
// the floor under machikado's "launch to first slide" (docs/benchmarks.md, "The screen").
// It opens the window the way the kiosk does (borderless, desktop-sized, the renderer SDL picks
// under the same environment, no compose table) and presents one frame:
//   display_floor clear   a frame of one colour
//   display_floor slide   a screen-sized target texture, cleared, copied to the window (the way
//                         the kiosk shows a prepared slide)
// and writes "presented" to stderr when SDL_RenderPresent returns; bench/kiosk/launch.py times
// that line from the moment it starts the process. A plain program: SDL2 only, no machikado code.
#include <SDL2/SDL.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
  const bool slide = argc > 1 && std::strcmp(argv[1], "slide") == 0;
  setenv("XCOMPOSEFILE", "/dev/null", 0);  // as the kiosk does (ui/kiosk_safety.cpp)
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "display_floor: %s\n", SDL_GetError());
    return 1;
  }
  SDL_Rect desktop{0, 0, 1920, 1080};
  SDL_GetDisplayBounds(0, &desktop);
  SDL_Window* window = SDL_CreateWindow("display_floor", desktop.x, desktop.y, desktop.w,
                                        desktop.h, SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS);
  SDL_Renderer* renderer =
      window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE)
             : nullptr;
  if (!renderer && window)
    renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
  if (!renderer) {
    std::fprintf(stderr, "display_floor: %s\n", SDL_GetError());
    return 1;
  }
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer, &w, &h);
  SDL_Texture* target = nullptr;
  if (slide) {
    target = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, w, h);
    SDL_SetRenderTarget(renderer, target);
    SDL_SetRenderDrawColor(renderer, 0xf4, 0xf1, 0xea, 255);
    SDL_RenderClear(renderer);
    SDL_SetRenderTarget(renderer, nullptr);
    SDL_RenderCopy(renderer, target, nullptr, nullptr);
  } else {
    SDL_SetRenderDrawColor(renderer, 0xf4, 0xf1, 0xea, 255);
    SDL_RenderClear(renderer);
  }
  SDL_RenderPresent(renderer);
  std::fprintf(stderr, "presented\n");
  std::fflush(stderr);
  // Stay up briefly, like a kiosk would, so the launcher sees the whole first frame.
  SDL_Delay(200);
  if (target) SDL_DestroyTexture(target);
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
