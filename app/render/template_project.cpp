// Project slide: department and plan, title, summary, and each metric as a card with a horizontal
// bar chart — baseline, actual and targets, each with its period, value and unit in text (never
// colour alone). A metric without numbers (a non-numeric goal such as 「実施」) shows its note as
// text.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/labels.h"
#include "render/number_format.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

namespace {

struct Bar {
  Label kind;
  const feed::MetricPoint* point;
};

void DrawMetricCard(Canvas& c, const feed::Metric& m, const SlideContext& ctx, RectF card,
                    float u) {
  const std::string& lang = ctx.lang;
  const Color accent = theme::kProject;
  c.FillRoundedRect("metric-card", card, 16 * u, theme::kCard);
  std::vector<Bar> bars;
  if (m.baseline) bars.push_back({Label::kBaseline, &*m.baseline});
  if (m.actual) bars.push_back({Label::kActual, &*m.actual});
  for (const auto& t : m.targets) bars.push_back({Label::kTarget, &t});
  // A card with room to spare (one metric on the slide, or a tall portrait card) draws its type
  // and bars larger, up to 2×, instead of leaving its lower part empty.
  const float natural = (100 + 18 + 72 * float(std::max<size_t>(bars.size(), 1))) * u;
  const float k = std::clamp((card.h - 1.6f * 28 * u) / natural, 1.0f, 2.0f);
  const float pad = 28 * u * k;
  RectF in{card.x + pad, card.y + pad * 0.8f, card.w - 2 * pad, card.h - 1.6f * pad};
  text::Layout lab =
      c.Text(m.label, lang, {in.x, in.y, in.w, 100 * u * k}, Lines(36 * u * k, 26 * u, 2, 1.25f),
             StyleOf("label", lang, theme::kInk, true));
  float y = in.y + lab.height + 18 * u * k;
  if (bars.empty()) {
    // Non-numeric goal: the note as text, centred in the room below the label.
    Fit note = Lines(36 * u * k, 26 * u, 0, 1.45f);
    note.valign_center = true;
    c.Text(m.note, lang, {in.x, y, in.w, in.bottom() - y}, note,
           StyleOf("body", lang, theme::kInk));
    return;
  }
  double max_v = 0;
  for (const Bar& b : bars) max_v = std::max(max_v, b.point->value);
  if (max_v <= 0) max_v = 1;
  const std::string unit = m.unit.plain(lang);
  const float room = in.bottom() - y;
  const float row_h = std::clamp(room / bars.size(), 30 * u, 72 * u * k);
  const float px = std::clamp(row_h * 0.5f, 22 * u, 32 * u * k);
  const float label_w = std::min(in.w * 0.34f, (IsJapanese(lang) ? 200 : 230) * u * k);
  const float value_w = std::min(in.w * 0.28f, 200 * u * k);
  const float bar_x = in.x + label_w + 12 * u, bar_w = in.right() - value_w - 12 * u - bar_x;
  Fit one = Lines(px, px * 0.7f, 1, 1.0f);
  one.valign_center = true;
  for (const Bar& b : bars) {
    if (y + row_h > in.bottom() + 0.5f) break;
    std::string period = b.point->period.plain(lang);
    std::string left = L(b.kind, lang) + (period.empty() ? "" : " " + period);
    c.Text(left, {in.x, y, label_w, row_h}, one,
           StyleOf("label", lang, theme::kInkMuted, b.kind == Label::kActual));
    const float bw = std::max(4 * u, float(bar_w * b.point->value / max_v));
    const float thick = std::min(row_h * 0.6f, px * 1.5f);
    RectF bar{bar_x, y + (row_h - thick) / 2, bw, thick};
    if (b.kind == Label::kBaseline) {
      c.FillRect("metric-baseline", bar, Rgb(0xA8A29A));
    } else if (b.kind == Label::kActual) {
      c.FillRect("metric-actual", bar, accent);
    } else {
      // Targets: outlined, so they read as "to reach", not "reached".
      c.FillRect("metric-target", bar, theme::kProjectTint);
      c.StrokeRect(bar, std::max(2.f, 3 * u), accent);
    }
    Fit vf = one;
    vf.align = Align::kLeft;
    c.Text(FormatNumber(b.point->value) + unit,
           {bar.right() + 12 * u, y, in.right() - bar.right() - 12 * u, row_h}, vf,
           StyleOf("value", lang, theme::kInk, true));
    y += row_h;
  }
}

}  // namespace

void DrawProjectSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                      const ScreenLayout& s) {
  const float u = s.unit;
  const RectF& a = s.content;
  const std::string& lang = ctx.lang;
  const auto& p = item.project;
  float y = a.y;
  std::string over = p.department.plain(lang);
  const std::string plan = p.plan.plain(lang);
  if (!plan.empty()) over += over.empty() ? plan : "　" + plan;
  if (!over.empty()) {
    text::Layout l = c.Text(over, {a.x, y, a.w, 90 * u}, Lines(30 * u, 24 * u, 2, 1.3f),
                            StyleOf("label", lang, theme::kProject, true));
    y += l.height + 20 * u;
  }
  y += DrawTitleBlock(c, item, ctx, {a.x, y, a.w, 200 * u}, 64 * u, 44 * u, 2) + 28 * u;
  if (!item.summary.empty()) {
    text::Layout l = c.Text(item.summary, lang, {a.x, y, a.w, (s.portrait ? 220 : 130) * u},
                            Lines(36 * u, 28 * u, s.portrait ? 4 : 2, 1.5f),
                            StyleOf("summary", lang, theme::kInk));
    y += l.height + 32 * u;
  }
  const size_t n = p.metrics.size();
  if (n == 0) return;
  const int cols = s.portrait ? 1 : (n == 1 ? 1 : 2);
  const int rows = int((n + cols - 1) / cols);
  const float gap = 28 * u;
  RectF grid{a.x, y, a.w, a.bottom() - y};
  c.FillRoundedRect("metric-area",
                    {grid.x - 16 * u, grid.y - 16 * u, grid.w + 32 * u, grid.h + 16 * u}, 20 * u,
                    theme::kProjectTint);
  const float cw = (grid.w - (cols - 1) * gap) / cols, ch = (grid.h - (rows - 1) * gap) / rows;
  if (cols == 1) {
    // One column: each card's height in proportion to what it shows (its label and its bars, or
    // its note), so that a card with one line of text is not as tall as one with four bars.
    std::vector<float> weight(n);
    float total = 0;
    for (size_t i = 0; i < n; ++i) {
      const feed::Metric& m = p.metrics[i];
      const size_t bars = (m.baseline ? 1 : 0) + (m.actual ? 1 : 0) + m.targets.size();
      weight[i] = 1.5f + float(std::max<size_t>(bars, 1));
      total += weight[i];
    }
    const float free_h = grid.h - float(n - 1) * gap;
    float cy = grid.y;
    for (size_t i = 0; i < n; ++i) {
      const float h = free_h * weight[i] / total;
      DrawMetricCard(c, p.metrics[i], ctx, {grid.x, cy, cw, h}, u);
      cy += h + gap;
    }
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    const int col = int(i) % cols, row = int(i) / cols;
    DrawMetricCard(c, p.metrics[i], ctx,
                   {grid.x + col * (cw + gap), grid.y + row * (ch + gap), cw, ch}, u);
  }
}

}  // namespace machikado::render
