// Shared pieces of the slide templates: fitting presets, styles, the title block.
#include <algorithm>

#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

Fit Lines(float px, float min_px, int max_lines, float spacing) {
  Fit f;
  f.max_px = px;
  f.min_px = min_px;
  f.max_lines = max_lines;
  f.line_spacing = spacing;
  return f;
}

TextStyle StyleOf(std::string role, std::string_view lang, Color color, bool bold) {
  return TextStyle{std::move(role), std::string(lang), color, bold};
}

float DrawTitleBlock(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                     float px, float min_px, int max_lines) {
  const float u = std::min(ctx.width, ctx.height) / 1080.0f;
  const float bar = 12 * u, gap = 28 * u;
  RectF text_box{box.x + bar + gap, box.y, box.w - bar - gap, box.h};
  text::Layout l = c.Text(item.title, ctx.lang, text_box, Lines(px, min_px, max_lines, 1.3f),
                          StyleOf("title", ctx.lang, theme::kInk, true));
  const float h = std::max(l.height, px * 0.8f);
  c.FillRect("accent", {box.x, box.y, bar, h}, theme::KindAccent(item.kind));
  return h;
}

}  // namespace machikado::render
