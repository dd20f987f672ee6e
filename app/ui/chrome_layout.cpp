#include "ui/chrome_layout.h"

#include <algorithm>

#include "ui/touch_metrics.h"

namespace machikado::ui {

namespace {

// Lays out `n` equal buttons of width w from x, gap apart, vertically centred in `band`.
void Row(std::array<RectF, 4>& out, float x, float w, float h, float gap, const RectF& band) {
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = {x + i * (w + gap), band.y + (band.h - h) / 2, w, h};
}

}  // namespace

ChromeLayout ComputeChromeLayout(int width, int height, double dpi) {
  ChromeLayout l;
  l.width = width;
  l.height = height;
  l.unit = std::min(width, height) / 1080.0f;
  l.portrait = height > width;
  l.min_target = MinTargetPx(dpi, width, height);
  const float u = l.unit, W = float(width), H = float(height);
  l.label_px = std::max(40 * u, l.min_target * 0.5f);
  // Buttons are generous: elderly visitors and gloved fingers. Never below the physical minimum.
  const float button_h = std::max(100 * u, l.min_target);
  const float pad = 24 * u, gap = 16 * u;
  const float bar_row = button_h + 2 * pad * 0.75f;
  const float close_w = std::max(280 * u, l.min_target), lang_w = std::max(360 * u, l.min_target);
  const float tab_w = std::max(220 * u, l.min_target);

  if (!l.portrait) {
    l.top_bar = {0, 0, W, bar_row};
    l.close = {W - pad - close_w, (bar_row - button_h) / 2, close_w, button_h};
    l.language = {l.close.x - gap * 2 - lang_w, l.close.y, lang_w, button_h};
    // Tabs share what is left of the language button.
    const float room = l.language.x - gap * 3 - pad;
    const float w = std::max(l.min_target, std::min(tab_w * 1.15f, (room - 3 * gap) / 4));
    Row(l.tabs, pad, w, button_h, gap, l.top_bar);
  } else {
    l.top_bar = {0, 0, W, 2 * bar_row};
    const RectF row1{0, 0, W, bar_row}, row2{0, bar_row, W, bar_row};
    l.close = {W - pad - close_w, row1.y + (bar_row - button_h) / 2, close_w, button_h};
    l.language = {l.close.x - gap * 2 - lang_w, l.close.y, lang_w, button_h};
    const float w = std::max(l.min_target, (W - 2 * pad - 3 * gap) / 4);
    Row(l.tabs, pad, w, button_h, gap, row2);
  }
  l.content = {0, l.top_bar.bottom(), W, H - l.top_bar.bottom()};

  // Browse bar: one row at the bottom (over the footer), arrows at the ends.
  const float bb_h = bar_row;
  l.browse_bar = {0, H - bb_h, W, bb_h};
  const float arrow_w = std::max(l.portrait ? 150 * u : 200 * u, l.min_target);
  l.previous = {pad, l.browse_bar.y + (bb_h - button_h) / 2, arrow_w, button_h};
  l.next = {W - pad - arrow_w, l.previous.y, arrow_w, button_h};
  const float inner_x = l.previous.right() + gap * 2, inner_r = l.next.x - gap * 2;
  const float blang_w = std::min(lang_w, (inner_r - inner_x) * 0.3f);
  l.browse_language = {inner_r - blang_w, l.previous.y, std::max(blang_w, l.min_target), button_h};
  const float tabs_room = l.browse_language.x - gap * 2 - inner_x;
  const float bw = std::max(l.min_target, std::min(tab_w, (tabs_room - 3 * gap) / 4));
  Row(l.browse_tabs, inner_x, bw, button_h, gap, l.browse_bar);
  return l;
}

Hit HitDetail(const ChromeLayout& l, float x, float y) {
  if (l.close.ContainsPoint(x, y)) return {Target::kClose};
  if (l.language.ContainsPoint(x, y)) return {Target::kLanguage};
  for (size_t i = 0; i < l.tabs.size(); ++i)
    if (l.tabs[i].ContainsPoint(x, y)) return {Target::kTab, kTabs[i]};
  return {};
}

Hit HitBrowseBar(const ChromeLayout& l, float x, float y) {
  if (l.previous.ContainsPoint(x, y)) return {Target::kPrevious};
  if (l.next.ContainsPoint(x, y)) return {Target::kNext};
  if (l.browse_language.ContainsPoint(x, y)) return {Target::kLanguage};
  for (size_t i = 0; i < l.browse_tabs.size(); ++i)
    if (l.browse_tabs[i].ContainsPoint(x, y)) return {Target::kTab, kTabs[i]};
  return {};
}

}  // namespace machikado::ui
