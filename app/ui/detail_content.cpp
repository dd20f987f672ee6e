#include "ui/detail_content.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "feed/shelter_refs.h"
#include "feed/shelter_slide.h"
#include "render/chrome.h"
#include "render/event_panel.h"
#include "render/labels.h"
#include "render/number_format.h"
#include "render/qr_code.h"
#include "render/shelter_labels.h"
#include "render/template_shelters.h"
#include "render/templates.h"
#include "render/theme.h"
#include "ui/chrome_labels.h"
#include "ui/touch_metrics.h"

namespace machikado::ui {

using render::Canvas;
using render::DrawQr;
using render::EncodeQr;
using render::Fit;
using render::L;
using render::Label;
using render::Lines;
using render::StyleOf;
namespace theme = render::theme;

DetailGeometry ComputeDetailGeometry(const ChromeLayout& chrome) {
  DetailGeometry g;
  g.unit = chrome.unit;
  const float u = chrome.unit;
  const RectF a = chrome.content;
  const float margin = (chrome.portrait ? 48 : 64) * u, gutter = 56 * u;
  if (!chrome.portrait) {
    const float side_w = std::round(a.w * 0.34f);
    g.side = {a.right() - margin - side_w, a.y + 40 * u, side_w, a.h - 80 * u};
    g.column = {a.x + margin, a.y, g.side.x - gutter - a.x - margin, a.h};
  } else {
    const float side_h = std::round(a.h * 0.30f);
    g.side = {a.x + margin, a.bottom() - side_h - 32 * u, a.w - 2 * margin, side_h};
    g.column = {a.x + margin, a.y, a.w - 2 * margin, g.side.y - gutter * 0.5f - a.y};
  }
  const float hint_h = 84 * u;
  g.column.h -= hint_h;
  g.hint = {g.column.x, g.column.bottom(), g.column.w, hint_h};
  g.column.x = std::round(g.column.x);
  g.column.y = std::round(g.column.y);
  g.column.w = std::round(g.column.w);
  g.column.h = std::round(g.column.h);
  return g;
}

namespace {

// A section heading ("とるべき行動", "避難所"): returns the height used.
float Heading(Canvas& c, std::string_view text, std::string_view lang, float x, float y, float w,
              float px, render::Color accent) {
  c.FillRect("section-rule", {x, y + px * 1.35f, w, std::max(2.f, px * 0.06f)}, accent);
  c.Text(text, {x, y, w, px * 1.3f}, Lines(px, px, 1, 1.0f), StyleOf("label", lang, accent, true));
  return px * 1.35f + px * 0.5f;
}

std::string MetricLine(const feed::Metric& m, std::string_view lang) {
  const bool ja = render::IsJapanese(lang);
  const std::string unit = m.unit.plain(lang);
  auto point = [&](Label l, const feed::MetricPoint& p) {
    std::string period = p.period.plain(lang);
    return L(l, lang) + (period.empty() ? "" : (ja ? "（" + period + "）" : " (" + period + ")")) +
           (ja ? " " : " ") + render::FormatNumber(p.value) + (ja ? "" : " ") + unit;
  };
  std::string s;
  if (m.baseline) s += point(Label::kBaseline, *m.baseline);
  for (const auto& t : m.targets) s += (s.empty() ? "" : " → ") + point(Label::kTarget, t);
  if (m.actual) s += (s.empty() ? "" : ja ? "　" : "   ") + point(Label::kActual, *m.actual);
  const std::string note = m.note.plain(lang);
  if (!note.empty()) s += (s.empty() ? "" : ja ? "　" : " – ") + note;
  return s;
}

}  // namespace

namespace {

// The event panel (render/event_panel.h) at the detail view's sizes, with the contact.
float EventPanel(Canvas& c, const feed::Item& item, std::string_view lang, RectF box, float u,
                 bool draw) {
  render::EventPanelStyle st;
  st.pad = 28 * u;
  st.px = 40 * u;
  st.value_min_px = 28 * u;
  st.corner = 16 * u;
  st.label_px = 32 * u;
  st.label_min_px = st.label_px * 0.8f;
  st.label_w = (render::IsJapanese(lang) ? 110 : 140) * u;
  st.value_gap = 16 * u;
  st.row_gap = 18 * u;
  st.min_row_h = st.px * 1.2f;
  st.measure_h = st.px * 5;
  st.label_box_h = st.label_px * 1.2f;
  st.label_dy = (st.px - st.label_px) * 0.5f;
  st.value_role = "event";
  st.value_bold = true;
  st.with_contact = true;
  return render::DrawEventPanel(c, item, lang, box, st, draw);
}

}  // namespace

float DrawDetailColumn(Canvas& c, const feed::Item& item, const render::SlideContext& ctx,
                       float width, float max_h, float u) {
  const std::string& lang = ctx.lang;
  const bool ja = render::IsJapanese(lang);
  const render::Color accent = theme::KindAccent(item.kind);
  float y = 40 * u;
  auto room = [&] { return std::max(0.f, max_h - y); };
  const float body_px = 42 * u, label_px = 34 * u;

  if (item.status != feed::ItemStatus::kActual) {
    const bool test = item.status == feed::ItemStatus::kTest;
    render::DrawExerciseChip(c, {0, y, std::min(width, 520 * u), 76 * u}, u, test);
    y += 76 * u + 28 * u;
  }
  if (item.kind == feed::Kind::kAlert) {
    y += render::DrawLevelBand(c, item, ctx, {0, y, width, 0}, u, false) + 24 * u;
    const float strip = render::DrawEvacuateStrip(c, item, ctx, {0, y, width, 0}, u);
    if (strip > 0) y += strip + 24 * u;
  }
  // Title with the category bar.
  y += render::DrawTitleBlock(c, item, ctx, {0, y, width, std::min(room(), 520 * u)}, 66 * u,
                              44 * u, 5) +
       20 * u;
  // Meta: category and publication date or source.
  {
    std::string meta = render::KindLabel(item.kind, lang);
    if (item.published)
      meta += "　" + render::FormatDate(*item.published, ctx.utc_offset_s, lang, false);
    if (const feed::LocalizedString* src = item.news.source.pick(lang))
      meta += "　" + L(Label::kSource, lang) + (ja ? "：" : ": ") + src->plain();
    if (!item.project.department.empty())
      meta += "　" + L(Label::kDepartment, lang) + (ja ? "：" : ": ") +
              item.project.department.plain(lang);
    text::Layout l = c.Text(meta, {0, y, width, room()}, Lines(32 * u, 26 * u, 2, 1.3f),
                            StyleOf("meta", lang, theme::kInkMuted));
    y += l.height + 36 * u;
  }
  if (const float panel = EventPanel(c, item, lang, {0, y, width, 0}, u, false);
      panel > 0 && panel < room()) {
    EventPanel(c, item, lang, {0, y, width, 0}, u, true);
    y += panel + 40 * u;
  }
  if (item.kind == feed::Kind::kAlert) {
    const feed::AlertPart& a = item.alert;
    y += render::DrawIssuerLine(c, item, ctx, {0, y - 16 * u, width, 90 * u}, u, 32 * u,
                                theme::kInkMuted) +
         20 * u;
    if (!a.instructions.empty()) {
      y += Heading(c, L(Label::kInstructions, lang), lang, 0, y, width, label_px, accent);
      text::Layout l =
          c.Text(a.instructions, lang, {0, y, width, room()}, Lines(46 * u, 34 * u, 0, 1.6f),
                 StyleOf("instructions", lang, theme::kInk, true));
      y += l.height + 36 * u;
    }
    if (!a.areas.empty()) {
      y += render::DrawAreas(c, item, ctx, {0, y, width, std::min(room(), 400 * u)}, u, body_px) +
           36 * u;
    }
    if (!a.shelters.empty()) {
      // Every shelter, open first; the list's own heading names it.
      const float px = body_px;
      const float need = render::ShelterListHeight(item, u, px, a.shelters.size()) + 2;
      y += render::DrawShelterList(c, item, ctx, {0, y, width, std::min(need, room())}, u, px, 1) +
           36 * u;
    }
  }
  if (item.kind == feed::Kind::kPreparedness && !item.preparedness.actions.empty()) {
    y += Heading(c, L(Label::kKeyActions, lang), lang, 0, y, width, label_px, accent);
    for (const feed::Text& action : item.preparedness.actions) {
      const float dot = 14 * u;
      c.FillCircle("bullet", dot, y + body_px * 0.75f, dot / 2, accent);
      text::Layout l =
          c.Text(action, lang, {dot * 2.4f, y, width - dot * 2.4f, room()},
                 Lines(body_px, 32 * u, 0, 1.5f), StyleOf("action", lang, theme::kInk, true));
      y += std::max(l.height, body_px) + 16 * u;
    }
    y += 24 * u;
  }
  if (feed::IsShelterSlide(item)) {
    // Every chosen shelter with its designations, capacity and phone, then the legend.
    render::ShelterRowStyle st;
    st.name_px = 40 * u;
    st.address_px = 30 * u;
    st.icon = 56 * u;
    st.icons_below = true;
    st.extra = true;
    const float row_h = render::ShelterRowHeight(st, u);
    for (const feed::NearbyShelter& n : item.preparedness.nearby_shelters) {
      if (room() < row_h) break;
      render::DrawNearbyShelterRow(c, n, ctx, {0, y, width, row_h}, u, st);
      y += row_h + 16 * u;
    }
    y += 20 * u;
    if (room() > 200 * u)
      y += render::DrawShelterLegend(c, ctx, {0, y, width, room()}, u, 2, 52 * u, 30 * u) + 36 * u;
  }
  if (item.kind == feed::Kind::kProject) {
    if (!item.project.plan.empty()) {
      text::Layout l =
          c.Text(item.project.plan, lang, {0, y, width, room()}, Lines(34 * u, 28 * u, 2, 1.4f),
                 StyleOf("meta", lang, theme::kInkMuted));
      y += l.height + 28 * u;
    }
    for (const feed::Metric& m : item.project.metrics) {
      text::Layout l = c.Text(m.label, lang, {0, y, width, room()}, Lines(body_px, 32 * u, 2, 1.4f),
                              StyleOf("metric-label", lang, accent, true));
      y += l.height + 8 * u;
      text::Layout v =
          c.Text(MetricLine(m, lang), {0, y, width, room()}, Lines(38 * u, 30 * u, 3, 1.45f),
                 StyleOf("metric", lang, theme::kInk));
      y += v.height + 28 * u;
    }
  }
  if (!item.summary.empty()) {
    text::Layout l =
        c.Text(item.summary, lang, {0, y, width, room()}, Lines(46 * u, 34 * u, 0, 1.6f),
               StyleOf("summary", lang, theme::kInk, true));
    y += l.height + 32 * u;
  }
  if (!item.body.empty()) {
    // The full body: the one block allowed to shrink (then end with …) when it is huge.
    text::Layout l = c.Text(item.body, lang, {0, y, width, room()},
                            Lines(body_px, 30 * u, 0, 1.75f), StyleOf("body", lang, theme::kInk));
    y += l.height + 32 * u;
  }
  return std::min(max_h, y + 24 * u);
}

namespace {

// A card at the bottom of the side panel (ending at `bottom`): the QR code of `content`, `caption`
// beside (or under) it, and `shown` in small text for visitors without a phone camera. Returns the
// new bottom of the free room above it (unchanged when nothing could be encoded).
float DrawQrCard(Canvas& c, std::string_view content, const std::string& caption,
                 std::string_view shown, std::string_view lang, RectF side, float bottom, float u,
                 double dpi) {
  auto qr = EncodeQr(content);
  if (!qr.ok()) return bottom;
  const int modules = qr->size;
  const float preferred = std::min(side.w * 0.62f, 380 * u);
  const int mpx = QrModulePx(modules, dpi, preferred);
  const float qside = float((modules + 2 * kQrQuietModules) * mpx);
  const float pad = 16 * u, url_h = 24 * u * 1.3f;
  // Side by side (QR left, caption right) when the panel is wide enough; else stacked.
  const bool stacked = qside + 220 * u > side.w;
  const float caption_h = stacked ? 28 * u * 1.35f * 2 : 0;
  const float card_h = pad + qside + caption_h + url_h + pad + (stacked ? 8 * u : 0);
  RectF card{side.x, bottom - card_h, side.w, card_h};
  c.FillRoundedRect("qr-card", card, 16 * u, theme::kCard);
  if (stacked) {
    DrawQr(c, *qr, side.x + (side.w - qside) / 2, card.y + pad, mpx);
    c.Text(caption, {card.x + 24 * u, card.y + pad + qside, card.w - 48 * u, caption_h},
           Lines(28 * u, 22 * u, 2, 1.35f), StyleOf("qr-caption", lang, theme::kInk));
  } else {
    const float qx = card.x + pad;
    DrawQr(c, *qr, qx, card.y + pad, mpx);
    const float tx = qx + qside + 16 * u;
    RectF box{tx, card.y + pad + 24 * u, card.right() - 24 * u - tx, qside - 24 * u};
    c.Text(caption, box, Lines(32 * u, 24 * u, 5, 1.45f),
           StyleOf("qr-caption", lang, theme::kInk, true));
  }
  c.Text(std::string(shown), {card.x + pad, card.bottom() - pad - url_h, card.w - 2 * pad, url_h},
         Lines(24 * u, 18 * u, 1, 1.2f), StyleOf("url", "en", theme::kInkMuted));
  return card.y - 32 * u;
}

}  // namespace

void DrawDetailSide(Canvas& c, const feed::Item& item, const render::SlideContext& ctx, RectF side,
                    float u, double dpi) {
  const std::string& lang = ctx.lang;
  float bottom = side.bottom();
  // QR code at the bottom of the panel: it never scrolls away.
  if (!item.url.empty())
    bottom = DrawQrCard(c, item.url, ChromeText(ChromeLabel::kScanQr, lang), item.url, lang, side,
                        bottom, u, dpi);
  // Alerts: the map position (a phone opens a geo: URI in its map app) of the shelter to go to;
  // The shelter slide: the nearest shelter's. The link is its geo: URI or the configured map URL.
  if (const feed::Shelter* s = render::ShelterForMap(item); s && bottom - side.y > 420 * u) {
    const std::string link = feed::ShelterMapLink(*s, ctx.shelter_map_url);
    bottom = DrawQrCard(c, link, render::MapQrCaption(s->name.plain(lang), lang), link, lang, side,
                        bottom, u, dpi);
  }
  // Alerts: the shelters, open first, where the eye lands — the full list is in the column too.
  if (item.kind == feed::Kind::kAlert && !item.alert.shelters.empty() &&
      bottom - side.y > 200 * u) {
    render::DrawShelterList(c, item, ctx, {side.x, side.y, side.w, bottom - side.y}, u, 38 * u, 1);
    return;
  }
  // The picture above it, as large as the room allows.
  const std::string image =
      item.image && ctx.resolve_image ? ctx.resolve_image(item.image->url) : "";
  if (!image.empty() && bottom - side.y > 160 * u)
    c.Image(image, {side.x, side.y, side.w, std::min(side.w * 0.75f, bottom - side.y)}, "detail");
}

}  // namespace machikado::ui
