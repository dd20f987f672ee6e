// Alert slide (in the rotation): the 警戒レベル band, 「警戒レベル4までに必ず避難！」 for levels
// 4–5, title and instructions, areas, shelters (open first), issuer and times.
#include <algorithm>

#include "render/alert_fill.h"
#include "render/labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {
namespace {

const AlertTypeSizes kAlertSlideType{};  // title 60, instructions 42, areas and shelters 36

}  // namespace

void DrawAlertSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                    const ScreenLayout& s) {
  const float u = s.unit;
  const RectF& a = s.content;
  float y = a.y;
  y += DrawLevelBand(c, item, ctx, {a.x, y, a.w, 0}, u, false) + 20 * u;
  const float strip = DrawEvacuateStrip(c, item, ctx, {a.x, y, a.w, 0}, u);
  if (strip > 0) y += strip + 20 * u;
  y += 12 * u;
  // Issuer and times along the bottom.
  const float meta_px = 30 * u;
  const float meta_h = meta_px * 2.4f;
  DrawIssuerLine(c, item, ctx, {a.x, a.bottom() - meta_h, a.w, meta_h}, u, meta_px,
                 theme::kInkMuted);
  const float bottom = a.bottom() - meta_h - 20 * u;
  const bool has_shelters = !item.alert.shelters.empty();
  const auto [type, main, side] =
      PlaceAlertColumns(c, item, ctx, s, {a.x, y, a.w, bottom - y}, kAlertSlideType, 0.56f);
  const float my = DrawAlertText(c, item, ctx, main, u, type, s.portrait, 40 * u, 30 * u) + 28 * u;
  const float areas_px = type.areas_px * u;
  if (!item.alert.areas.empty() && main.bottom() - my > areas_px)
    DrawAreas(c, item, ctx, {main.x, my, main.w, main.bottom() - my}, u, areas_px);
  if (has_shelters) {
    c.FillRoundedRect("shelter-panel", side, 18 * u, Rgb(0xECE8DF));
    RectF inner{side.x + 24 * u, side.y + 20 * u, side.w - 48 * u, side.h - 40 * u};
    DrawShelterList(c, item, ctx, inner, u, type.shelter_px * u, 1);
  }
}

}  // namespace machikado::render
