// AlertTypeSizes: the type sizes of an alert screen's main block (title, instructions, areas) and
// its shelter list, and AlertFillScale: how much larger they may be drawn when the screen has room
// to spare — a portrait screen is twice as tall as the landscape one the base sizes were set for,
// and a short alert would otherwise leave its middle empty. Used by the alert slide and the
// takeover view. Render thread only (measures with the Canvas); stateless.
#pragma once

#include <cstddef>

#include "feed/model.h"
#include "render/canvas.h"
#include "render/screen_layout.h"

namespace machikado::render {

struct AlertTypeSizes {
  float title_px = 60;  // pixels at unit 1 (scaled by ScreenLayout::unit by the caller)
  int title_lines = 3;
  float title_box = 200;  // height the title may take
  float body_px = 42;
  float areas_px = 36;
  float shelter_px = 36;
  float shelter_head = 96;      // height of a simple list's heading and padding
  float shelter_row_px = 40;    // a simple list's row pitch is 1.7× this
  size_t shelter_rows = 6;      // rows of the shelter list at most
  float shelter_share = 0.45f;  // of the main area at most
  float shelter_gap = 32;
  float title_gap = 28;
  float body_gap = 24;
};

// `base` with every size multiplied by k.
AlertTypeSizes Scaled(const AlertTypeSizes& base, float k);

// Height of the shelter panel placed below the main block in portrait (0 without shelters).
float PortraitShelterPanelHeight(const feed::Item& item, float u, const AlertTypeSizes& t,
                                 float area_h);

// The largest k of 1.1, 1.2 … 1.5 (else 1) at which the title, the instructions and two lines of
// areas fit `area` (which also holds the shelter panel below them) whole at their full size. Found
// by bisection (LargestFitting): at most three sizes are tried.
float AlertFillScale(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF area,
                     float u, const AlertTypeSizes& base);

// Where an alert screen's main block and its shelter panel go, and the type sizes they use.
struct AlertColumns {
  AlertTypeSizes type;
  RectF main;  // title, instructions, areas
  RectF side;  // the shelter panel (empty without shelters)
};

// Splits `area` (below the level band, above the issuer line): landscape, the shelter panel
// takes the right (1 − main_share) of the width; portrait, it sits at the bottom at the height
// its list needs and the type is enlarged by AlertFillScale. Used by the alert slide and the
// takeover view.
AlertColumns PlaceAlertColumns(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                               const ScreenLayout& s, RectF area, const AlertTypeSizes& base,
                               float main_share);

// Draws the title (3 lines in portrait, 2 in landscape, down to `min_title_px`) and the
// instructions — or the summary when there are none — from the top of `main`, keeping two lines
// of areas free below them; returns the y where the instructions end.
float DrawAlertText(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF main, float u,
                    const AlertTypeSizes& type, bool portrait, float min_title_px,
                    float min_body_px);

}  // namespace machikado::render
