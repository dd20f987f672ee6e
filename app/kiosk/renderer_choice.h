// RendererChoice: which SDL renderer draws the kiosk, decided by the program for the hardware it
// finds, never left to environment variables. OpenGL done on the CPU (Mesa's llvmpipe, softpipe,
// swrast, SwiftShader, lavapipe, …) costs several times the CPU of SDL's own software renderer
// writing into an unaccelerated window framebuffer, so `auto` takes the GPU renderer only when a
// GPU does the work. Pure: Display gathers the facts (configuration, the operator's SDL_*
// variables, the video driver, DRM devices, the GL_RENDERER string) and applies the result.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"

namespace machikado::kiosk {

struct RendererFacts {
  config::RendererPreference preference = config::RendererPreference::kAuto;
  std::string env_render_driver;  // SDL_RENDER_DRIVER as the operator set it; "" when unset
  std::string video_driver;       // SDL's video driver: x11, wayland, kmsdrm, …
  bool drm_device = true;         // a /dev/dri/card* or renderD* node exists
  // GL_RENDERER of the GPU renderer's context, once probed (ChooseRenderer asks for it).
  std::optional<std::string> gl_renderer;
};

enum class RendererPath {
  kGpu,       // SDL_CreateRenderer(ACCELERATED)
  kSoftware,  // SDL_CreateRenderer(SOFTWARE)
  kProbe,     // auto: open the GPU renderer, read GL_RENDERER, then ask again with it in the facts
};

struct RendererChoice {
  RendererPath path = RendererPath::kSoftware;
  // Software path: present by copying into the window system's own buffer (X11 shared memory)
  // rather than through an OpenGL texture. Only drivers with a native framebuffer can (x11).
  bool unaccelerated_framebuffer = false;
  // GPU path on real hardware: blending is free, crossfades may run at the display rate. Known
  // only from GL_RENDERER: Display completes it once the GPU renderer is open.
  bool hardware = false;
  std::string reason;  // one sentence for the log, status.json and metrics
};

// True when an OpenGL/GLES renderer string (GL_RENDERER) names a rasteriser that runs on the CPU.
bool IsSoftwareGl(std::string_view gl_renderer);

// True when SDL's video driver can present a software renderer without OpenGL.
bool HasNativeFramebuffer(std::string_view video_driver);

RendererChoice ChooseRenderer(const RendererFacts& facts);

// "auto", "gpu", "software".
const char* PreferenceName(config::RendererPreference p);
// "gpu" or "software" (kProbe, never a final choice, reads "software").
const char* PathName(RendererPath p);

}  // namespace machikado::kiosk
