#include "kiosk/renderer_choice.h"

#include <gtest/gtest.h>

namespace machikado::kiosk {
namespace {

using config::RendererPreference;

RendererFacts X11(RendererPreference p = RendererPreference::kAuto) {
  RendererFacts f;
  f.preference = p;
  f.video_driver = "x11";
  return f;
}

TEST(RendererChoiceTest, NamesSoftwareRasterisersAsReportedByTheirDrivers) {
  EXPECT_TRUE(IsSoftwareGl("llvmpipe (LLVM 15.0.6, 256 bits)"));
  EXPECT_TRUE(IsSoftwareGl("softpipe"));
  EXPECT_TRUE(IsSoftwareGl("Software Rasterizer"));
  EXPECT_TRUE(IsSoftwareGl("Mesa DRI swrast"));
  EXPECT_TRUE(IsSoftwareGl("Google SwiftShader"));
  EXPECT_TRUE(
      IsSoftwareGl("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), "
                   "SwiftShader driver)"));
  EXPECT_TRUE(IsSoftwareGl("zink (llvmpipe (LLVM 15.0.6, 256 bits))"));
  EXPECT_TRUE(IsSoftwareGl("zink (lavapipe)"));
  EXPECT_TRUE(IsSoftwareGl("Microsoft Basic Render Driver"));
  EXPECT_TRUE(IsSoftwareGl("GDI Generic"));
  EXPECT_TRUE(IsSoftwareGl(""));  // a context that cannot name itself is not trusted
}

TEST(RendererChoiceTest, NamesHardwareAsHardware) {
  EXPECT_FALSE(IsSoftwareGl("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  EXPECT_FALSE(IsSoftwareGl("V3D 4.2"));  // Raspberry Pi 4
  EXPECT_FALSE(IsSoftwareGl("AMD Radeon Graphics (renoir, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)"));
  EXPECT_FALSE(IsSoftwareGl("NVIDIA GeForce GTX 1650/PCIe/SSE2"));
  EXPECT_FALSE(IsSoftwareGl("virgl (Intel(R) UHD Graphics)"));
}

TEST(RendererChoiceTest, AutoWithoutADrmDeviceIsSoftwareWithoutProbing) {
  RendererFacts f = X11();
  f.drm_device = false;
  RendererChoice c = ChooseRenderer(f);
  EXPECT_EQ(c.path, RendererPath::kSoftware);
  EXPECT_TRUE(c.unaccelerated_framebuffer);
  EXPECT_NE(c.reason.find("no GPU device"), std::string::npos) << c.reason;
}

TEST(RendererChoiceTest, AutoWithADrmDeviceProbesThenFollowsGlRenderer) {
  RendererFacts f = X11();
  EXPECT_EQ(ChooseRenderer(f).path, RendererPath::kProbe);

  f.gl_renderer = "llvmpipe (LLVM 15.0.6, 256 bits)";
  RendererChoice sw = ChooseRenderer(f);
  EXPECT_EQ(sw.path, RendererPath::kSoftware);
  EXPECT_TRUE(sw.unaccelerated_framebuffer);
  EXPECT_NE(sw.reason.find("llvmpipe"), std::string::npos) << sw.reason;

  f.gl_renderer = "V3D 4.2";
  RendererChoice hw = ChooseRenderer(f);
  EXPECT_EQ(hw.path, RendererPath::kGpu);
  EXPECT_TRUE(hw.hardware);
  EXPECT_NE(hw.reason.find("V3D 4.2"), std::string::npos) << hw.reason;

  f.gl_renderer = "";  // OpenGL could not be opened
  EXPECT_EQ(ChooseRenderer(f).path, RendererPath::kSoftware);
}

TEST(RendererChoiceTest, ExplicitPreferenceIsHonouredWithoutProbing) {
  RendererFacts gpu = X11(RendererPreference::kGpu);
  gpu.drm_device = false;  // forced GPU path on llvmpipe: a benchmark's stand-in for a GPU
  RendererChoice g = ChooseRenderer(gpu);
  EXPECT_EQ(g.path, RendererPath::kGpu);
  EXPECT_FALSE(g.hardware);
  EXPECT_NE(g.reason.find("display.renderer is \"gpu\""), std::string::npos);

  RendererFacts sw = X11(RendererPreference::kSoftware);
  sw.gl_renderer = "V3D 4.2";
  RendererChoice s = ChooseRenderer(sw);
  EXPECT_EQ(s.path, RendererPath::kSoftware);
  EXPECT_NE(s.reason.find("display.renderer is \"software\""), std::string::npos);
}

TEST(RendererChoiceTest, OperatorsRenderDriverVariableWins) {
  RendererFacts f = X11(RendererPreference::kSoftware);
  f.env_render_driver = "opengl";
  RendererChoice c = ChooseRenderer(f);
  EXPECT_EQ(c.path, RendererPath::kGpu);
  EXPECT_NE(c.reason.find("SDL_RENDER_DRIVER=opengl"), std::string::npos);

  RendererFacts g = X11(RendererPreference::kGpu);
  g.env_render_driver = "software";
  EXPECT_EQ(ChooseRenderer(g).path, RendererPath::kSoftware);
}

TEST(RendererChoiceTest, SoftwareOnWaylandPresentsThroughATextureAndSaysSo) {
  RendererFacts f;
  f.video_driver = "wayland";
  f.drm_device = false;
  RendererChoice c = ChooseRenderer(f);
  EXPECT_EQ(c.path, RendererPath::kSoftware);
  EXPECT_FALSE(c.unaccelerated_framebuffer);
  EXPECT_NE(c.reason.find("wayland"), std::string::npos) << c.reason;
  EXPECT_FALSE(HasNativeFramebuffer("kmsdrm"));
  EXPECT_TRUE(HasNativeFramebuffer("x11"));
}

TEST(RendererChoiceTest, PreferenceNamesMatchTheConfiguration) {
  EXPECT_STREQ(PreferenceName(RendererPreference::kAuto), "auto");
  EXPECT_STREQ(PreferenceName(RendererPreference::kGpu), "gpu");
  EXPECT_STREQ(PreferenceName(RendererPreference::kSoftware), "software");
  EXPECT_STREQ(PathName(RendererPath::kGpu), "gpu");
  EXPECT_STREQ(PathName(RendererPath::kSoftware), "software");
}

}  // namespace
}  // namespace machikado::kiosk
