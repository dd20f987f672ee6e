#include "render/event_panel.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "render/labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

std::string EventWhen(const feed::Event& e, std::string_view lang) {
  if (!e.start) return "";
  const int off = e.start_offset_s;
  auto is_midnight = [&](UnixSeconds t) { return ((t + off) % 86400 + 86400) % 86400 == 0; };
  std::string s = FormatDate(*e.start, off, lang, !is_midnight(*e.start));
  if (e.end && *e.end > *e.start) {
    const bool same_day = (*e.end + off) / 86400 == (*e.start + off) / 86400;
    s += IsJapanese(lang) ? "〜" : " – ";
    s += same_day ? FormatTime(*e.end, off) : FormatDate(*e.end, off, lang, !is_midnight(*e.end));
  }
  return s;
}

float DrawEventPanel(Canvas& c, const feed::Item& item, std::string_view lang, RectF box,
                     const EventPanelStyle& st, bool draw) {
  if (!item.news.event) return 0;
  const feed::Event& e = *item.news.event;
  struct Row {
    Label label;
    std::vector<feed::RubySegment> value;
    std::string lang;
  };
  std::vector<Row> rows;
  const std::string when = EventWhen(e, lang);
  if (!when.empty()) rows.push_back({Label::kDate, {{when, ""}}, std::string(lang)});
  std::vector<std::pair<Label, const feed::Text*>> texts = {{Label::kPlace, &e.place},
                                                            {Label::kFee, &e.fee}};
  if (st.with_contact) texts.push_back({Label::kContact, &e.contact});
  for (auto [label, text] : texts)
    if (const feed::LocalizedString* v = text->pick(lang))
      rows.push_back({label, v->segments, v->lang});
  if (rows.empty()) return 0;
  const float value_x = box.x + st.pad + st.label_w + st.value_gap;
  const float value_w = box.right() - st.pad - value_x;
  const Fit value_fit = Lines(st.px, st.value_min_px, 3, 1.35f);
  float y = box.y + st.pad;
  std::vector<std::pair<float, float>> spans;  // row tops and heights
  for (const Row& r : rows) {
    text::Layout l = c.Measure(r.value, {value_x, y, value_w, st.measure_h}, value_fit,
                               StyleOf(st.value_role, r.lang, theme::kInk, st.value_bold));
    spans.push_back({y, std::max(l.height, st.min_row_h)});
    y += spans.back().second + st.row_gap;
  }
  const float h = y - st.row_gap + st.pad - box.y;
  if (!draw) return h;
  c.FillRoundedRect("event-panel", {box.x, box.y, box.w, h}, st.corner, theme::KindTint(item.kind));
  for (size_t i = 0; i < rows.size(); ++i) {
    auto [top, rh] = spans[i];
    c.Text(L(rows[i].label, lang), {box.x + st.pad, top + st.label_dy, st.label_w, st.label_box_h},
           Lines(st.label_px, st.label_min_px, 1, 1.0f),
           StyleOf("label", lang, theme::KindAccent(item.kind), true));
    c.Text(rows[i].value, {value_x, top, value_w, rh + 1}, value_fit,
           StyleOf(st.value_role, rows[i].lang, theme::kInk, st.value_bold));
  }
  return h;
}

}  // namespace machikado::render
