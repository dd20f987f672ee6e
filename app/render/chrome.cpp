#include "render/chrome.h"

#include <algorithm>

#include "render/labels.h"
#include "render/theme.h"

namespace machikado::render {

namespace {

Fit OneLine(float px, float min_px, Align align = Align::kLeft) {
  Fit f;
  f.max_px = px;
  f.min_px = min_px;
  f.line_spacing = 1.0f;
  f.max_lines = 1;
  f.align = align;
  f.valign_center = true;
  return f;
}

TextStyle Style(std::string role, std::string_view lang, Color color, bool bold) {
  return TextStyle{std::move(role), std::string(lang), color, bold};
}

}  // namespace

void DrawHeader(Canvas& c, const ScreenLayout& s, const SlideContext& ctx) {
  const float u = s.unit;
  const RectF& h = s.header;
  c.FillRect("header", h, theme::kHeader);
  const std::string& lang = ctx.lang;
  // Date and time at the right edge.
  std::string when = FormatDateTime(ctx.now, ctx.utc_offset_s, lang);
  if (ctx.show_wareki && IsJapanese(lang)) {
    std::string era = FormatWareki(ctx.now, ctx.utc_offset_s);
    if (!era.empty()) when = era + " " + when;
  }
  const TextStyle time_style = Style("header", lang, theme::kHeaderInk, true);
  const float time_px = 46 * u;
  const float time_w = c.TextWidth(when, time_px, time_style) + 2;
  RectF time_box{h.right() - s.margin - time_w, h.y, time_w, h.h};
  c.Text(when, time_box, OneLine(time_px, time_px, Align::kRight), time_style);
  // Connectivity: a dot and a word (the word is dropped on narrow screens; the footer chip says
  // more).
  const TextStyle conn_style = Style("header", lang, theme::kHeaderMuted, false);
  const std::string conn = ctx.online ? L(Label::kOnline, lang) : L(Label::kOffline, lang);
  const float conn_px = 30 * u;
  const float conn_w = c.TextWidth(conn, conn_px, conn_style) + 2;
  float right = time_box.x - 40 * u;
  const bool with_word = !s.portrait;
  if (with_word) {
    RectF conn_box{right - conn_w, h.y, conn_w, h.h};
    c.Text(conn, conn_box, OneLine(conn_px, conn_px), conn_style);
    right = conn_box.x - 14 * u;
  }
  const float dot_r = 11 * u;
  c.FillCircle("connectivity", right - dot_r, h.y + h.h / 2, dot_r,
               ctx.online ? theme::kOnline : theme::kOffline);
  right -= 2 * dot_r + 40 * u;
  // Center name fills what is left.
  std::string name = ctx.center_name.plain(lang);
  const feed::LocalizedString* v = ctx.center_name.pick(lang);
  if (v && right - s.margin > 100 * u)
    c.Text(v->segments, {s.margin, h.y, right - s.margin, h.h}, OneLine(44 * u, 28 * u),
           Style("header", v->lang, theme::kHeaderInk, true));
}

void DrawKindIcon(Canvas& c, feed::Kind kind, RectF q, Color ink) {
  const float t = std::max(2.f, q.w * 0.08f);
  switch (kind) {
    case feed::Kind::kNews: {  // a sheet with lines
      RectF sheet{q.x + q.w * 0.15f, q.y + q.h * 0.08f, q.w * 0.7f, q.h * 0.84f};
      c.StrokeRect(sheet, t, ink);
      for (int i = 0; i < 3; ++i)
        c.FillRect(
            "",
            {sheet.x + 2.2f * t, sheet.y + sheet.h * (0.25f + 0.22f * i), sheet.w - 4.4f * t, t},
            ink);
      break;
    }
    case feed::Kind::kPreparedness: {  // a house (shelter)
      c.FillPolygon({{q.x + q.w * 0.5f, q.y + q.h * 0.05f},
                     {q.right(), q.y + q.h * 0.45f},
                     {q.x, q.y + q.h * 0.45f}},
                    ink);
      c.FillRect("", {q.x + q.w * 0.15f, q.y + q.h * 0.44f, q.w * 0.7f, q.h * 0.5f}, ink);
      break;
    }
    case feed::Kind::kAlert: {  // a warning triangle
      c.FillPolygon({{q.x + q.w * 0.5f, q.y + q.h * 0.04f},
                     {q.right(), q.bottom() - q.h * 0.06f},
                     {q.x, q.bottom() - q.h * 0.06f}},
                    ink);
      break;
    }
    case feed::Kind::kVideo: {  // a play triangle in a frame
      c.StrokeRect({q.x, q.y + q.h * 0.15f, q.w, q.h * 0.7f}, t, ink);
      c.FillPolygon({{q.x + q.w * 0.38f, q.y + q.h * 0.32f},
                     {q.x + q.w * 0.68f, q.y + q.h * 0.5f},
                     {q.x + q.w * 0.38f, q.y + q.h * 0.68f}},
                    ink);
      break;
    }
    case feed::Kind::kProject: {  // rising bars
      for (int i = 0; i < 3; ++i) {
        float bh = q.h * (0.35f + 0.3f * i);
        c.FillRect("", {q.x + q.w * (0.08f + 0.31f * i), q.bottom() - bh, q.w * 0.24f, bh}, ink);
      }
      break;
    }
  }
}

void DrawFooter(Canvas& c, const ScreenLayout& s, const SlideContext& ctx, feed::Kind kind) {
  const float u = s.unit;
  const std::string& lang = ctx.lang;
  c.FillRect("footer", s.footer, theme::kHeader);
  const RectF row{s.footer.x, s.footer.y, s.footer.w, s.footer.h - s.progress.h};
  // Category chip: icon + label on the category colour.
  const std::string label = KindLabel(kind, lang);
  const TextStyle chip_style = Style("footer", lang, theme::kHeaderInk, true);
  const float chip_px = 34 * u, icon = 36 * u, pad = 22 * u;
  const float label_w = c.TextWidth(label, chip_px, chip_style) + 2;
  RectF chip{s.margin, row.y + (row.h - 64 * u) / 2, pad + icon + 14 * u + label_w + pad, 64 * u};
  c.FillRoundedRect("category", chip, 12 * u, theme::KindAccent(kind));
  DrawKindIcon(c, kind, {chip.x + pad, chip.y + (chip.h - icon) / 2, icon, icon},
               theme::kHeaderInk);
  c.Text(label, {chip.x + pad + icon + 14 * u, chip.y, label_w, chip.h}, OneLine(chip_px, chip_px),
         chip_style);
  // Position in the rotation.
  const std::string pos = std::to_string(ctx.position) + " / " + std::to_string(ctx.total);
  const TextStyle pos_style = Style("footer", lang, theme::kHeaderInk, true);
  const float pos_w = c.TextWidth(pos, 36 * u, pos_style) + 2;
  RectF pos_box{row.right() - s.margin - pos_w, row.y, pos_w, row.h};
  c.Text(pos, pos_box, OneLine(36 * u, 36 * u, Align::kRight), pos_style);
  // Honest offline indicator: what the screen shows is from the cache, and from when.
  if (ctx.offline_as_of) {
    std::string t = FormatTime(*ctx.offline_as_of, ctx.utc_offset_s);
    std::string text =
        IsJapanese(lang)
            ? L(Label::kOffline, lang) + " · " + t + " " + L(Label::kOfflineAsOf, lang)
            : L(Label::kOffline, lang) + " · " + L(Label::kOfflineAsOf, lang) + " " + t;
    const TextStyle off_style = Style("footer", lang, Rgb(0x000000), true);
    const float left = chip.right() + 32 * u, avail = pos_box.x - 32 * u - left;
    const float off_px = 30 * u;
    float w = std::min(avail, c.TextWidth(text, off_px, off_style) + 40 * u);
    if (w > 120 * u) {
      RectF pill{left + (avail - w) / 2, row.y + (row.h - 56 * u) / 2, w, 56 * u};
      c.FillRoundedRect("offline", pill, 28 * u, theme::kOffline);
      c.Text(text, {pill.x + 20 * u, pill.y, pill.w - 40 * u, pill.h},
             OneLine(off_px, 20 * u, Align::kCenter), off_style);
    }
  }
  // Progress through this slide's time.
  c.FillRect("progress-track", s.progress, theme::kTrack);
  float p = std::clamp(ctx.progress, 0.f, 1.f);
  if (p > 0)
    c.FillRect("progress", {s.progress.x, s.progress.y, s.progress.w * p, s.progress.h},
               theme::kProgress);
}

void DrawExerciseChip(Canvas& c, RectF r, float u, bool test) {
  c.FillRoundedRect("exercise", r, 10 * u, theme::kExercise);
  c.Text(test ? "試験 TEST" : "訓練 EXERCISE", {r.x + 12 * u, r.y, r.w - 24 * u, r.h},
         OneLine(std::min(40 * u, r.h * 0.62f), 18 * u, Align::kCenter),
         Style("exercise", "ja", theme::kExerciseStripe, true));
}

void DrawExerciseMark(Canvas& c, RectF a, float u, bool test) {
  const float t = 22 * u, period = 60 * u;
  const RectF sides[4] = {{a.x, a.y, a.w, t},
                          {a.x, a.bottom() - t, a.w, t},
                          {a.x, a.y + t, t, a.h - 2 * t},
                          {a.right() - t, a.y + t, t, a.h - 2 * t}};
  for (const RectF& side : sides) {
    c.FillRect("exercise-frame", side, theme::kExercise);
    c.SetClip(side);
    // Diagonal white stripes over the blue: a pattern no alert level uses. A stripe starting at
    // x covers [x + d, x + period/2 + d] at depth d = y - a.y; only the part of it that crosses
    // this side is drawn (the clip trims the rest), so nothing is rasterised off the frame.
    for (float x = a.x - a.h; x < a.right() + period; x += period) {
      const float y0 = std::max(side.y, a.y + side.x - x - period / 2);
      const float y1 = std::min(side.bottom(), a.y + side.right() - x);
      if (y1 <= y0) continue;
      const float d0 = y0 - a.y, d1 = y1 - a.y;
      c.FillPolygon(
          {{x + d0, y0}, {x + period / 2 + d0, y0}, {x + period / 2 + d1, y1}, {x + d1, y1}},
          theme::kExerciseStripe);
    }
    c.SetClip({});
  }
  // Watermark across the middle, then solid labels top and bottom.
  const std::string mark = test ? "試験 TEST" : "訓練 EXERCISE";
  const TextStyle wm = Style("exercise-watermark", "ja", theme::kExercise, true);
  // At most 80 % of the width. Measured at 40 px, a size the chrome has open, and scaled (text of
  // 24 px and more is unhinted, so its width grows in proportion): measuring at 200 px would open
  // a font size only to learn that a portrait screen draws the mark smaller.
  constexpr float kMeasurePx = 40;
  float px = 200 * u;
  const float w40 = c.TextWidth(mark, kMeasurePx, wm);
  if (w40 > 0 && w40 * px / kMeasurePx > a.w * 0.8f) px = a.w * 0.8f * kMeasurePx / w40;
  c.RotatedText(mark, a.x + a.w / 2, a.y + a.h / 2, px, -20, wm, 34);
}

void DrawExerciseStrip(Canvas& c, RectF strip, float u, bool test, std::string_view lang) {
  if (strip.h <= 0) return;
  c.FillRect("exercise-strip", strip, theme::kExercise);
  const bool ja = IsJapanese(lang);
  std::string text = test ? (ja ? "試験 TEST　これは試験表示です。実際の情報ではありません"
                                : "試験 TEST — This is a test message, not real information")
                          : (ja ? "訓練 EXERCISE　これは訓練です。実際の災害情報ではありません"
                                : "訓練 EXERCISE — This is a drill, not a real alert");
  c.Text(text, {strip.x + 48 * u, strip.y, strip.w - 96 * u, strip.h},
         OneLine(40 * u, 22 * u, Align::kCenter),
         Style("exercise", lang, theme::kExerciseStripe, true));
}

void DrawShelterStatusIcon(Canvas& c, feed::ShelterStatus st, float cx, float cy, float r) {
  using S = feed::ShelterStatus;
  const Color col = st == S::kOpen     ? theme::kOpen
                    : st == S::kClosed ? theme::kClosed
                    : st == S::kFull   ? theme::kFull
                                       : theme::kUnknown;
  c.FillCircle("shelter-status", cx, cy, r, col);
  const Color w = theme::kCard;
  const float t = r * 0.24f;
  switch (st) {
    case S::kOpen:  // check mark
      c.Line({cx - r * 0.5f, cy + r * 0.02f}, {cx - r * 0.12f, cy + r * 0.4f}, t, w);
      c.Line({cx - r * 0.2f, cy + r * 0.4f}, {cx + r * 0.52f, cy - r * 0.36f}, t, w);
      break;
    case S::kClosed:  // cross
      c.Line({cx - r * 0.4f, cy - r * 0.4f}, {cx + r * 0.4f, cy + r * 0.4f}, t, w);
      c.Line({cx - r * 0.4f, cy + r * 0.4f}, {cx + r * 0.4f, cy - r * 0.4f}, t, w);
      break;
    case S::kFull:  // no entry bar
      c.FillRect("", {cx - r * 0.55f, cy - t / 2, r * 1.1f, t}, w);
      break;
    case S::kUnknown:  // question: a hook and a dot, drawn
      c.Line({cx - r * 0.3f, cy - r * 0.35f}, {cx, cy - r * 0.55f}, t, w);
      c.Line({cx, cy - r * 0.55f}, {cx + r * 0.3f, cy - r * 0.3f}, t, w);
      c.Line({cx + r * 0.3f, cy - r * 0.3f}, {cx, cy + r * 0.05f}, t, w);
      c.Line({cx, cy + r * 0.05f}, {cx, cy + r * 0.2f}, t, w);
      c.FillCircle("", cx, cy + r * 0.48f, t * 0.65f, w);
      break;
  }
}

void DrawHazardPictogram(Canvas& c, const SlideContext& ctx, feed::Hazard h, RectF q,
                         std::string_view role) {
  std::string path =
      FindAsset(ctx, "pictograms/hazard-" + std::string(feed::HazardName(h)) + ".svg");
  if (!path.empty() && c.Asset(path, q, role).w > 0) return;
  // Own fallback drawing: a rounded tile with a warning triangle.
  c.FillRoundedRect(role, q, q.w * 0.12f, theme::kCard);
  c.StrokeRect({q.x, q.y, q.w, q.h}, std::max(2.f, q.w * 0.03f), theme::kInk);
  const float m = q.w * 0.16f;
  c.FillPolygon(
      {{q.x + q.w / 2, q.y + m}, {q.right() - m, q.bottom() - m}, {q.x + m, q.bottom() - m}},
      Rgb(0xF2C500));
  const float t = q.w * 0.07f;
  c.FillRect("", {q.x + q.w / 2 - t / 2, q.y + q.h * 0.38f, t, q.h * 0.26f}, theme::kInk);
  c.FillRect("", {q.x + q.w / 2 - t / 2, q.y + q.h * 0.69f, t, t}, theme::kInk);
}

void DrawAlertBanner(Canvas& c, const ScreenLayout& s, const SlideContext& ctx) {
  if (ctx.banner_alerts.empty() || s.banner.h <= 0) return;
  const float u = s.unit;
  const feed::Item& a = *ctx.banner_alerts.front();
  const int level = a.alert.level.value_or(0);
  const Color bg = theme::LevelColor(level), ink = theme::LevelInk(level);
  const std::string& lang = ctx.lang;
  c.FillRect("alert-banner", s.banner, bg);
  if (level == 1)
    c.FillRect("alert-banner-rule", {s.banner.x, s.banner.bottom() - 4 * u, s.banner.w, 4 * u},
               theme::kInk);
  float x = s.margin;
  const bool exercise =
      a.status == feed::ItemStatus::kExercise || a.status == feed::ItemStatus::kTest;
  if (exercise) {
    RectF chip{x, s.banner.y + 18 * u, 300 * u, s.banner.h - 36 * u};
    DrawExerciseChip(c, chip, u, a.status == feed::ItemStatus::kTest);
    x = chip.right() + 24 * u;
  }
  // Level number and name in text, always (never colour alone).
  std::string head = level > 0 ? LevelHeading(level, a.alert.level_basis, lang) + "  " +
                                     LevelNameFor(level, a.alert.level_basis, lang)
                               : L(Label::kNoLevel, lang);
  head += "  " + HazardLabel(a.alert.hazard, lang);
  const TextStyle head_style{"level", lang, ink, true};
  const float head_px = 40 * u;
  // On narrow screens the level and hazard take the whole banner; the title is on the alert's
  // slide.
  const bool with_title = !s.portrait;
  const float head_w =
      std::min(c.TextWidth(head, head_px, head_style) + 2,
               with_title ? s.banner.w * 0.55f : s.banner.right() - s.margin - x - 200 * u);
  c.Text(head, {x, s.banner.y, head_w, s.banner.h}, OneLine(head_px, 26 * u), head_style);
  x += head_w + 32 * u;
  std::string more;
  if (ctx.banner_alerts.size() > 1)
    more = IsJapanese(lang) ? "ほか" + std::to_string(ctx.banner_alerts.size() - 1) + "件"
                            : "+" + std::to_string(ctx.banner_alerts.size() - 1) + " more";
  float more_w = more.empty() ? 0 : c.TextWidth(more, 32 * u, head_style) + 2;
  RectF title_box{x, s.banner.y,
                  s.banner.right() - s.margin - x - (more_w > 0 ? more_w + 24 * u : 0), s.banner.h};
  if (with_title && title_box.w > 80 * u) {
    TextStyle ts{"banner", lang, ink, false};
    c.Text(a.title, lang, title_box, OneLine(36 * u, 24 * u), ts);
  }
  if (!more.empty())
    c.Text(more, {s.banner.right() - s.margin - more_w, s.banner.y, more_w, s.banner.h},
           OneLine(32 * u, 32 * u, Align::kRight), TextStyle{"banner", lang, ink, true});
}

}  // namespace machikado::render
