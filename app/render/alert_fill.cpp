#include "render/alert_fill.h"

#include <algorithm>

#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

AlertTypeSizes Scaled(const AlertTypeSizes& b, float k) {
  AlertTypeSizes t = b;
  t.title_px *= k;
  // Room for every title line at the full size (a three-line title would otherwise shrink, and
  // AlertFillScale, which wants it unshrunk, would never enlarge anything).
  t.title_box = std::max(b.title_box * k, t.title_px * 1.25f * float(t.title_lines) + 1);
  t.body_px *= k;
  t.areas_px *= k;
  t.shelter_px *= k;
  t.shelter_head *= k;
  t.shelter_row_px *= k;
  t.title_gap *= k;
  t.body_gap *= k;
  return t;
}

float PortraitShelterPanelHeight(const feed::Item& item, float u, const AlertTypeSizes& t,
                                 float area_h) {
  if (item.alert.shelters.empty()) return 0;
  const size_t rows = std::min(item.alert.shelters.size(), t.shelter_rows);
  const float px = t.shelter_px * u;
  const float list_h = DetailedShelterList(item)
                           ? 40 * u + ShelterListHeight(item, u, px, rows)
                           : t.shelter_head * u + float(rows) * t.shelter_row_px * u * 1.7f;
  return std::min(area_h * t.shelter_share, list_h);
}

float AlertFillScale(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF area,
                     float u, const AlertTypeSizes& base) {
  const std::string& lang = ctx.lang;
  const feed::Text& instr =
      item.alert.instructions.empty() ? item.summary : item.alert.instructions;
  const feed::LocalizedString* title = item.title.pick(lang);
  const feed::LocalizedString* body = instr.pick(lang);
  for (float k : {1.5f, 1.4f, 1.3f, 1.2f, 1.1f}) {
    const AlertTypeSizes t = Scaled(base, k);
    const float side = PortraitShelterPanelHeight(item, u, t, area.h);
    float room = area.h - (side > 0 ? side + t.shelter_gap * u : 0);
    if (!item.alert.areas.empty()) room -= t.areas_px * u * 1.35f * 2 + t.body_gap * u;
    if (title) {
      TextStyle ts = StyleOf("title", title->lang, theme::kInk, true);
      const float px = t.title_px * u;
      const text::Layout l =
          c.Measure(title->segments, {area.x, area.y, area.w, std::min(room, t.title_box * u)},
                    Lines(px, px, t.title_lines, 1.25f), ts);
      if (l.truncated) continue;
      room -= l.height + t.title_gap * u;
    }
    if (body) {
      if (room <= 0) continue;
      TextStyle bs = StyleOf("body", body->lang, theme::kInk);
      const float px = t.body_px * u;
      const text::Layout l =
          c.Measure(body->segments, {area.x, area.y, area.w, room}, Lines(px, px, 0, 1.5f), bs);
      if (l.truncated) continue;
    }
    return k;
  }
  return 1;
}

}  // namespace machikado::render
