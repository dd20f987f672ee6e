// DrawShelterSlide and its parts; see template_shelters.h.
#include "render/template_shelters.h"

#include <algorithm>

#include "feed/shelter_refs.h"
#include "render/chrome.h"
#include "render/labels.h"
#include "render/qr_code.h"
#include "render/shelter_labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {
namespace {

constexpr Color kEmptySlot = Rgb(0xE6E2D9);  // a hazard the site is not designated for
constexpr Color kEmptyDash = Rgb(0xA8A296);
constexpr float kSlotGap = 8;  // between pictogram slots (× unit)

float IconsWidth(float icon, float u) {
  return kShelterHazards.size() * icon + (kShelterHazards.size() - 1) * kSlotGap * u;
}

bool Designated(const feed::Shelter& s, feed::Hazard h) {
  return std::find(s.hazards.begin(), s.hazards.end(), h) != s.hazards.end();
}

// The eight slots in the legend's order: the pictogram where the site is designated, an empty
// slot where it is not, so the same hazard is always in the same column.
void DrawHazardSlots(Canvas& c, const feed::Shelter& sh, const SlideContext& ctx, float x, float y,
                     float icon, float u, float max_w) {
  if (sh.hazards.empty()) {
    Fit f = Lines(icon * 0.5f, icon * 0.35f, 1, 1.0f);
    f.valign_center = true;
    c.Text(ShelterText(ShelterWord::kNoDesignation, ctx.lang), {x, y, max_w, icon}, f,
           StyleOf("body", ctx.lang, theme::kInkMuted));
    return;
  }
  for (size_t i = 0; i < kShelterHazards.size(); ++i) {
    RectF slot{x + i * (icon + kSlotGap * u), y, icon, icon};
    if (Designated(sh, kShelterHazards[i])) {
      DrawHazardPictogram(c, ctx, kShelterHazards[i], slot, "hazard-designated");
    } else {
      // An empty place with a short dash: "not this one", not a picture that failed to load.
      c.FillRoundedRect("hazard-slot", slot, icon * 0.1f, kEmptySlot);
      c.FillRect("", {slot.x + icon * 0.3f, slot.y + icon * 0.47f, icon * 0.4f, icon * 0.06f},
                 kEmptyDash);
    }
  }
}

}  // namespace

float ShelterRowHeight(const ShelterRowStyle& st, float u) {
  const float pad = 18 * u;
  float text_h = st.name_px * 1.25f + 6 * u + st.address_px * 1.3f;
  if (st.extra) text_h += st.address_px * 1.3f + 4 * u;
  if (st.icons_below) return pad * 2 + text_h + 14 * u + st.icon;
  return pad * 2 + std::max(text_h, st.icon);
}

