// The content of a detail view, drawn with render's Canvas so that the typography is the slides'
// own (BIZ UD Gothic, libunibreak + kinsoku line breaking, ruby): a scrolling column (title, the
// kind's facts — alert level band, instructions, areas and every shelter with its status; key
// actions; metrics — then summary and the full body) and a fixed side panel (image, event date /
// place / fee, and the QR code of the item's url). Exercise items carry the 訓練 / EXERCISE mark.
// Stateless drawing functions; render thread only.
#pragma once

#include "feed/model.h"
#include "render/canvas.h"
#include "render/screen_layout.h"
#include "ui/chrome_layout.h"

namespace machikado::ui {

struct DetailGeometry {
  RectF column;  // screen rectangle the scrolling column is shown in
  RectF side;    // screen rectangle of the fixed side panel
  RectF hint;    // strip under the column for the "more below" hint
  float unit = 1;
};

DetailGeometry ComputeDetailGeometry(const ChromeLayout& chrome);

// Draws the column with its top-left at (0, 0) and `width` wide; nothing below `max_h`. Returns the
// height used (the column texture's height).
float DrawDetailColumn(render::Canvas& c, const feed::Item& item, const render::SlideContext& ctx,
                       float width, float max_h, float unit);

// Draws the side panel inside `side` on the screen-sized base picture.
void DrawDetailSide(render::Canvas& c, const feed::Item& item, const render::SlideContext& ctx,
                    RectF side, float unit, double dpi);

}  // namespace machikado::ui
