#include "kiosk/display.h"

#include <dirent.h>

#include <cstring>

namespace machikado::kiosk {
namespace {

// A DRM device node (a GPU the kernel drives): without one, OpenGL can only be software.
bool DrmDevicePresent() {
  DIR* dir = opendir("/dev/dri");
  if (!dir) return false;
  bool found = false;
  while (const dirent* e = readdir(dir)) {
    if (std::strncmp(e->d_name, "card", 4) == 0 || std::strncmp(e->d_name, "renderD", 7) == 0) {
      found = true;
      break;
    }
  }
  closedir(dir);
  return found;
}

// GL_RENDERER of the context an OpenGL/GLES SDL renderer made current; "" for other renderers.
std::string GlRendererString(SDL_Renderer* renderer) {
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(renderer, &info) != 0 || std::strncmp(info.name, "opengl", 6) != 0)
    return "";
  using GetString = const unsigned char* (*)(unsigned int);
  auto get = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  const unsigned int kGlRenderer = 0x1F01;
  const unsigned char* s = get ? get(kGlRenderer) : nullptr;
  return s ? reinterpret_cast<const char*>(s) : "";
}

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
    d->choice_.path = RendererPath::kSoftware;
    d->choice_.reason = "headless: drawn into memory";
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
    if (Status st = d->CreateRenderer(); !st.ok()) return st;
    SDL_GetRendererOutputSize(d->renderer_, &d->window_w_, &d->window_h_);
    SDL_ShowCursor(SDL_DISABLE);
  }
  SDL_DisableScreenSaver();
  d->Resized();
  return d;
}

Status Display::CreateRenderer() {
  RendererFacts facts;
  facts.preference = options_.renderer;
  if (const char* e = SDL_getenv("SDL_RENDER_DRIVER")) facts.env_render_driver = e;
  if (const char* v = SDL_GetCurrentVideoDriver()) facts.video_driver = v;
  facts.drm_device = DrmDevicePresent();
  choice_ = ChooseRenderer(facts);
  if (choice_.path != RendererPath::kSoftware) {
    renderer_ =
        SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE);
    const std::string gl = renderer_ ? GlRendererString(renderer_) : "";
    if (choice_.path == RendererPath::kProbe) {
      facts.gl_renderer = gl;
      choice_ = ChooseRenderer(facts);
      if (choice_.path == RendererPath::kSoftware && renderer_) {
        SDL_DestroyRenderer(renderer_);
        renderer_ = nullptr;
      }
    } else if (renderer_) {
      choice_.hardware = !gl.empty() && !IsSoftwareGl(gl);
      if (!gl.empty()) choice_.reason += "; OpenGL renderer \"" + gl + "\"";
    } else {
      const std::string why = SDL_GetError();
      facts.preference = config::RendererPreference::kSoftware;
      facts.env_render_driver.clear();
      choice_ = ChooseRenderer(facts);
      choice_.reason = "the GPU renderer could not be created (" + why + "): software";
    }
  }
  if (!renderer_) {
    // Set, not forced: an operator's SDL_FRAMEBUFFER_ACCELERATION in the environment still wins.
    // It must be set before the window's framebuffer is first made (SDL decides that once).
    if (choice_.unaccelerated_framebuffer) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
  }
  if (!renderer_) return Status::Io(std::string("cannot create a renderer: ") + SDL_GetError());
  return Status::Ok();
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