void DrawNearbyShelterRow(Canvas& c, const feed::NearbyShelter& n, const SlideContext& ctx, RectF r,
                          float u, const ShelterRowStyle& st) {
  const std::string& lang = ctx.lang;
  const feed::Shelter& sh = n.shelter;
  const float pad = 18 * u;
  c.FillRoundedRect("shelter", r, 14 * u, theme::kCard);
  float x = r.x + pad;
  if (n.distance_m) {
    // Distance badge: the number people compare, large, and what kind of distance it is.
    const float bw = 184 * u;
    RectF badge{x, r.y + pad, bw, r.h - 2 * pad};
    c.FillRoundedRect("distance", badge, 12 * u, theme::kPreparedness);
    const float num_px = std::min(44 * u, badge.h * 0.42f),
                note_px = std::min(22 * u, num_px * 0.55f);
    const float block = num_px * 1.15f + note_px * 1.3f;
    const float top = badge.y + (badge.h - block) / 2;
    Fit nf = Lines(num_px, num_px * 0.6f, 1, 1.0f);
    nf.align = Align::kCenter;
    c.Text(FormatDistance(*n.distance_m, lang),
           {badge.x + 6 * u, top, badge.w - 12 * u, num_px * 1.15f}, nf,
           StyleOf("value", lang, theme::kCard, true));
    Fit sf = Lines(note_px, note_px * 0.75f, 1, 1.0f);
    sf.align = Align::kCenter;
    c.Text(ShelterText(ShelterWord::kStraightLine, lang),
           {badge.x + 6 * u, top + num_px * 1.15f, badge.w - 12 * u, note_px * 1.3f}, sf,
           StyleOf("label", lang, theme::kCard));
    x += bw + 24 * u;
  }
  const float icons_w = IconsWidth(st.icon, u);
  const float right = st.icons_below ? r.right() - pad : r.right() - pad - icons_w - 28 * u;
  const float w = std::max(0.f, right - x);
  float text_h = st.name_px * 1.25f + 6 * u + st.address_px * 1.3f;
  if (st.extra) text_h += st.address_px * 1.3f + 4 * u;
  float y = st.icons_below ? r.y + pad : r.y + (r.h - text_h) / 2;
  // A long name (often the English one) shrinks a little on one line, or else takes two smaller
  // lines in the same room, rather than being cut.
  const TextStyle name_style = StyleOf("body", lang, theme::kInk, true);
  const float one_line_w = c.TextWidth(sh.name.plain(lang), st.name_px, name_style);
  const float name_h = st.name_px * 1.25f;
  Fit nf = Lines(st.name_px, st.name_px * 0.72f, 1, 1.1f);
  if (one_line_w > 0 && st.name_px * w / one_line_w < st.name_px * 0.72f) {
    const float px2 = std::min(st.name_px * 0.72f, name_h / (2 * 1.08f));
    nf = Lines(px2, std::min(px2, 22 * u), 2, 1.08f);
  }
  c.Text(sh.name, lang, {x, y, w, name_h}, nf, name_style);
  y += st.name_px * 1.25f + 6 * u;
  if (!sh.address.empty())
    c.Text(sh.address, lang, {x, y, w, st.address_px * 1.3f},
           Lines(st.address_px, st.address_px * 0.75f, 1, 1.1f),
           StyleOf("body", lang, theme::kInkMuted));
  y += st.address_px * 1.3f;
  if (st.extra) {
    std::string more;
    if (sh.capacity)
      more += ShelterText(ShelterWord::kCapacity, lang) + " " + FormatCapacity(*sh.capacity, lang);
    if (!sh.phone.empty())
      more += (more.empty() ? "" : "   ") + ShelterText(ShelterWord::kPhone, lang) + " " + sh.phone;
    y += 4 * u;
    if (!more.empty())
      c.Text(more, {x, y, w, st.address_px * 1.3f},
             Lines(st.address_px, st.address_px * 0.75f, 1, 1.1f),
             StyleOf("body", lang, theme::kInkMuted));
    y += st.address_px * 1.3f;
  }
  if (st.icons_below)
    DrawHazardSlots(c, sh, ctx, x, y + 14 * u, st.icon, u, r.right() - pad - x);
  else
    DrawHazardSlots(c, sh, ctx, r.right() - pad - icons_w, r.y + (r.h - st.icon) / 2, st.icon, u,
                    icons_w);
}

namespace {

float NoteHeight(Canvas& c, const SlideContext& ctx, float width, float px) {
  const std::string note = ShelterText(ShelterWord::kNoSymbolNote, ctx.lang);
  text::Layout l = c.Measure({{note, ""}}, {0, 0, width, px * 1.3f * 4}, Lines(px, px, 4, 1.3f),
                             StyleOf("label", ctx.lang, theme::kInk, true));
  return std::max(l.height, px * 1.3f);
}

}  // namespace

float ShelterLegendHeight(float u, int columns, float icon, float px, float) {
  const int rows = int((kShelterHazards.size() + columns - 1) / columns);
  return px * 1.5f + rows * (icon + 12 * u);
}

