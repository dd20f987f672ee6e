// The shelter slide 「この近くの指定緊急避難場所」 (feed/shelter_slide.h): the nearby designated
// emergency evacuation sites, each with its distance (when the kiosk's position is configured),
// name, address and the pictograms of the hazards it is designated for in eight fixed slots, and a
// legend of the pictograms. Landscape: list left, legend right; portrait: list above, legend below.
// Also the rows for the detail view and the map QR code of a shelter. Stateless; render thread.
#pragma once

#include "feed/model.h"
#include "render/canvas.h"
#include "render/screen_layout.h"

namespace machikado::render {

void DrawShelterSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                      const ScreenLayout& s);

// How one row of the list is drawn.
struct ShelterRowStyle {
  float name_px = 40;
  float address_px = 28;
  float icon = 56;           // side of one hazard pictogram slot
  bool icons_below = false;  // pictograms under the address (portrait, detail) or to the right
  bool extra = false;        // also capacity and phone (the detail view)
};
// The height of one row in `style` (unit `u`).
float ShelterRowHeight(const ShelterRowStyle& style, float u);
// Draws one row into `r` (its height from ShelterRowHeight).
void DrawNearbyShelterRow(Canvas& c, const feed::NearbyShelter& n, const SlideContext& ctx, RectF r,
                          float u, const ShelterRowStyle& style);
// The legend: heading, the eight pictograms with their names in `columns` columns, and the note
// that a site without a hazard's symbol is not for that hazard. Returns the height used.
float DrawShelterLegend(Canvas& c, const SlideContext& ctx, RectF box, float u, int columns,
                        float icon, float px);
float ShelterLegendHeight(float u, int columns, float icon, float px, float width);

// The shelter whose location a QR code offers: on an alert, the first of SortedShelters that is not
// closed and has a position; on the shelter slide, the first (nearest) with a position.
const feed::Shelter* ShelterForMap(const feed::Item& item);
// A card with the QR code of the shelter's map link (SlideContext::shelter_map_url), the code at
// most `side` px square, and a caption naming the shelter beside it (or under it in a narrow box);
// at the top of `box`, or its bottom when `at_bottom`. Returns the height used, 0 when it does not
// fit in `box` or nothing can be encoded.
float DrawShelterMapQr(Canvas& c, const feed::Shelter& shelter, const SlideContext& ctx, RectF box,
                       float u, float side, bool at_bottom);

}  // namespace machikado::render
