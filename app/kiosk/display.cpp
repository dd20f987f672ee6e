#include "kiosk/display.h"

namespace machikado::kiosk {
namespace {

// Slides are laid out across the screen as its viewer sees it: a quarter turn swaps the sides.
void LogicalSize(int rotation_deg, int window_w, int window_h, int* w, int* h) {
  const bool quarter = rotation_deg == 90 || rotation_deg == 270;
  *w = quarter ? window_h : window_w;
  *h = quarter ? window_w : window_h;
}

}  // namespace

Result<std::unique_ptr<Display>> Display::Open(const DisplayOptions& options) {
  std::unique_ptr<Display> d(new Display());
  d->options_ = options;
  if (options.headless) {
    int w = options.width > 0 ? options.width : 1920;
    int h = options.height > 0 ? options.height : 1080;
    d->surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!d->surface_)
      return Status::Io(std::string("cannot create offscreen surface: ") + SDL_GetError());
    d->renderer_ = SDL_CreateSoftwareRenderer(d->surface_);
    if (!d->renderer_)
      return Status::Io(std::string("cannot create software renderer: ") + SDL_GetError());
    d->window_w_ = w;
    d->window_h_ = h;
  } else {
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = options.width, h = options.height;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    if (w <= 0 || h <= 0) {
      flags |= SDL_WINDOW_BORDERLESS;
      SDL_Rect desktop;
      if (SDL_GetDisplayBounds(0, &desktop) == 0 && desktop.w > 0 && desktop.h > 0) {
        // A borderless window covering the desktop now; full-screen is requested after the
        // first frame (Present): SDL's X11 backend waits up to 100 ms for a window manager to
        // acknowledge full-screen, pure delay before the first slide when there is none (a bare
        // X kiosk, Xvfb). Measured: window creation 106 ms → 2 ms under Xvfb.
        x = desktop.x;
        y = desktop.y;
        w = desktop.w;
        h = desktop.h;
        d->fullscreen_pending_ = true;
      } else {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        w = 1920;
        h = 1080;
      }
    }
    d->window_ = SDL_CreateWindow("machikado", x, y, w, h, flags);
    if (!d->window_) return Status::Io(std::string("cannot open a window: ") + SDL_GetError());
    if (!options.software)
      d->renderer_ =
          SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE);
    if (!d->renderer_)
      d->renderer_ =
          SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
    if (!d->renderer_)
      return Status::Io(std::string("cannot create a renderer: ") + SDL_GetError());
    SDL_GetRendererOutputSize(d->renderer_, &d->window_w_, &d->window_h_);
    SDL_ShowCursor(SDL_DISABLE);
  }
  SDL_DisableScreenSaver();
  d->Resized();
  return d;
}

bool Display::PlannedLogicalSize(const DisplayOptions& options, int* w, int* h) {
  int pw = options.width, ph = options.height;
  if (options.headless) {
    pw = pw > 0 ? pw : 1920;
    ph = ph > 0 ? ph : 1080;
  } else if (pw <= 0 || ph <= 0) {
    SDL_Rect desktop;
    if (SDL_GetDisplayBounds(0, &desktop) != 0 || desktop.w <= 0 || desktop.h <= 0) return false;
    pw = desktop.w;
    ph = desktop.h;
  }
  LogicalSize(options.rotation_deg, pw, ph, w, h);
  return true;
}

void Display::ShowBackground(SDL_Color color) {
  BeginFrame();
  SDL_SetRenderDrawColor(renderer_, color.r, color.g, color.b, 255);
  SDL_RenderClear(renderer_);
  Present();
}

Display::~Display() {
  if (rotated_) SDL_DestroyTexture(rotated_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  if (surface_) SDL_FreeSurface(surface_);
}

std::string Display::renderer_name() const {
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(renderer_, &info) != 0) return "unknown";
  return info.name;
}

bool Display::CreateRotationTarget() {
  if (rotated_) SDL_DestroyTexture(rotated_);
  rotated_ = nullptr;
  if (options_.rotation_deg == 0) return true;
  rotated_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                               logical_w_, logical_h_);
  return rotated_ != nullptr;
}

bool Display::Resized() {
  int old_w = logical_w_, old_h = logical_h_;
  if (window_) SDL_GetRendererOutputSize(renderer_, &window_w_, &window_h_);
  LogicalSize(options_.rotation_deg, window_w_, window_h_, &logical_w_, &logical_h_);
  CreateRotationTarget();
  return old_w != logical_w_ || old_h != logical_h_;
}

void Display::BeginFrame() {
  SDL_SetRenderTarget(renderer_, rotated_);
}

void Display::Present() {
  if (rotated_) {
    SDL_SetRenderTarget(renderer_, nullptr);
    // Rotate about the centre: the logical rect is centred on the window.
    SDL_Rect dst{(window_w_ - logical_w_) / 2, (window_h_ - logical_h_) / 2, logical_w_,
                 logical_h_};
    SDL_RenderCopyEx(renderer_, rotated_, nullptr, &dst, options_.rotation_deg, nullptr,
                     SDL_FLIP_NONE);
  }
  if (window_) SDL_RenderPresent(renderer_);
}

void Display::RequestFullscreen() {
  if (!fullscreen_pending_) return;
  fullscreen_pending_ = false;
  // A size change that follows arrives as a window event (App re-lays out on it).
  SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

void Display::WindowToLogical(int wx, int wy, float* lx, float* ly) const {
  // Window coordinates may differ from output pixels on high-DPI displays.
  int ww = window_w_, wh = window_h_;
  if (window_) SDL_GetWindowSize(window_, &ww, &wh);
  float px =
      ww > 0 ? static_cast<float>(wx) * static_cast<float>(window_w_) / static_cast<float>(ww) : 0;
  float py =
      wh > 0 ? static_cast<float>(wy) * static_cast<float>(window_h_) / static_cast<float>(wh) : 0;
  switch (options_.rotation_deg) {
    case 90:  // logical x runs down the window, logical y runs right-to-left
      *lx = py;
      *ly = static_cast<float>(window_w_) - px;
      break;
    case 180:
      *lx = static_cast<float>(window_w_) - px;
      *ly = static_cast<float>(window_h_) - py;
      break;
    case 270:
      *lx = static_cast<float>(window_h_) - py;
      *ly = px;
      break;
    default:
      *lx = px;
      *ly = py;
  }
}

}  // namespace machikado::kiosk