float DrawShelterLegend(Canvas& c, const SlideContext& ctx, RectF box, float u, int columns,
                        float icon, float px) {
  const std::string& lang = ctx.lang;
  c.Text(ShelterText(ShelterWord::kLegend, lang), {box.x, box.y, box.w, px * 1.3f},
         Lines(px, px * 0.8f, 1, 1.0f), StyleOf("label", lang, theme::kInk, true));
  float y = box.y + px * 1.5f;
  const int rows = int((kShelterHazards.size() + columns - 1) / columns);
  const float gap = 20 * u;
  const float col_w = (box.w - (columns - 1) * gap) / columns;
  for (size_t i = 0; i < kShelterHazards.size(); ++i) {
    const int col = int(i) % columns, row = int(i) / columns;
    const float x = box.x + col * (col_w + gap), ry = y + row * (icon + 12 * u);
    DrawHazardPictogram(c, ctx, kShelterHazards[i], {x, ry, icon, icon}, "legend-pictogram");
    // Names of several words ("Inland flooding", 「まちの しんすい」) may take two lines; a single
    // word ("Earthquake") only shrinks, never breaks inside itself.
    const std::string name = ShelterHazardName(kShelterHazards[i], lang);
    const bool words = name.find(' ') != std::string::npos;
    Fit f = words ? Lines(px, std::min(px * 0.65f, icon / 2.3f), 2, 1.05f)
                  : Lines(px, px * 0.5f, 1, 1.0f);
    f.valign_center = true;
    c.Text(name, {x + icon + 12 * u, ry, col_w - icon - 12 * u, icon}, f,
           StyleOf("label", lang, theme::kInk));
  }
  y += rows * (icon + 12 * u);
  // The rule that matters most: a site is only for the hazards it carries.
  const float note_px = px * 0.92f;
  const float note_h = NoteHeight(c, ctx, box.w, note_px);
  if (box.bottom() - y >= note_px * 1.3f) {
    c.Text(ShelterText(ShelterWord::kNoSymbolNote, lang),
           {box.x, y + 4 * u, box.w, std::min(note_h, box.bottom() - y - 4 * u)},
           Lines(note_px, note_px * 0.8f, 4, 1.3f), StyleOf("label", lang, theme::kInk, true));
    y += note_h + 4 * u;
  }
  return y - box.y;
}

void DrawShelterSlide(Canvas& c, const feed::Item& item, const SlideContext& ctx,
                      const ScreenLayout& s) {
  const float u = s.unit;
  const RectF& a = s.content;
  const auto& list = item.preparedness.nearby_shelters;
  float y = a.y;
  y += DrawTitleBlock(c, item, ctx, {a.x, y, a.w, (s.portrait ? 180 : 100) * u}, 60 * u, 40 * u,
                      s.portrait ? 2 : 1) +
       28 * u;
  RectF list_box, legend_box;
  ShelterRowStyle st;
  int legend_columns = 1;
  float legend_icon = 52 * u, legend_px = 28 * u;
  const float legend_pad = 24 * u;
  if (!s.portrait) {
    const float legend_w = 400 * u;
    list_box = {a.x, y, a.w - legend_w - s.gutter, a.bottom() - y};
    legend_box = {list_box.right() + s.gutter, y, legend_w, a.bottom() - y};
    st.name_px = 40 * u;
    st.address_px = 28 * u;
    st.icon = 56 * u;
    // The legend's eight rows share the panel's height with the heading and the note.
    legend_px = 30 * u;
    const float inner_h = legend_box.h - 2 * legend_pad;
    const float note_h = NoteHeight(c, ctx, legend_w - 2 * legend_pad, legend_px * 0.92f);
    legend_icon =
        std::clamp((inner_h - legend_px * 1.5f - note_h - 8 * u) / 8 - 12 * u, 40 * u, 64 * u);
  } else {
    legend_columns = 4;
    legend_icon = 64 * u;
    legend_px = 30 * u;
    const float note_h = NoteHeight(c, ctx, a.w - 2 * legend_pad, legend_px * 0.92f);
    const float legend_h = ShelterLegendHeight(u, legend_columns, legend_icon, legend_px, a.w) +
                           note_h + 2 * legend_pad + 4 * u;
    legend_box = {a.x, a.bottom() - legend_h, a.w, legend_h};
    list_box = {a.x, y, a.w, legend_box.y - 28 * u - y};
    st.name_px = 44 * u;
    st.address_px = 30 * u;
    st.icon = 72 * u;
    st.icons_below = true;
  }
  // Few rows grow (up to a third) to use the room: larger type and pictograms read from further.
  const float gap = 16 * u;
  if (!list.empty()) {
    const float need = list.size() * (ShelterRowHeight(st, u) + gap);
    const float grow = std::clamp((list_box.h + gap) / need, 1.0f, s.portrait ? 1.5f : 1.33f);
    st.name_px *= grow;
    st.address_px *= grow;
    // Pictograms grow as far as the row's width allows: beside the name (landscape) the name keeps
    // at least 460 px at 1080p; below it (portrait) the eight slots fill the text column at most.
    const float text_x = 2 * 18 * u + 184 * u + 24 * u;
    const float max_icons_w =
        st.icons_below ? list_box.w - text_x : list_box.w - text_x - 28 * u - 460 * u;
    const float max_icon = (max_icons_w - 7 * kSlotGap * u) / 8;
    st.icon = std::max(st.icon, std::min(st.icon * grow, max_icon));
  }
  // As many rows as fit; the rest are in the detail view.
  const float row_h = ShelterRowHeight(st, u);
  const size_t fit = size_t(std::max(0.f, (list_box.h + gap) / (row_h + gap)));
  const size_t shown = std::min(list.size(), fit);
  for (size_t i = 0; i < shown; ++i)
    DrawNearbyShelterRow(c, list[i], ctx,
                         {list_box.x, list_box.y + i * (row_h + gap), list_box.w, row_h}, u, st);
  c.FillRoundedRect("legend", legend_box, 16 * u, theme::KindTint(item.kind));
  DrawShelterLegend(c, ctx,
                    {legend_box.x + legend_pad, legend_box.y + legend_pad,
                     legend_box.w - 2 * legend_pad, legend_box.h - 2 * legend_pad},
                    u, legend_columns, legend_icon, legend_px);
}

