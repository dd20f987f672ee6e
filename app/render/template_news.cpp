// News slide: title across the top; summary and source on the left; image and the event panel
// (日時 / 場所 / 費用) on the right (stacked in portrait).
#include <algorithm>

#include "render/event_panel.h"
#include "render/labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

namespace {

// The event panel (render/event_panel.h) at the slide's sizes. `scale` enlarges its type when the
// slide has room to spare (portrait without an image). Returns its height.
float DrawEventPanel(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float u,
                     bool draw, float scale = 1) {
  EventPanelStyle st;
  st.pad = 32 * u * scale;
  st.px = 38 * u * scale;
  st.value_min_px = 28 * u;
  st.corner = 16 * u;
  st.label_px = st.label_min_px = st.px * 0.9f;
  st.label_w = (IsJapanese(ctx.lang) ? 110 : 130) * u * scale;
  st.row_gap = 22 * u * scale;
  st.min_row_h = st.px;
  st.measure_h = st.px * 4.5f;
  st.label_box_h = st.px * 1.3f;
  return render::DrawEventPanel(c, item, ctx.lang, box, st, draw);
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
