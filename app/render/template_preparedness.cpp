// Preparedness slide: the hazard pictogram on a tinted tile, the title, the summary and numbered
// key actions (1–6) in large type. Landscape: pictogram left, text right. Portrait: pictogram on
// top, the text below in type up to 1.8× larger when the column has room (PortraitTextScale).
#include <algorithm>
#include <map>

#include "render/chrome.h"
#include "render/fill_search.h"
#include "render/labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

namespace {

// Numbered actions; returns the height used. `px` is the preferred size; rows shrink to share the
// box (down to 26 px at 1080p), and actions that still do not fit are left out rather than
// overflow.
float DrawActions(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float u,
                  float px) {
  const auto& actions = item.preparedness.actions;
  if (actions.empty() || box.h <= 0) return 0;
  const Color accent = theme::KindAccent(item.kind);
  const float gap = 18 * u, min_px = 26 * u;
  size_t n = actions.size();
  while (n > 1 && (box.h - gap * (n - 1)) / n < min_px * 1.25f) --n;
  const float share = std::min((box.h - gap * (n - 1)) / n, px * 2.7f);
  const float row_px = std::clamp(share / 1.25f, min_px, px);
  const int lines = share >= row_px * 1.25f * 2 ? 2 : 1;
  float y = box.y;
  for (size_t i = 0; i < n; ++i) {
    const float r = row_px * 0.72f;
    const float cy = y + row_px * 0.5f;
    c.FillCircle("action-number", box.x + r, cy, r, accent);
    Fit nf = Lines(row_px * 0.85f, row_px * 0.5f, 1, 1.0f);
    nf.align = Align::kCenter;
    nf.valign_center = true;
    c.Text(std::to_string(i + 1), {box.x, cy - r, 2 * r, 2 * r}, nf,
           StyleOf("action-number", ctx.lang, theme::kCard, true));
    RectF tb{box.x + 2 * r + 28 * u, y, box.w - 2 * r - 28 * u, std::min(share, box.bottom() - y)};
    text::Layout l = c.Text(actions[i], ctx.lang, tb, Lines(row_px, row_px * 0.75f, lines, 1.25f),
                            StyleOf("body", ctx.lang, theme::kInk));
    y += std::max(l.height, row_px) + gap;
  }
  return y - gap - box.y;
}

float PortraitTitlePx(float k, float u) {
  return 64 * u * std::min(k, 1.3f);
}

// Portrait: the text column under the pictogram is twice as tall as the landscape one the sizes
// were set for. `k` is the largest of 1, 1.1 … 1.6, 1.8 (by bisection) at which the title (3
// lines), the whole summary (up to 6 lines) and every action (2 lines each) fit `col` unshrunk, so
// the type grows instead of leaving the lower half of the screen empty (0 when not even k = 1
// fits); `spare` is the height of `col` the text leaves unused at k.
struct PortraitFit {
  float k = 0;
  float spare = 0;
};

PortraitFit PortraitTextScale(Canvas& c, const feed::Item& item, const std::string& lang, RectF col,
                              float u) {
  std::map<float, float> need_at;  // height the text needs, per k tried that fits
  const feed::LocalizedString* title = item.title.pick(lang);
  const feed::LocalizedString* summary = item.summary.pick(lang);
  const auto& actions = item.preparedness.actions;
  const float title_w = col.w - 40 * u;  // DrawTitleBlock's bar and gap
  auto fits = [&](float k) {
    float need = 0;
    bool ok = true;
    auto measure = [&](const feed::LocalizedString* t, float x, float w, float px, float min_px,
                       int lines, float leading, const char* role) {
      if (!t || !ok) return 0.0f;
      TextStyle st = StyleOf(role, t->lang, theme::kInk, std::string(role) == "title");
      const text::Layout l =
          c.Measure(t->segments, {x, 0, w, col.h}, Lines(px, min_px, lines, leading), st);
      if (l.truncated || (l.shrunk && min_px == px)) ok = false;
      return l.height;
    };
    // The title grows less (a long English title would otherwise need a fourth line) and may
    // shrink back towards its landscape size; the summary and the actions must fit whole.
    need += measure(title, col.x, title_w, PortraitTitlePx(k, u), 44 * u, 3, 1.3f, "title") +
            28 * u * k;
    if (summary)
      need +=
          measure(summary, col.x, col.w, 36 * u * k, 36 * u * k, 6, 1.5f, "summary") + 28 * u * k;
    if (!actions.empty()) {
      need += 18 * u + 54 * u * k;
      // DrawActions gives every row the same height, two lines' worth when any action needs two.
      const float px = 44 * u * k, r = px * 0.72f;
      float tallest = px * 1.25f;
      for (const feed::Text& a : actions)
        tallest = std::max(tallest, measure(a.pick(lang), col.x, col.w - 2 * r - 28 * u, px, px, 2,
                                            1.25f, "body"));
      const float n = float(std::min<size_t>(actions.size(), 6));
      need += n * (tallest > px * 1.3f ? px * 2.5f : px * 1.25f) + (n - 1) * 18 * u;
    }
    if (ok && need <= col.h) need_at[k] = need;
    return ok && need <= col.h;
  };
  static constexpr float kScales[] = {1.0f, 1.1f, 1.2f, 1.3f, 1.4f, 1.5f, 1.6f, 1.8f};
  const float k = LargestFitting(kScales, 0.0f, fits);
  return {k, k > 0 ? col.h - need_at[k] : 0};
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
  PortraitFit fit;
  if (!s.portrait) {
    const float tile = std::min(a.h * 0.62f, 480 * u);
    RectF tile_r{a.x, a.y, tile, tile};
    c.FillRoundedRect("pictogram-tile", tile_r, 24 * u, tint);
    DrawHazardPictogram(c, ctx, hazard,
                        {tile_r.x + 40 * u, tile_r.y + 40 * u, tile - 80 * u, tile - 80 * u},
                        "pictogram");
    Fit hf = Lines(40 * u, 28 * u, 1, 1.0f);
    hf.align = Align::kCenter;
    c.Text(HazardLabel(hazard, lang), {a.x, tile_r.bottom() + 24 * u, tile, 56 * u}, hf,
           StyleOf("label", lang, theme::KindAccent(item.kind), true));
    text_col = {a.x + tile + 72 * u, a.y, a.w - tile - 72 * u, a.h};
  } else {
    // The text's type grows first (PortraitTextScale, measured with a 400 px tile); what height it
    // leaves unused goes to the pictogram, up to a 640 px tile, so the screen is filled by the
    // picture rather than by an empty band under the actions.
    const RectF base_col{a.x, a.y + 400 * u + 56 * u, a.w, a.h - 400 * u - 56 * u};
    fit = PortraitTextScale(c, item, lang, base_col, u);
    const float tile = 400 * u + std::clamp(fit.spare - 24 * u, 0.0f, 240 * u);
    RectF tile_r{a.x, a.y, tile, tile};
    c.FillRoundedRect("pictogram-tile", tile_r, 24 * u, tint);
    DrawHazardPictogram(c, ctx, hazard,
                        {tile_r.x + 32 * u, tile_r.y + 32 * u, tile - 64 * u, tile - 64 * u},
                        "pictogram");
    Fit hf = Lines(44 * u, 28 * u, 2, 1.2f);
    hf.valign_center = true;
    c.Text(HazardLabel(hazard, lang),
           {tile_r.right() + 48 * u, a.y, a.right() - tile_r.right() - 48 * u, tile}, hf,
           StyleOf("label", lang, theme::KindAccent(item.kind), true));
    text_col = {a.x, a.y + tile + 56 * u, a.w, a.h - tile - 56 * u};
  }
  float y = text_col.y;
  const bool has_actions = !item.preparedness.actions.empty();
  const float fill = s.portrait ? fit.k : 0;
  // Grown, the title may take a third line and the summary all of its lines.
  const bool grown = fill > 0;
  const float k = grown ? fill : 1;
  y += DrawTitleBlock(c, item, ctx, {text_col.x, y, text_col.w, (grown ? 270 : 200) * u * k},
                      grown ? PortraitTitlePx(k, u) : 64 * u, 44 * u, grown ? 3 : 2) +
       28 * u * k;
  if (!item.summary.empty()) {
    const int lines = grown ? 6 : has_actions ? 2 : 4;
    text::Layout l = c.Text(
        item.summary, lang, {text_col.x, y, text_col.w, grown ? text_col.bottom() - y : 170 * u},
        Lines(36 * u * k, 28 * u, lines, 1.5f), StyleOf("summary", lang, theme::kInk));
    y += l.height + 28 * u * k;
  }
  if (has_actions) {
    c.FillRect("rule", {text_col.x, y, text_col.w, 3 * u}, theme::kRule);
    y += 18 * u;
    c.Text(L(Label::kKeyActions, lang), {text_col.x, y, text_col.w, 44 * u * k},
           Lines(30 * u * k, 26 * u, 1, 1.0f), StyleOf("label", lang, theme::kInkMuted, true));
    y += 54 * u * k;
    DrawActions(c, item, ctx, {text_col.x, y, text_col.w, text_col.bottom() - y}, u, 44 * u * k);
  }
}

}  // namespace machikado::render
