#include "kiosk/renderer_choice.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace machikado::kiosk {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

RendererChoice Software(const RendererFacts& facts, std::string reason) {
  RendererChoice c;
  c.path = RendererPath::kSoftware;
  c.unaccelerated_framebuffer = HasNativeFramebuffer(facts.video_driver);
  if (!c.unaccelerated_framebuffer && !facts.video_driver.empty())
    reason += " (the " + facts.video_driver +
              " video driver has no framebuffer of its own: "
              "frames reach the screen through an OpenGL texture)";
  c.reason = std::move(reason);
  return c;
}

RendererChoice Gpu(bool hardware, std::string reason) {
  RendererChoice c;
  c.path = RendererPath::kGpu;
  c.hardware = hardware;
  c.reason = std::move(reason);
  return c;
}

}  // namespace

bool IsSoftwareGl(std::string_view gl_renderer) {
  // Mesa: "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Mesa X11"/"Software Rasterizer"
  // (swrast); Google's SwiftShader; Mesa's lavapipe under zink ("zink (lavapipe)"); Windows' and
  // macOS's fallbacks for completeness.
  static constexpr std::array<std::string_view, 9> kSoftware = {"llvmpipe",
                                                                "softpipe",
                                                                "swrast",
                                                                "software rasterizer",
                                                                "swiftshader",
                                                                "lavapipe",
                                                                "software renderer",
                                                                "basic render driver",
                                                                "gdi generic"};
  const std::string s = Lower(gl_renderer);
  if (s.empty()) return true;  // a context that cannot name its renderer is not trusted as a GPU
  return std::any_of(kSoftware.begin(), kSoftware.end(),
                     [&](std::string_view n) { return s.find(n) != std::string::npos; });
}

bool HasNativeFramebuffer(std::string_view video_driver) {
  // SDL 2.26: x11 (XShm), offscreen/dummy (memory) implement CreateWindowFramebuffer; wayland and
  // kmsdrm do not, so their software renderer presents through a GL texture.
  return video_driver == "x11" || video_driver == "offscreen" || video_driver == "dummy";
}

const char* PreferenceName(config::RendererPreference p) {
  switch (p) {
    case config::RendererPreference::kGpu:
      return "gpu";
    case config::RendererPreference::kSoftware:
      return "software";
    case config::RendererPreference::kAuto:
      break;
  }
  return "auto";
}

const char* PathName(RendererPath p) {
  return p == RendererPath::kGpu ? "gpu" : "software";
}

RendererChoice ChooseRenderer(const RendererFacts& facts) {
  // The operator's SDL_RENDER_DRIVER wins over everything the program would choose.
  if (!facts.env_render_driver.empty()) {
    const std::string d = Lower(facts.env_render_driver);
    if (d == "software")
      return Software(facts, "SDL_RENDER_DRIVER=software is set in the environment");
    return Gpu(facts.gl_renderer && !IsSoftwareGl(*facts.gl_renderer),
               "SDL_RENDER_DRIVER=" + facts.env_render_driver + " is set in the environment");
  }
  switch (facts.preference) {
    case config::RendererPreference::kSoftware:
      return Software(facts, "display.renderer is \"software\"");
    case config::RendererPreference::kGpu:
      return Gpu(facts.gl_renderer && !IsSoftwareGl(*facts.gl_renderer),
                 "display.renderer is \"gpu\"");
    case config::RendererPreference::kAuto:
      break;
  }
  if (!facts.drm_device)
    return Software(facts,
                    "no GPU device (/dev/dri has no card or render node): OpenGL would be drawn "
                    "on the CPU");
  if (!facts.gl_renderer) {
    RendererChoice c;
    c.path = RendererPath::kProbe;
    c.reason = "a GPU device exists: asking OpenGL who draws";
    return c;
  }
  if (facts.gl_renderer->empty())
    return Software(facts, "OpenGL could not be opened or named its renderer: software");
  if (IsSoftwareGl(*facts.gl_renderer))
    return Software(facts, "OpenGL renderer \"" + *facts.gl_renderer +
                               "\" draws on the CPU: SDL's software renderer costs less");
  return Gpu(true, "OpenGL renderer \"" + *facts.gl_renderer + "\" is hardware");
}

}  // namespace machikado::kiosk
