// Pieces of the alert slide and the takeover view: level band, 「警戒レベル4までに必ず避難！」,
// shelters (open first), areas, issuer and times.
#include <algorithm>

#include "render/chrome.h"
#include "render/labels.h"
#include "render/templates.h"
#include "render/theme.h"

namespace machikado::render {

float DrawLevelBand(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float u,
                    bool large) {
  const int level = item.alert.level.value_or(0);
  const Color bg = theme::LevelColor(level), ink = theme::LevelInk(level);
  const std::string& lang = ctx.lang;
  const bool ja = IsJapanese(lang);
  const float h = (large ? 220 : 156) * u;
  RectF band{box.x, box.y, box.w, h};
  c.FillRect("level-band", band, bg);
  // Level 1 is white on a light page: outline it so the band reads as a band.
  if (level == 1) c.StrokeRect(band, 4 * u, Rgb(0x000000));
  const float pad = (large ? 40 : 32) * u;
  // Pictogram tile on the right: white tile so the artwork keeps its own colours on any level.
  const float tile = h - 2 * pad * 0.6f;
  RectF tile_r{band.right() - pad - tile, band.y + (h - tile) / 2, tile, tile};
  c.FillRoundedRect("hazard-tile", tile_r, 14 * u, theme::kCard);
  DrawHazardPictogram(c, ctx, item.alert.hazard,
                      {tile_r.x + 8 * u, tile_r.y + 8 * u, tile - 16 * u, tile - 16 * u}, "hazard");
  // Left: 「警戒レベル」 and the big number; right of it: the level name over the hazard name.
  const std::string hazard = HazardLabel(item.alert.hazard, lang);
  const TextStyle ws = StyleOf("level", lang, ink, true);
  float x = band.x + pad;
  const float right = tile_r.x - 28 * u;
  auto centered = [](float px, float min_px, int lines) {
    Fit f = Lines(px, min_px, lines, 1.1f);
    f.valign_center = true;
    return f;
  };
  std::string name;
  if (level > 0) {
    const std::string word = L(Label::kAlertLevel, lang);
    const float word_px = (large ? 44 : 34) * u, num_px = (large ? 150 : 104) * u;
    const float word_w = c.TextWidth(word, word_px, ws) + 2;
    c.Text(word, {x, band.y, word_w, h}, centered(word_px, word_px, 1), ws);
    x += word_w + 10 * u;
    const std::string num = std::to_string(level);
    const float num_w = c.TextWidth(num, num_px, ws) + 2;
    c.Text(num, {x, band.y, num_w, h}, centered(num_px, num_px, 1), ws);
    x += num_w + 36 * u;
    // A 警戒レベル相当情報 (JMA, prefecture) says so right after the number: 「警戒レベル4相当」.
    if (item.alert.level_basis == feed::LevelBasis::kEquivalent) {
      x -= 26 * u;
      const std::string eq = L(Label::kLevelEquivalent, lang);
      const float eq_w = c.TextWidth(eq, word_px, ws) + 2;
      c.Text(eq, {x, band.y, eq_w, h}, centered(word_px, word_px, 1), ws);
      x += eq_w + 36 * u;
    }
    name = LevelNameFor(level, item.alert.level_basis, lang);
  } else {
    name = L(Label::kNoLevel, lang);
  }
  if (right - x > 80 * u) {
    const float name_px = (large ? 80 : 60) * u, hz_px = (large ? 44 : 34) * u;
    const float name_h = h - 2 * pad * 0.5f - hz_px * 1.25f;
    RectF name_box{x, band.y + pad * 0.5f, right - x, name_h};
    c.Text(name, name_box, centered(name_px, 26 * u, ja ? 1 : 2), ws);
    c.Text(hazard, {x, name_box.bottom(), right - x, hz_px * 1.2f}, centered(hz_px, 22 * u, 1),
           StyleOf("level", lang, ink, false));
  }
  return h;
}

float DrawEvacuateStrip(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                        float u) {
  const int level = item.alert.level.value_or(0);
  if (level < 4) return 0;
  const float h = 76 * u;
  RectF strip{box.x, box.y, box.w, h};
  c.FillRect("evacuate-strip", strip, theme::kCard);
  c.StrokeRect(strip, 5 * u, Rgb(0xAA00AA));
  Fit f = Lines(44 * u, 26 * u, 1, 1.0f);
  f.align = Align::kCenter;
  f.valign_center = true;
  c.Text(L(Label::kEvacuateByLevel4, ctx.lang), {strip.x + 20 * u, strip.y, strip.w - 40 * u, h}, f,
         StyleOf("evacuate", ctx.lang, Rgb(0x000000), true));
  return h;
}

bool DetailedShelterList(const feed::Item& item) {
  return std::any_of(
      item.alert.shelters.begin(), item.alert.shelters.end(), [&](const feed::Shelter& s) {
        return !s.address.empty() ||
               feed::ShelterSuits(s, item.alert.hazard) != feed::Suitability::kUnknown;
      });
}

namespace {

float ShelterRowHeight(bool detailed, float u, float px) {
  return detailed ? px * 1.5f + px * 0.7f * 1.35f + 18 * u : px * 1.7f;
}

}  // namespace

float ShelterListHeight(const feed::Item& item, float u, float px, size_t rows) {
  return px * 0.85f * 1.2f + 14 * u +
         float(rows) * ShelterRowHeight(DetailedShelterList(item), u, px);
}

std::vector<const feed::Shelter*> SortedShelters(const feed::Item& item) {
  std::vector<const feed::Shelter*> list;
  for (const auto& s : item.alert.shelters) list.push_back(&s);
  const feed::Hazard hazard = item.alert.hazard;
  // Open first, then full, unknown, closed; within a status, those designated for the alert's
  // hazard before unknown ones before those that are not; stable within that (feed order).
  auto rank = [](feed::ShelterStatus s) {
    switch (s) {
      case feed::ShelterStatus::kOpen:
        return 0;
      case feed::ShelterStatus::kFull:
        return 1;
      case feed::ShelterStatus::kUnknown:
        return 2;
      case feed::ShelterStatus::kClosed:
        return 3;
    }
    return 4;
  };
  auto suit_rank = [&](const feed::Shelter* s) {
    switch (feed::ShelterSuits(*s, hazard)) {
      case feed::Suitability::kSuits:
        return 0;
      case feed::Suitability::kUnknown:
        return 1;
      case feed::Suitability::kNotDesignated:
        return 2;
    }
    return 3;
  };
  std::stable_sort(list.begin(), list.end(), [&](auto* a, auto* b) {
    const int ra = rank(a->status), rb = rank(b->status);
    return ra != rb ? ra < rb : suit_rank(a) < suit_rank(b);
  });
  return list;
}

float DrawShelterList(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box,
                      float u, float px, int columns) {
  const std::vector<const feed::Shelter*> list = SortedShelters(item);
  const feed::Hazard hazard = item.alert.hazard;
  if (list.empty() || box.h < px * 2) return 0;
  const std::string& lang = ctx.lang;
  // A second line (designation for this hazard, address) when the feed or the register says more
  // than the name.
  const bool detailed = DetailedShelterList(item);
  const float head_px = px * 0.85f;
  Fit hf = Lines(head_px, head_px, 1, 1.0f);
  c.Text(L(Label::kShelters, lang), {box.x, box.y, box.w, head_px * 1.2f}, hf,
         StyleOf("label", lang, theme::kInkMuted, true));
  const float top = box.y + head_px * 1.2f + 14 * u;
  const float px2 = px * 0.7f;
  const float row_h = ShelterRowHeight(detailed, u, px);
  // A box sized by ShelterListHeight holds exactly its rows: no float rounding may drop one.
  const int rows_fit = std::max(0, int((box.bottom() - top) / row_h + 0.01f));
  columns = std::max(1, columns);
  const size_t capacity = size_t(rows_fit) * columns;
  const size_t shown = std::min(list.size(), capacity);
  const float col_w = (box.w - (columns - 1) * 32 * u) / columns;
  const int rows = int((shown + columns - 1) / columns);
  for (size_t i = 0; i < shown; ++i) {
    const feed::Shelter& sh = *list[i];
    const int col = int(i) / std::max(1, rows), row = int(i) % std::max(1, rows);
    RectF r{box.x + col * (col_w + 32 * u), top + row * row_h, col_w, row_h - 10 * u};
    c.FillRoundedRect("shelter", r, 10 * u, theme::kCard);
    // The first line: status icon, name, status word.
    const float line1_h = detailed ? px * 1.5f + 4 * u : r.h;
    const float icon_r = px * 0.55f;
    DrawShelterStatusIcon(c, sh.status, r.x + 16 * u + icon_r, r.y + line1_h / 2, icon_r);
    const std::string status = ShelterStatusLabel(sh.status, lang);
    const Color status_color = sh.status == feed::ShelterStatus::kOpen     ? theme::kOpen
                               : sh.status == feed::ShelterStatus::kClosed ? theme::kClosed
                               : sh.status == feed::ShelterStatus::kFull   ? theme::kFull
                                                                           : theme::kUnknown;
    const TextStyle st = StyleOf("shelter-status", lang, status_color, true);
    const float sw = c.TextWidth(status, px, st) + 2;
    Fit sf = Lines(px, px, 1, 1.0f);
    sf.valign_center = true;
    sf.align = Align::kRight;
    c.Text(status, {r.right() - 20 * u - sw, r.y, sw, line1_h}, sf, st);
    const float nx = r.x + 32 * u + 2 * icon_r;
    Fit nf = Lines(px, px * 0.7f, 1, 1.0f);
    nf.valign_center = true;
    c.Text(sh.name, lang, {nx, r.y, r.right() - 40 * u - sw - nx, line1_h}, nf,
           StyleOf("body", lang, theme::kInk, sh.status == feed::ShelterStatus::kOpen));
    if (!detailed) continue;
    // The second line: designated for this hazard or not (never guessed), then the address.
    const feed::Suitability suits = feed::ShelterSuits(sh, hazard);
    const std::string suit = ShelterSuitabilityLabel(suits, hazard, lang);
    const Color suit_color = suits == feed::Suitability::kSuits           ? theme::kOpen
                             : suits == feed::Suitability::kNotDesignated ? theme::kFull
                                                                          : theme::kUnknown;
    const TextStyle ss = StyleOf("shelter-suits", lang, suit_color, true);
    const float y2 = r.y + line1_h;
    const float line2_h = r.bottom() - y2 - 6 * u;
    Fit f2 = Lines(px2, px2 * 0.8f, 1, 1.0f);
    f2.valign_center = true;
    const float suit_w = std::min(c.TextWidth(suit, px2, ss) + 2, r.right() - 20 * u - nx);
    c.Text(suit, {nx, y2, suit_w, line2_h}, f2, ss);
    const float ax = nx + suit_w + 24 * u;
    if (!sh.address.empty() && r.right() - 20 * u - ax > px2 * 3)
      c.Text(sh.address, lang, {ax, y2, r.right() - 20 * u - ax, line2_h}, f2,
             StyleOf("shelter-address", lang, theme::kInkMuted));
  }
  if (shown < list.size()) {
    std::string more = IsJapanese(lang) ? "ほか" + std::to_string(list.size() - shown) + "か所"
                                        : "+" + std::to_string(list.size() - shown) + " more";
    // Drawn over the last row's right edge would hide a status; put it under the list header
    // instead.
    const float mw = c.TextWidth(more, head_px, StyleOf("label", lang, theme::kInkMuted)) + 2;
    c.Text(more, {box.right() - mw, box.y, mw, head_px * 1.2f}, hf,
           StyleOf("label", lang, theme::kInkMuted));
  }
  return (top - box.y) + rows * row_h;
}

float DrawAreas(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float u,
                float px) {
  if (item.alert.areas.empty()) return 0;
  const std::string& lang = ctx.lang;
  std::string joined;
  const std::string sep = IsJapanese(lang) ? "、" : ", ";
  for (size_t i = 0; i < item.alert.areas.size(); ++i) {
    if (i) joined += sep;
    joined += item.alert.areas[i].plain(lang);
  }
  const TextStyle ls = StyleOf("label", lang, theme::kInkMuted, true);
  const std::string label = L(Label::kAreas, lang);
  const float lw = c.TextWidth(label, px * 0.85f, ls) + 2;
  c.Text(label, {box.x, box.y + px * 0.1f, lw, px * 1.2f}, Lines(px * 0.85f, px * 0.85f, 1, 1.0f),
         ls);
  text::Layout l = c.Text(joined, {box.x + lw + 24 * u, box.y, box.w - lw - 24 * u, box.h},
                          Lines(px, px * 0.7f, 0, 1.35f), StyleOf("body", lang, theme::kInk));
  return std::max(l.height, px);
}

float DrawIssuerLine(Canvas& c, const feed::Item& item, const SlideContext& ctx, RectF box, float u,
                     float px, Color ink) {
  const std::string& lang = ctx.lang;
  std::string s;
  const std::string issuer = item.alert.issuer.plain(lang);
  if (!issuer.empty()) s += L(Label::kIssuer, lang) + ": " + issuer + "　";
  s += L(Label::kIssued, lang) + " " + FormatDateTime(item.alert.issued, ctx.utc_offset_s, lang);
  if (ctx.confirmed_at)
    s += "　" + L(Label::kConfirmed, lang) + " " +
         FormatDateTime(*ctx.confirmed_at, ctx.utc_offset_s, lang);
  text::Layout l = c.Text(s, box, Lines(px, px * 0.75f, 2, 1.3f), StyleOf("meta", lang, ink));
  (void)u;
  return l.height;
}

}  // namespace machikado::render
