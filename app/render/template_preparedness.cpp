// Preparedness slide: the hazard pictogram on a tinted tile, the title, the summary and numbered key
// actions (1–6) in large type. Landscape: pictogram left, text right. Portrait: pictogram on top.
#include <algorithm>

#include "render/chrome.h"
#include "render/labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

namespace {

// Numbered actions; returns the height used. `px` is the preferred size.
float DrawActions(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float u, float px) {
  const auto& actions = item.preparedness.actions;
  if (actions.empty()) return 0;
  const Color accent = theme::KindAccent(item.kind);
  const float gap = 22 * u;
  // Each action gets an equal share of the box at most; text shrinks within its share.
  const float share = (box.h - gap * (actions.size() - 1)) / actions.size();
  const float row_h = std::min(share, px * 2.9f);
  float y = box.y;
  for (size_t i = 0; i < actions.size(); ++i) {
    const float r = std::min(px * 0.78f, row_h / 2);
    c.FillCircle("action-number", box.x + r, y + std::min(row_h, px * 1.45f) / 2, r, accent);
    Fit nf = Lines(px * 0.9f, px * 0.5f, 1, 1.0f);
    nf.align = Align::kCenter;
    nf.valign_center = true;
    const float cy = y + std::min(row_h, px * 1.45f) / 2;
    c.Text(std::to_string(i + 1), {box.x, cy - r, 2 * r, 2 * r}, nf, StyleOf("action-number", ctx.lang, theme::kCard, true));
    RectF tb{box.x + 2 * r + 28 * u, y + (std::min(row_h, px * 1.45f) - px) / 2, box.w - 2 * r - 28 * u, row_h};
    tb.h = std::min(tb.h, box.bottom() - tb.y);
    text::Layout l = c.Text(actions[i], ctx.lang, tb, Lines(px, px * 0.7f, 2, 1.3f), StyleOf("body", ctx.lang, theme::kInk));
    y += std::max(l.height + (tb.y - y), 2 * r) + gap;
  }
  return y - gap - box.y;
}

}  // namespace

void DrawPreparednessSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                           const ScreenLayout& s) {
  const float u = s.unit;
  const RectF& a = s.content;
  const std::string& lang = ctx.lang;
  const feed::Hazard hazard = item.preparedness.hazard.value_or(feed::Hazard::kOther);
  const Color tint = theme::KindTint(item.kind);
  RectF text_col;
  if (!s.portrait) {
    const float tile = std::min(a.h * 0.72f, 520 * u);
    RectF tile_r{a.x, a.y, tile, tile};
    c.FillRoundedRect("pictogram-tile", tile_r, 24 * u, tint);
    DrawHazardPictogram(c, ctx, hazard, {tile_r.x + 40 * u, tile_r.y + 40 * u, tile - 80 * u, tile - 80 * u}, "pictogram");
    Fit hf = Lines(40 * u, 28 * u, 1, 1.0f);
    hf.align = Align::kCenter;
    c.Text(HazardLabel(hazard, lang), {a.x, tile_r.bottom() + 24 * u, tile, 56 * u}, hf,
           StyleOf("label", lang, theme::KindAccent(item.kind), true));
    text_col = {a.x + tile + 72 * u, a.y, a.w - tile - 72 * u, a.h};
  } else {
    const float tile = 400 * u;
    RectF tile_r{a.x, a.y, tile, tile};
    c.FillRoundedRect("pictogram-tile", tile_r, 24 * u, tint);
    DrawHazardPictogram(c, ctx, hazard, {tile_r.x + 32 * u, tile_r.y + 32 * u, tile - 64 * u, tile - 64 * u}, "pictogram");
    Fit hf = Lines(44 * u, 28 * u, 2, 1.2f);
    hf.valign_center = true;
    c.Text(HazardLabel(hazard, lang), {tile_r.right() + 48 * u, a.y, a.right() - tile_r.right() - 48 * u, tile}, hf,
           StyleOf("label", lang, theme::KindAccent(item.kind), true));
    text_col = {a.x, a.y + tile + 56 * u, a.w, a.h - tile - 56 * u};
  }
  float y = text_col.y;
  y += DrawTitleBlock(c, item, ctx, {text_col.x, y, text_col.w, 280 * u}, 72 * u, 48 * u, 3) + 32 * u;
  if (!item.summary.empty()) {
    text::Layout l = c.Text(item.summary, lang, {text_col.x, y, text_col.w, 200 * u}, Lines(38 * u, 30 * u, 3, 1.5f),
                            StyleOf("summary", lang, theme::kInk));
    y += l.height + 36 * u;
  }
  if (!item.preparedness.actions.empty()) {
    c.FillRect("rule", {text_col.x, y, text_col.w, 3 * u}, theme::kRule);
    y += 28 * u;
    c.Text(L(Label::kKeyActions, lang), {text_col.x, y, text_col.w, 48 * u}, Lines(34 * u, 28 * u, 1, 1.0f),
           StyleOf("label", lang, theme::kInkMuted, true));
    y += 64 * u;
    DrawActions(c, item, ctx, {text_col.x, y, text_col.w, text_col.bottom() - y}, u, 44 * u);
  }
}

}  // namespace machikado::render
