// News slide: title across the top; summary and source on the left; image and the event panel
// (日時 / 場所 / 費用) on the right (stacked in portrait).
#include <algorithm>

#include "render/labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

namespace {

std::string EventWhen(const feed::Event& e, const SlideContext& ctx) {
  if (!e.start) return "";
  const int off = e.start_offset_s;
  auto is_midnight = [&](UnixSeconds t) { return ((t + off) % 86400 + 86400) % 86400 == 0; };
  std::string s = FormatDate(*e.start, off, ctx.lang, !is_midnight(*e.start));
  if (e.end && *e.end > *e.start) {
    const bool same_day = (*e.end + off) / 86400 == (*e.start + off) / 86400;
    s += IsJapanese(ctx.lang) ? "〜" : " – ";
    s += same_day ? FormatTime(*e.end, off)
                  : FormatDate(*e.end, off, ctx.lang, !is_midnight(*e.end));
  }
  return s;
}

// The event panel: label column + value column on the category tint. Returns its height.
// `scale` enlarges its type when the slide has room to spare (portrait without an image).
float DrawEventPanel(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float u,
                     bool draw, float scale = 1) {
  if (!item.news.event) return 0;
  const feed::Event& e = *item.news.event;
  struct Row {
    Label label;
    std::vector<feed::RubySegment> value;
    std::string lang;
  };
  std::vector<Row> rows;
  std::string when = EventWhen(e, ctx);
  if (!when.empty()) rows.push_back({Label::kDate, {{when, ""}}, ctx.lang});
  for (auto [label, text] : {std::pair{Label::kPlace, &e.place}, std::pair{Label::kFee, &e.fee}})
    if (const feed::LocalizedString* v = text->pick(ctx.lang))
      rows.push_back({label, v->segments, v->lang});
  if (rows.empty()) return 0;
  const float pad = 32 * u * scale, px = 38 * u * scale;
  const float label_w = (IsJapanese(ctx.lang) ? 110 : 130) * u * scale;
  const float value_x = box.x + pad + label_w, value_w = box.right() - pad - value_x;
  float y = box.y + pad;
  std::vector<std::pair<float, float>> spans;  // row tops and heights
  for (const Row& r : rows) {
    TextStyle vs = StyleOf("body", r.lang, theme::kInk);
    text::Layout l =
        c.Measure(r.value, {value_x, y, value_w, px * 4.5f}, Lines(px, 28 * u, 3, 1.35f), vs);
    spans.push_back({y, std::max(l.height, px)});
    y += std::max(l.height, px) + 22 * u * scale;
  }
  const float h = y - 22 * u * scale + pad - box.y;
  if (!draw) return h;
  c.FillRoundedRect("event-panel", {box.x, box.y, box.w, h}, 16 * u, theme::KindTint(item.kind));
  for (size_t i = 0; i < rows.size(); ++i) {
    auto [top, rh] = spans[i];
    c.Text(L(rows[i].label, ctx.lang), {box.x + pad, top, label_w, px * 1.3f},
           Lines(px * 0.9f, px * 0.9f, 1, 1.0f),
           StyleOf("label", ctx.lang, theme::KindAccent(item.kind), true));
    c.Text(rows[i].value, {value_x, top, value_w, rh + 1}, Lines(px, 28 * u, 3, 1.35f),
           StyleOf("body", rows[i].lang, theme::kInk));
  }
  return h;
}

}  // namespace

void DrawNewsSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                   const ScreenLayout& s) {
  const float u = s.unit;
  const RectF& a = s.content;
  const std::string& lang = ctx.lang;
  const float title_h =
      DrawTitleBlock(c, item, ctx, {a.x, a.y, a.w, s.portrait ? 420 * u : 260 * u},
                     s.portrait ? 72 * u : 76 * u, 48 * u, 3);
  float top = a.y + title_h + 44 * u;
  const std::string image =
      item.image && ctx.resolve_image ? ctx.resolve_image(item.image->url) : "";
  // Source line at the bottom of the content area.
  const float source_px = 30 * u;
  const feed::LocalizedString* src = item.news.source.pick(lang);
  float bottom = a.bottom();
  if (src) {
    std::string line = L(Label::kSource, lang) + (IsJapanese(lang) ? "：" : ": ") + src->plain();
    c.Text(line, {a.x, a.bottom() - source_px * 1.3f, a.w, source_px * 1.3f},
           Lines(source_px, 24 * u, 1, 1.0f), StyleOf("meta", src->lang, theme::kInkMuted));
    bottom -= source_px * 1.3f + 24 * u;
  }
  const TextStyle summary_style = StyleOf("summary", lang, theme::kInk);
  if (!s.portrait) {
    const bool side = !image.empty() || item.news.event;
    const float side_w = side ? a.w * 0.42f : 0;
    RectF text_col{a.x, top, a.w - side_w - (side ? s.gutter : 0), bottom - top};
    // With an image, the event panel moves below the summary when the text column has room for
    // it: the image then has the whole side column instead of a strip above the panel.
    float panel_in_text = 0;
    if (!image.empty() && item.news.event) {
      const float panel = DrawEventPanel(c, item, ctx, {text_col.x, 0, text_col.w, 0}, u, false);
      if (const feed::LocalizedString* sv = item.summary.pick(lang)) {
        TextStyle st = summary_style;
        st.lang = sv->lang;
        const text::Layout l =
            c.Measure(sv->segments, {text_col.x, top, text_col.w, text_col.h - panel - 40 * u},
                      Lines(44 * u, 44 * u, 0, 1.6f), st);
        if (panel > 0 && !l.truncated) panel_in_text = l.height + 40 * u;
      }
    }
    text::Layout sl =
        c.Text(item.summary, lang, text_col, Lines(44 * u, 32 * u, 0, 1.6f), summary_style);
    if (panel_in_text > 0)
      DrawEventPanel(c, item, ctx, {text_col.x, top + sl.height + 40 * u, text_col.w, 0}, u, true);
    if (!side) return;
    RectF side_col{a.right() - side_w, top, side_w, bottom - top};
    const float panel_h = panel_in_text > 0 ? 0 : DrawEventPanel(c, item, ctx, side_col, u, false);
    if (!image.empty()) {
      float img_h = side_col.h - (panel_h > 0 ? panel_h + 32 * u : 0);
      RectF drawn = c.Image(
          image, {side_col.x, side_col.y, side_col.w, std::min(img_h, side_col.w * 0.75f)}, "news");
      if (drawn.w > 0) side_col.y = drawn.bottom() + 32 * u;
    }
    if (panel_in_text <= 0)
      DrawEventPanel(c, item, ctx, {side_col.x, side_col.y, side_col.w, 0}, u, true);
    return;
  }
  // Portrait: image, summary, event panel, stacked. The text and the event card take the height
  // the sizes were not set for: the largest type (up to 1.5×, 2× without an image) at which the
  // summary fits whole and unshrunk, the event card growing with it.
  float scale = 1;
  if (!image.empty()) {
    RectF drawn = c.Image(image, {a.x, top, a.w, a.w * 9 / 16}, "news");
    if (drawn.w > 0) top = drawn.bottom() + 40 * u;
  }
  if (const feed::LocalizedString* sv = item.summary.pick(lang)) {
    TextStyle style = summary_style;
    style.lang = sv->lang;
    // Without an image the summary and the event card have the whole height: up to 2×.
    for (float k : {2.0f, 1.8f, 1.6f, 1.5f, 1.4f, 1.3f, 1.2f, 1.1f}) {
      if (k > 1.5f && !image.empty()) continue;
      const float panel = DrawEventPanel(c, item, ctx, {a.x, top, a.w, 0}, u, false, k);
      const float room = bottom - top - (panel > 0 ? panel + 40 * u * k : 0);
      if (room <= 0) continue;
      const text::Layout l = c.Measure(sv->segments, {a.x, top, a.w, room},
                                       Lines(44 * u * k, 44 * u * k, 0, 1.6f), style);
      if (!l.truncated && !l.shrunk) {
        scale = k;
        break;
      }
    }
  }
  const float panel_h = DrawEventPanel(c, item, ctx, {a.x, top, a.w, 0}, u, false, scale);
  const float gap = 40 * u * scale;
  RectF text_box{a.x, top, a.w, bottom - top - (panel_h > 0 ? panel_h + gap : 0)};
  text::Layout l =
      c.Text(item.summary, lang, text_box, Lines(44 * u * scale, 32 * u, 0, 1.6f), summary_style);
  if (panel_h > 0)
    DrawEventPanel(c, item, ctx, {a.x, top + l.height + gap, a.w, 0}, u, true, scale);
}

}  // namespace machikado::render
