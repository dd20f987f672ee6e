// display_floor: the least any SDL program must do to put one full-screen frame on this display —
// the floor under machikado's "launch to first slide" (docs/benchmarks.md, "The screen").
// It opens the window the way the kiosk does (borderless, desktop-sized, no compose table, and the
// renderer the kiosk's `auto` takes on a machine without a GPU device: SDL's software renderer with
// an unaccelerated framebuffer; with a /dev/dri node, the one SDL picks) and presents one frame:
//   display_floor clear   a frame of one colour
//   display_floor slide   a screen-sized target texture, cleared, copied to the window (the way
//                         the kiosk shows a prepared slide)
// and writes "presented" to stderr when SDL_RenderPresent returns; bench/kiosk/launch.py times
// that line from the moment it starts the process.
//   display_floor faults  prints what touching fresh memory costs here (µs per 4 KiB page fault):
//                         every new full-screen buffer (8 MB at 1920×1080) is 2,025 of them.
// A plain program: SDL2 only, no machikado code.
#include <SDL2/SDL.h>
#include <dirent.h>
#include <sys/mman.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Median over 5 rounds of touching 64 MiB of fresh anonymous memory, one write per page.
int PageFaults() {
  const size_t bytes = size_t(64) << 20, page = 4096;
  double us[5];
  for (double& u : us) {
    void* m = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return 1;
    auto* p = static_cast<volatile char*>(m);
    const auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < bytes; i += page) p[i] = 1;
    const auto t1 = std::chrono::steady_clock::now();
    munmap(m, bytes);
    u = std::chrono::duration<double, std::micro>(t1 - t0).count() / double(bytes / page);
  }
  std::sort(us, us + 5);
  std::printf("page fault (first touch of a 4 KiB page): %.2f us, median of 5 x 64 MiB\n", us[2]);
  return 0;
}

bool DrmDevicePresent() {
  DIR* dir = opendir("/dev/dri");
  if (!dir) return false;
  bool found = false;
  while (const dirent* e = readdir(dir))
    if (!std::strncmp(e->d_name, "card", 4) || !std::strncmp(e->d_name, "renderD", 7)) found = true;
  closedir(dir);
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "faults") == 0) return PageFaults();
  const bool slide = argc > 1 && std::strcmp(argv[1], "slide") == 0;
  setenv("XCOMPOSEFILE", "/dev/null", 0);  // as the kiosk does (ui/kiosk_safety.cpp)
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "display_floor: %s\n", SDL_GetError());
    return 1;
  }
  SDL_Rect desktop{0, 0, 1920, 1080};
  SDL_GetDisplayBounds(0, &desktop);
  SDL_Window* window = SDL_CreateWindow("display_floor", desktop.x, desktop.y, desktop.w, desktop.h,
                                        SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS);
  const bool gpu = DrmDevicePresent();
  if (!gpu) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");  // as the kiosk (renderer_choice.h)
  SDL_Renderer* renderer =
      window && gpu
          ? SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE)
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
