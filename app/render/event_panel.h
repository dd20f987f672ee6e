// The event panel: 日時 / 場所 / 費用 (and 連絡先) of a news item's event, as a label column and a
// value column on the category tint — one drawing for the news slide (template_news.cpp) and the
// detail view (ui/detail_content.cpp), which differ only in sizes and type (EventPanelStyle).
// Also the event's date range in words. Stateless; on the thread that owns the Canvas.
#pragma once

#include <string>
#include <string_view>

#include "feed/model.h"
#include "render/canvas.h"

namespace machikado::render {

// "11月29日（日）9:00〜11:00", "Sun 29 Nov 9:00 – 11:00"; "" without a start.
std::string EventWhen(const feed::Event& e, std::string_view lang);

struct EventPanelStyle {
  float pad = 0;           // inside the tint, all round
  float px = 0;            // value type size …
  float value_min_px = 0;  // … and the smallest it may shrink to
  float corner = 0;        // the tint's corner radius
  float label_px = 0;      // label type size …
  float label_min_px = 0;  // … and the smallest it may shrink to
  float label_w = 0;       // label column
  float value_gap = 0;     // between the label column and the values
  float row_gap = 0;
  float min_row_h = 0;    // a row is at least this tall
  float measure_h = 0;    // the most a value may take (it is fitted in up to 3 lines)
  float label_box_h = 0;  // the label's box, moved down by label_dy within its row
  float label_dy = 0;
  std::string value_role = "body";  // the values' text role, bold or not
  bool value_bold = false;
  bool with_contact = false;  // the detail view also lists 連絡先
};

// Lays the panel out in `box` (its height is the panel's) and draws it when `draw`; returns the
// height. 0 when the item has no event or nothing of it to show.
float DrawEventPanel(Canvas& c, const feed::Item& item, std::string_view lang, RectF box,
                     const EventPanelStyle& style, bool draw);

}  // namespace machikado::render
