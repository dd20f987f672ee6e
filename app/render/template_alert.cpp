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
  const std::string& lang = ctx.lang;
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
  float my = main.y;
  text::Layout t = c.Text(item.title, lang, {main.x, my, main.w, type.title_box * u},
                          Lines(type.title_px * u, 40 * u, s.portrait ? 3 : 2, 1.25f),
                          StyleOf("title", lang, theme::kInk, true));
  my += t.height + type.title_gap * u;
  // Instructions first; areas keep at least two lines.
  const float areas_px = type.areas_px * u;
  const float areas_h = item.alert.areas.empty() ? 0 : areas_px * 1.35f * 2;
  const feed::Text& instr =
      item.alert.instructions.empty() ? item.summary : item.alert.instructions;
  RectF ib{main.x, my, main.w,
           main.bottom() - my - (areas_h > 0 ? areas_h + type.body_gap * u : 0)};
  text::Layout il = c.Text(instr, lang, ib, Lines(type.body_px * u, 30 * u, 0, 1.5f),
                           StyleOf("body", lang, theme::kInk));
  my += il.height + 28 * u;
  if (areas_h > 0 && main.bottom() - my > areas_px)
    DrawAreas(c, item, ctx, {main.x, my, main.w, main.bottom() - my}, u, areas_px);
  if (has_shelters) {
    c.FillRoundedRect("shelter-panel", side, 18 * u, Rgb(0xECE8DF));
    RectF inner{side.x + 24 * u, side.y + 20 * u, side.w - 48 * u, side.h - 40 * u};
    DrawShelterList(c, item, ctx, inner, u, type.shelter_px * u, 1);
  }
}

}  // namespace machikado::render
