// GlyphAtlas: the chrome's glyphs are all in the atlas — BIZ UDPGothic's own, and Hangul and
// simplified Han drawn by the renderer's fonts — and they reach the screen; building a Korean or
// Chinese atlas raises the process's peak resident memory by a few MiB at most (it used to copy
// the 20 MB Noto Sans CJK collection once per merged face: ~+45 MB for a moment). Headless
// (software renderer, real fonts). The peak is read from /proc/self/status (VmHWM) after resetting
// it through /proc/self/clear_refs; the test skips where the kernel does not allow that.
#include "ui/glyph_atlas.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <imgui_impl_sdlrenderer.h>

#include "render/offscreen.h"

namespace machikado::ui {
namespace {

// A field of /proc/self/status in KiB ("VmRSS", "VmHWM"); -1 when absent.
long StatusKiB(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
  return -1;
}

// Resets VmHWM to the current RSS (Linux ≥ 4.0); false when not permitted.
bool ResetPeak() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return bool(out);
}

const std::vector<std::string> kJa = {"閉じる", "日本語", "やさしい日本語", "ニュース", "防災"};
const std::vector<std::string> kKo = {"닫기", "한국어", "뉴스", "방재", "이전", "다음"};
const std::vector<std::string> kZh = {"关闭", "中文", "新闻", "防灾", "上一条", "下一条"};
constexpr float kPx = 48;

class GlyphAtlasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto screen = render::Offscreen::Create(640, 160);
    ASSERT_TRUE(screen.ok()) << screen.status().message();
    screen_ = std::move(screen).value();
    auto fonts = render::FontSet::Open({}, log_);
    ASSERT_TRUE(fonts.ok()) << fonts.status().message();
    fonts_ = std::move(fonts).value();
    if (fonts_->PrimaryPath({true, render::Script::kKorean}) ==
        fonts_->PrimaryPath({true, render::Script::kLatin}))
      GTEST_SKIP() << "Noto Sans CJK is not installed";
    imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(imgui_);
    ImGui::GetIO().IniFilename = nullptr;
    ASSERT_TRUE(ImGui_ImplSDLRenderer_Init(screen_->renderer()));
    backend_ = true;
    atlas_ = std::make_unique<GlyphAtlas>(*fonts_, log_);
  }
  void TearDown() override {
    if (atlas_) atlas_->Release();
    if (backend_) ImGui_ImplSDLRenderer_Shutdown();
    if (imgui_) ImGui::DestroyContext(imgui_);
  }

  // The content of a detail draws its text with the same faces before the chrome is built:
  // open them as it would, so that what is measured is the atlas alone.
  void OpenFacesAsTheContentWould() {
    for (auto script : {render::Script::kKorean, render::Script::kChineseSimplified})
      for (const auto& run : fonts_->Split("닫기关闭", {true, script}, int(kPx)))
        fonts_->Get(run.face, int(kPx));
  }

  // Rise of the peak RSS (KiB) over the RSS before `build`.
  long PeakRiseKiB(const std::vector<std::string>& texts) {
    if (!ResetPeak()) return -1;
    const long before = StatusKiB("VmRSS");
    EXPECT_TRUE(atlas_->Ensure(texts, kPx).ok());
    return StatusKiB("VmHWM") - before;
  }

  // Draws `text` with the atlas and counts the pixels it lit.
  int LitPixels(const std::string& text) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(640, 160);
    io.DeltaTime = 1.0f / 30;
    SDL_Renderer* r = screen_->renderer();
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddText(atlas_->font(), kPx, ImVec2(20, 40), IM_COL32_WHITE,
                                            text.c_str());
    ImGui::Render();
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    std::vector<uint32_t> px(640 * 160);
    EXPECT_EQ(SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ARGB8888, px.data(), 640 * 4), 0);
    int lit = 0;
    int top = 160, bottom = -1;
    for (int y = 0; y < 160; ++y)
      for (int x = 0; x < 640; ++x)
        if ((px[size_t(y) * 640 + x] & 0xFF) > 128) {
          ++lit;
          top = std::min(top, y), bottom = std::max(bottom, y);
        }
    last_top_ = top, last_bottom_ = bottom;
    return lit;
  }

  MemoryLog log_;
  std::unique_ptr<render::Offscreen> screen_;
  std::unique_ptr<render::FontSet> fonts_;
  ImGuiContext* imgui_ = nullptr;
  bool backend_ = false;
  std::unique_ptr<GlyphAtlas> atlas_;
  int last_top_ = 0, last_bottom_ = 0;
};

TEST_F(GlyphAtlasTest, KoreanAndChineseChromeBuildWithoutATransientSpike) {
  OpenFacesAsTheContentWould();
  ASSERT_TRUE(atlas_->Ensure(kJa, kPx).ok());  // the Japanese chrome first, as at start
  const long ko = PeakRiseKiB(kKo);
  if (ko < 0) GTEST_SKIP() << "cannot reset the peak RSS (/proc/self/clear_refs)";
  const long zh = PeakRiseKiB(kZh);
  const long ja = PeakRiseKiB(kJa);
  std::cout << "peak RSS rise of an atlas build (KiB): ko " << ko << ", zh " << zh << ", ja " << ja
            << "; slowest build " << atlas_->stats().max_build_ms << " ms\n";
  EXPECT_LT(ko, 12 * 1024);
  EXPECT_LT(zh, 12 * 1024);
  EXPECT_EQ(atlas_->stats().builds, 4u);
}

TEST_F(GlyphAtlasTest, HangulAndSimplifiedHanComeFromTheRenderersFontsAndReachTheScreen) {
  ASSERT_TRUE(atlas_->Ensure(kKo, kPx).ok());
  EXPECT_GT(atlas_->stats().custom_glyphs, 0u);
  const ImFontGlyph* g = atlas_->font()->FindGlyphNoFallback(ImWchar(U'닫'));
  ASSERT_NE(g, nullptr);
  EXPECT_GT(g->X1 - g->X0, kPx * 0.5f);
  EXPECT_GT(g->AdvanceX, kPx * 0.8f);
  EXPECT_LT(g->AdvanceX, kPx * 1.2f);
  // The ink sits within the line, like BIZ UDPGothic's own glyphs.
  const ImFontGlyph* a = atlas_->font()->FindGlyphNoFallback(ImWchar('A'));
  ASSERT_NE(a, nullptr);
  EXPECT_GE(g->Y0, 0.0f);
  EXPECT_LE(g->Y1, atlas_->font()->FontSize * 1.1f);
  EXPECT_NEAR(g->Y1, a->Y1, kPx * 0.15f);  // both rest on the baseline (Hangul: a little below)

  const int lit_ko = LitPixels("닫기");
  EXPECT_GT(lit_ko, int(kPx * kPx / 4));
  EXPECT_GE(last_top_, 40);  // drawn where asked, within the line
  EXPECT_LE(last_bottom_, 40 + int(kPx * 1.1f));

  ASSERT_TRUE(atlas_->Ensure(kZh, kPx).ok());
  EXPECT_GT(atlas_->stats().custom_glyphs, 0u);
  EXPECT_GT(LitPixels("关闭"), int(kPx * kPx / 4));
  // Glyphs no font has are left to ImGui's fallback, not drawn as empty boxes of our own.
  ASSERT_TRUE(atlas_->Ensure({"\xEE\x80\x80"}, kPx).ok());  // U+E000, private use
  EXPECT_EQ(atlas_->font()->FindGlyphNoFallback(ImWchar(0xE000)), nullptr);
}

}  // namespace
}  // namespace machikado::ui
