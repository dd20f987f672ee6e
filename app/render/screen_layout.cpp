#include "render/screen_layout.h"

#include <algorithm>
#include <filesystem>

namespace machikado::render {

ScreenLayout ComputeScreenLayout(int width, int height, bool with_banner, bool with_exercise) {
  ScreenLayout s;
  s.width = width;
  s.height = height;
  s.unit = std::min(width, height) / 1080.0f;
  s.portrait = height > width;
  const float u = s.unit;
  s.margin = (s.portrait ? 56 : 80) * u;
  s.gutter = 48 * u;
  const float W = float(width), H = float(height);
  const float header_h = 112 * u, footer_h = 100 * u, banner_h = 108 * u, progress_h = 10 * u;
  s.header = {0, 0, W, header_h};
  float y = header_h;
  if (with_exercise) {
    s.exercise = {0, y, W, 76 * u};
    y += s.exercise.h;
  }
  if (with_banner) {
    s.banner = {0, y, W, banner_h};
    y += banner_h;
  }
  s.footer = {0, H - footer_h, W, footer_h};
  s.progress = {0, H - progress_h, W, progress_h};
  s.slide = {0, y, W, s.footer.y - y};
  const float top = (s.portrait ? 56 : 56) * u, bottom = 40 * u;
  s.content = {s.margin, s.slide.y + top, W - 2 * s.margin, s.slide.h - top - bottom};
  return s;
}

std::string FindAsset(const SlideContext& ctx, const std::string& relative) {
  std::error_code ec;
  for (const auto& d : ctx.asset_dirs) {
    std::filesystem::path p = std::filesystem::path(d) / relative;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

}  // namespace machikado::render
