// The emergency takeover view (issue: disaster mode): the whole screen for one alert — a slim
// header with the time, a large level band, 「警戒レベル4までに必ず避難！」, the hazard,
// instructions, areas, open shelters first with a QR code to the first one's location, and
// issuer / issued / last-confirmed along the bottom.
#include <algorithm>

#include "render/alert_fill.h"
#include "render/chrome.h"
#include "render/labels.h"
#include "render/template_shelters.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {
namespace {

// Title 68, instructions 48, areas and shelters 40 (up to 7 rows, 48 % of the height).
const AlertTypeSizes kTakeoverType{.title_px = 68,
                                   .title_box = 240,
                                   .body_px = 48,
                                   .areas_px = 40,
                                   .shelter_px = 40,
                                   .shelter_head = 100,
                                   .shelter_row_px = 42,
                                   .shelter_rows = 7,
                                   .shelter_share = 0.48f,
                                   .title_gap = 32};

}  // namespace

void DrawTakeover(Canvas& c, const feed::Item& item, const SlideContext& ctx) {
  const bool marked = item.status != feed::ItemStatus::kActual;
  const ScreenLayout s = ComputeScreenLayout(ctx.width, ctx.height, false, marked);
  const float u = s.unit;
  const std::string& lang = ctx.lang;
  DrawHeader(c, s, ctx);
  DrawExerciseStrip(c, s.exercise, u, item.status == feed::ItemStatus::kTest, lang);
  const float m = s.portrait ? 48 * u : 64 * u;
  const float top = s.exercise.h > 0 ? s.exercise.bottom() : s.header.bottom();
  RectF a{m, top + 36 * u, ctx.width - 2 * m, ctx.height - top - 72 * u};
  float y = a.y;
  y += DrawLevelBand(c, item, ctx, {a.x, y, a.w, 0}, u, true) + 20 * u;
  const float strip = DrawEvacuateStrip(c, item, ctx, {a.x, y, a.w, 0}, u);
  if (strip > 0) y += strip + 24 * u;
  // Bottom bar: who issued it and how fresh it is.
  const float meta_px = 32 * u, meta_h = meta_px * 2.5f + 32 * u;
  RectF meta{0, ctx.height - meta_h, float(ctx.width), meta_h};
  c.FillRect("footer", meta, theme::kHeader);
  DrawIssuerLine(c, item, ctx, {m, meta.y + 16 * u, meta.w - 2 * m, meta.h - 32 * u}, u, meta_px,
                 theme::kHeaderInk);
  const float bottom = meta.y - 28 * u;
  const bool has_shelters = !item.alert.shelters.empty();
  auto [type, main, side] =
      PlaceAlertColumns(c, item, ctx, s, {a.x, y, a.w, bottom - y}, kTakeoverType, 0.55f);
  // Landscape: the QR code to the first shelter to go to, top right of the main column, the text
  // beside it; portrait: in the shelter panel (below).
  const feed::Shelter* map_shelter = has_shelters ? ShelterForMap(item) : nullptr;
  if (map_shelter && !s.portrait) {
    const float qr_w = 250 * u;
    if (DrawShelterMapQr(c, *map_shelter, ctx, {main.right() - qr_w, main.y, qr_w, main.h}, u,
                         220 * u, false) > 0)
      main.w -= qr_w + 28 * u;
  }
  float my = DrawAlertText(c, item, ctx, main, u, type, s.portrait, 44 * u, 32 * u) + 32 * u;
  const float areas_px = type.areas_px * u;
  if (!item.alert.areas.empty() && main.bottom() - my > areas_px)
    my += DrawAreas(c, item, ctx, {main.x, my, main.w, main.bottom() - my}, u, areas_px) + 24 * u;
  if (has_shelters) {
    const float shelter_px = type.shelter_px * u;
    const size_t n = item.alert.shelters.size();
    const float list_need = DetailedShelterList(item) ? ShelterListHeight(item, u, shelter_px, n)
                                                      : 100 * u + n * shelter_px * 1.7f;
    // The code may come out a little larger than asked (at least 5 px a module): ≤ 45 modules.
    const float qr_side = 190 * u, qr_need = std::max(qr_side, 45 * 5.0f) + 28 * u + 20 * u;
    // Portrait: the panel grows up towards the text above it as far as its content needs — every
    // shelter and the QR code under them — rather than cutting the list short under a gap.
    if (s.portrait) {
      const float want = list_need + (map_shelter ? qr_need : 0) + 40 * u + 2 * u;  // + rounding
      const float top = std::max(my + 8 * u, side.bottom() - want);
      if (top < side.y) {
        side.h = side.bottom() - top;
        side.y = top;
      }
    }
    c.FillRoundedRect("shelter-panel", side, 18 * u, Rgb(0xECE8DF));
    RectF inner{side.x + 24 * u, side.y + 20 * u, side.w - 48 * u, side.h - 40 * u};
    // Portrait: the QR code under the list when every shelter still fits above it, else in a
    // column at the right of the panel, the list beside it.
    if (map_shelter && s.portrait) {
      if (inner.h - qr_need + 1 >= list_need) {
        if (const float q = DrawShelterMapQr(c, *map_shelter, ctx, inner, u, qr_side, true); q > 0)
          inner.h -= q + 20 * u;
      } else {
        const float qr_w = 260 * u;
        if (DrawShelterMapQr(c, *map_shelter, ctx, {inner.right() - qr_w, inner.y, qr_w, inner.h},
                             u, qr_side, false) > 0)
          inner.w -= qr_w + 24 * u;
      }
    }
    DrawShelterList(c, item, ctx, inner, u, shelter_px, 1);
  }
}

}  // namespace machikado::render
