// Display: the kiosk's output — an SDL window (desktop full-screen by default, or a development
// window) with the SDL_Renderer that RendererChoice picks for the hardware (the GPU's when OpenGL
// is real hardware, else SDL's software renderer presenting without OpenGL), or, headless, an
// offscreen software renderer with no display at all. Handles screens mounted in portrait
// (rotation_deg): slides are laid out at the logical size and turned when presented.
// Screen blanking and the screensaver are inhibited while it lives. Owns the window and renderer;
// main thread only.
#pragma once

#include <SDL2/SDL.h>

#include <memory>
#include <string>

#include "config/config.h"
#include "core/status.h"
#include "kiosk/renderer_choice.h"

namespace machikado::kiosk {

struct DisplayOptions {
  bool headless = false;      // no window: draw offscreen (tests, soak runs, servers)
  int width = 0, height = 0;  // window size; 0 = desktop full-screen (headless: 1920×1080)
  int rotation_deg = 0;       // 0, 90, 180, 270
  config::RendererPreference renderer = config::RendererPreference::kAuto;
};

class Display {
 public:
  // SDL_Init(SDL_INIT_VIDEO) must have succeeded (headless: with the offscreen or dummy driver).
  static Result<std::unique_ptr<Display>> Open(const DisplayOptions& options);
  // The logical size Open is expected to give, known before the window exists (SDL video must be
  // initialised; headless needs nothing). It can differ from the real one (a high-DPI output has
  // more pixels than its window): compare with logical_width/height once open. False if unknown.
  static bool PlannedLogicalSize(const DisplayOptions& options, int* w, int* h);
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  SDL_Window* window() const { return window_; }
  // Size slides are laid out at (portrait when rotated by 90/270).
  int logical_width() const { return logical_w_; }
  int logical_height() const { return logical_h_; }
  bool headless() const { return window_ == nullptr; }
  std::string renderer_name() const;
  // Which path Open took and why (for the log, status.json and metrics).
  const RendererChoice& renderer_choice() const { return choice_; }
  // The GPU renderer on real hardware: blending costs nothing, crossfades may run at full rate.
  bool hardware_blending() const { return choice_.path == RendererPath::kGpu && choice_.hardware; }

  // Presents one frame of a single colour: the window shows the kiosk's page at once while the
  // first slide is still being drawn, and the display path (framebuffer, compositor) is warm
  // for it.
  void ShowBackground(SDL_Color color);
  // Begin a frame: subsequent drawing goes to the logical-size target.
  void BeginFrame();
  // Ends the frame: rotates onto the window if needed and presents (no-op present when headless).
  void Present();
  // Desktop full-screen was asked for at Open: requests it from the window manager now (after the
  // first frame is on screen; may block up to 100 ms without a window manager). Idempotent.
  void RequestFullscreen();
  // The window size changed (or display rotated): recompute sizes. True when the logical size
  // changed.
  bool Resized();
  // SDL textures the display itself holds (the rotation target): 0 or 1.
  int live_textures() const { return rotated_ ? 1 : 0; }
  // Maps a window pixel (e.g. a tap) to logical coordinates.
  void WindowToLogical(int wx, int wy, float* lx, float* ly) const;

 private:
  Display() = default;
  bool CreateRotationTarget();
  Status CreateRenderer();

  DisplayOptions options_;
  RendererChoice choice_;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  SDL_Surface* surface_ = nullptr;   // headless target
  SDL_Texture* rotated_ = nullptr;   // logical-size target when rotation_deg != 0
  bool fullscreen_pending_ = false;  // desktop-sized window; full-screen after the first frame
  int window_w_ = 0, window_h_ = 0;
  int logical_w_ = 0, logical_h_ = 0;
};

}  // namespace machikado::kiosk