const feed::Shelter* ShelterForMap(const feed::Item& item) {
  if (item.kind == feed::Kind::kAlert) {
    for (const feed::Shelter* s : SortedShelters(item))
      if (s->status != feed::ShelterStatus::kClosed && s->lat && s->lon) return s;
    return nullptr;
  }
  for (const feed::NearbyShelter& n : item.preparedness.nearby_shelters)
    if (n.shelter.lat && n.shelter.lon) return &n.shelter;
  return nullptr;
}

float DrawShelterMapQr(Canvas& c, const feed::Shelter& sh, const SlideContext& ctx, RectF box,
                       float u, float side, bool at_bottom) {
  const std::string link = feed::ShelterMapLink(sh, ctx.shelter_map_url);
  if (link.empty()) return 0;
  auto qr = EncodeQr(link);
  if (!qr.ok()) return 0;
  const int total = qr->size + 2 * kQrQuietModules;
  // Whole pixels per module (sharp edges), never under 5: a phone held close must resolve them.
  const int mpx = std::max(5, int(side / total));
  const float qside = float(total * mpx), pad = 14 * u;
  // The caption beside the code when there is room, else under it.
  const bool beside = box.w - qside - 2 * pad - 20 * u >= 200 * u;
  const float cap_px = beside ? 32 * u : 26 * u;
  const float caption_h = beside ? 0 : cap_px * 1.3f * 3;
  const float card_h = qside + 2 * pad + caption_h;
  if (card_h > box.h || qside + 2 * pad > box.w) return 0;
  RectF card{box.x, at_bottom ? box.bottom() - card_h : box.y, box.w, card_h};
  c.FillRoundedRect("qr-card", card, 14 * u, theme::kCard);
  const std::string caption = MapQrCaption(sh.name.plain(ctx.lang), ctx.lang);
  const TextStyle style = StyleOf("qr-caption", ctx.lang, theme::kInk, true);
  if (beside) {
    DrawQr(c, *qr, card.x + pad, card.y + pad, mpx);
    const float tx = card.x + pad + qside + 20 * u;
    Fit f = Lines(cap_px, 24 * u, 4, 1.35f);
    f.valign_center = true;
    c.Text(caption, {tx, card.y + pad, card.right() - pad - tx, qside}, f, style);
  } else {
    DrawQr(c, *qr, card.x + (card.w - qside) / 2, card.y + pad, mpx);
    Fit f = Lines(cap_px, 20 * u, 3, 1.3f);
    f.align = Align::kCenter;
    c.Text(caption, {card.x + pad, card.y + pad + qside, card.w - 2 * pad, caption_h}, f, style);
  }
  return card_h;
}

}  // namespace machikado::render
