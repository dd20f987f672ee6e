#include "render/alert_fill.h"

#include <algorithm>

#include "render/fill_search.h"
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
  // Room left for the title and the instructions at scale k (the shelter panel and two lines of
  // areas grow with k too).
  auto room_at = [&](const AlertTypeSizes& t) {
    const float side = PortraitShelterPanelHeight(item, u, t, area.h);
    float room = area.h - (side > 0 ? side + t.shelter_gap * u : 0);
    if (!item.alert.areas.empty()) room -= t.areas_px * u * 1.35f * 2 + t.body_gap * u;
    return room;
  };
  // Height of the title and the instructions set at `t`'s sizes in a column `w` wide with `room`
  // for them, or a negative value when either would be cut.
  auto text_height = [&](const AlertTypeSizes& t, float w, float room) {
    float h = 0;
    if (title) {
      TextStyle ts = StyleOf("title", title->lang, theme::kInk, true);
      const float px = t.title_px * u;
      const text::Layout l =
          c.Measure(title->segments, {area.x, area.y, w, std::min(room, t.title_box * u)},
                    Lines(px, px, t.title_lines, 1.25f), ts);
      if (l.truncated) return -1.0f;
      h += l.height + t.title_gap * u;
    }
    if (body) {
      if (room - h <= 0) return -1.0f;
      TextStyle bs = StyleOf("body", body->lang, theme::kInk);
      const float px = t.body_px * u;
      const text::Layout l =
          c.Measure(body->segments, {area.x, area.y, w, room - h}, Lines(px, px, 0, 1.5f), bs);
      if (l.truncated) return -1.0f;
      h += l.height;
    }
    return h;
  };
  auto fits_exactly = [&](float k) {
    const AlertTypeSizes t = Scaled(base, k);
    const float room = room_at(t);
    const float h = text_height(t, area.w, room);
    return h >= 0 && h <= room;
  };
  // Text k times larger in a column w wide breaks like the text itself in a column w / k wide, at
  // k times the height. The search measures so, at the sizes of k = 1 (whose widths the measurer
  // then has cached), instead of opening two new font sizes per candidate — opening font sizes is
  // the dearest part of preparing a slide (FontSet keeps 24 open). Sizes are rounded to whole
  // pixels and hinted, so the answer is then checked at its real sizes (those the slide draws with)
  // and stepped down should it not fit after all.
  const AlertTypeSizes t1 = Scaled(base, 1);
  auto fits = [&](float k) {
    const float room = room_at(Scaled(base, k)) / k;
    const float h = text_height(t1, area.w / k, room);
    return h >= 0 && h <= room;
  };
  static constexpr float kScales[] = {1.1f, 1.2f, 1.3f, 1.4f, 1.5f};
  float k = LargestFitting(kScales, 1.0f, fits);
  while (k > 1 && !fits_exactly(k)) {
    const float* it = std::find(std::begin(kScales), std::end(kScales), k);
    k = it == std::begin(kScales) ? 1.0f : *(it - 1);
  }
  return k;
}

AlertColumns PlaceAlertColumns(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                               const ScreenLayout& s, RectF area, const AlertTypeSizes& base,
                               float main_share) {
  const float u = s.unit;
  AlertColumns out{base, area, {}};
  // Portrait has twice the height the sizes were set for: a short alert is drawn larger rather
  // than leaving the middle of the screen empty.
  if (s.portrait) out.type = Scaled(base, AlertFillScale(c, item, ctx, area, u, base));
  if (item.alert.shelters.empty()) return out;
  if (!s.portrait) {
    out.side = {area.x + area.w * main_share + s.gutter / 2, area.y,
                area.w * (1 - main_share) - s.gutter / 2, area.h};
    out.main.w = area.w * main_share - s.gutter / 2;
  } else {
    const float side_h = PortraitShelterPanelHeight(item, u, out.type, area.h);
    out.side = {area.x, area.bottom() - side_h, area.w, side_h};
    out.main.h -= side_h + out.type.shelter_gap * u;
  }
  return out;
}

float DrawAlertText(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF main, float u,
                    const AlertTypeSizes& type, bool portrait, float min_title_px,
                    float min_body_px) {
  const std::string& lang = ctx.lang;
  float my = main.y;
  text::Layout t = c.Text(item.title, lang, {main.x, my, main.w, type.title_box * u},
                          Lines(type.title_px * u, min_title_px, portrait ? 3 : 2, 1.25f),
                          StyleOf("title", lang, theme::kInk, true));
  my += t.height + type.title_gap * u;
  // Instructions first; areas keep at least two lines.
  const float areas_h = item.alert.areas.empty() ? 0 : type.areas_px * u * 1.35f * 2;
  const feed::Text& instr =
      item.alert.instructions.empty() ? item.summary : item.alert.instructions;
  text::Layout il = c.Text(
      instr, lang,
      {main.x, my, main.w, main.bottom() - my - (areas_h > 0 ? areas_h + type.body_gap * u : 0)},
      Lines(type.body_px * u, min_body_px, 0, 1.5f), StyleOf("body", lang, theme::kInk));
  return my + il.height;
}

}  // namespace machikado::render
