#include "text/layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "text/grapheme.h"
#include "text/kinsoku.h"
#include "text/line_breaker.h"
#include "text/prepared_text.h"

namespace machikado::text {
namespace {

constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kHyphen = "-";  // ends a line inside a word (line_breaker.cpp)
constexpr float kParagraphGap = 0.5f;      // extra space before a paragraph, in line pitches
constexpr int kWidthRetries = 3;         // re-breaks when a measured line is wider than its pieces
constexpr size_t kMaxBalancedLines = 6;  // longer texts are not headings: no balancing
constexpr int kBalanceSteps = 8;         // binary search steps for a balanced width

float SafeWidth(TextMeasurer& m, std::string_view s, float px) {
  const float w = m.Width(s, px);
  return std::isfinite(w) && w > 0 ? w : 0.0f;
}

struct Metrics {
  float px = 0;
  float ruby_px = 0;
  float band = 0;   // reading band above the glyphs
  float pitch = 0;  // line height including the band
};

Metrics MetricsFor(const BoxSpec& box, float px, bool ruby) {
  Metrics m;
  m.px = px;
  m.ruby_px = px * box.ruby_scale;
  m.band = ruby ? m.ruby_px : 0.0f;
  m.pitch = m.band + px * box.line_spacing;
  return m;
}

// One font size tried: the lines and how many of them the box holds.
struct Attempt {
  Metrics metrics;
  BrokenText broken;
  size_t fitting_lines = 0;
  bool fits = false;  // every line fits and nothing was degraded or dropped
};

std::vector<float> LineTops(const BrokenText& broken, const Metrics& m) {
  std::vector<float> tops;
  tops.reserve(broken.lines.size());
  float y = 0;
  for (size_t i = 0; i < broken.lines.size(); ++i) {
    if (i > 0) y += m.pitch;
    if (broken.lines[i].paragraph_before && i > 0) y += kParagraphGap * m.pitch;
    tops.push_back(y);
  }
  return tops;
}

Attempt Try(const PreparedText& text, const BoxSpec& box, float px, float width, bool ruby,
            TextMeasurer& measurer) {
  Attempt a;
  a.metrics = MetricsFor(box, px, ruby);
  // No more lines than the box could hold without paragraph gaps: breaking further is wasted work.
  const double capacity = std::floor(static_cast<double>(box.height) / a.metrics.pitch);
  size_t limit = capacity >= 1e6 ? 1000000 : static_cast<size_t>(std::max(0.0, capacity));
  if (box.max_lines > 0) limit = std::min(limit, static_cast<size_t>(box.max_lines));
  a.broken = BreakLines(text, px, a.metrics.ruby_px, width, std::max<size_t>(limit, 1), measurer);
  const std::vector<float> tops = LineTops(a.broken, a.metrics);
  size_t n = 0;
  while (n < tops.size() && tops[n] + a.metrics.pitch <= box.height &&
         (box.max_lines <= 0 || n < static_cast<size_t>(box.max_lines)))
    ++n;
  a.fitting_lines = n;
  a.fits = n == tops.size() && a.broken.complete && !a.broken.degraded && !a.broken.dropped;
  return a;
}

// Makes the last kept line end with "…" within `width`: drops whole pieces from its end (and
// spaces and opening brackets before the ellipsis); when that would leave nothing, keeps as many
// grapheme clusters of the first piece as fit.
void EndWithEllipsis(const PreparedText& text, const Metrics& m, float width, float ell_w,
                     TextMeasurer& measurer, std::vector<Piece>* line) {
  auto bad_end = [&](const Piece& p) {
    return p.space || p.hyphen || IsLineEndForbidden(LastNonSpace(text.text, p.begin, p.end));
  };
  float w = 0;
  for (const Piece& p : *line) w += p.adv;
  std::optional<Piece> last_dropped;
  while (!line->empty() && (w + ell_w > width || bad_end(line->back()))) {
    w -= line->back().adv;
    last_dropped = line->back();
    line->pop_back();
  }
  if (line->empty() && last_dropped && last_dropped->ruby < 0 && !last_dropped->space) {
    uint32_t start = last_dropped->begin;
    for (uint32_t p = start + 1; p <= last_dropped->end; ++p) {
      if (p < last_dropped->end && !text.grapheme[p]) continue;
      const float gw =
          SafeWidth(measurer, std::string_view(text.text).substr(start, p - start), m.px);
      if (w + gw + ell_w > width) break;
      line->push_back(Piece{start, p, -1, false, gw, 0, gw});
      w += gw;
      start = p;
    }
    while (!line->empty() && bad_end(line->back())) line->pop_back();
  }
  line->push_back(Piece{0, 0, -1, false, ell_w, 0, ell_w});  // begin == end marks the ellipsis
}

struct PendingRuby {
  size_t reading = 0;
  float offset = 0;  // from the run's start (plain runs) or centred (widened bases)
};

// Turns pieces into drawable runs, measuring each run once; returns the line width.
float PlaceLine(const PreparedText& text, const Metrics& m, const std::vector<Piece>& pieces,
                TextMeasurer& measurer, LaidLine* line) {
  line->text.clear();
  line->runs.clear();
  line->ruby.clear();
  float x = 0;
  size_t k = 0;
  while (k < pieces.size()) {
    TextRun run;
    std::vector<PendingRuby> rubies;
    const Piece& p = pieces[k];
    const bool ellipsis = p.begin == p.end;
    const bool widened = p.ruby >= 0 && p.ruby_w > p.w;
    float ruby_w = 0;
    if (ellipsis || widened) {
      run.text = p.hyphen   ? std::string(kHyphen)
                 : ellipsis ? std::string(kEllipsis)
                            : text.text.substr(p.begin, p.end - p.begin);
      if (widened) rubies.push_back({static_cast<size_t>(p.ruby), 0});
      ruby_w = p.ruby_w;
      ++k;
    } else {
      float offset = 0;
      while (k < pieces.size() && pieces[k].begin != pieces[k].end &&
             !(pieces[k].ruby >= 0 && pieces[k].ruby_w > pieces[k].w)) {
        const Piece& q = pieces[k];
        run.text.append(text.text, q.begin, q.end - q.begin);
        if (q.ruby >= 0)
          rubies.push_back({static_cast<size_t>(q.ruby), offset + (q.w - q.ruby_w) / 2});
        offset += q.adv;
        ++k;
      }
    }
    run.w = SafeWidth(measurer, run.text, m.px);
    const float adv = std::max(run.w, ruby_w);
    run.x = x + (adv - run.w) / 2;
    for (const PendingRuby& r : rubies) {
      RubyPlacement placement;
      placement.text = text.rubies[r.reading];
      placement.px = m.ruby_px;
      placement.w = SafeWidth(measurer, placement.text, m.ruby_px);
      placement.x = widened ? x + (adv - placement.w) / 2 : run.x + r.offset;
      line->ruby.push_back(std::move(placement));
    }
    line->text += run.text;
    line->runs.push_back(std::move(run));
    x += adv;
  }
  for (RubyPlacement& r : line->ruby) r.x = std::clamp(r.x, 0.0f, std::max(0.0f, x - r.w));
  return x;
}

struct Assembled {
  Layout layout;
  float overflow = 0;  // how far the widest measured line exceeds the width (0 when none)
  // For the lines that overflow: how much wider the measured line is than the sum of its pieces
  // (kerning, a space measured in another face): the breaking width must be that much narrower.
  float excess = 0;
};

// Builds the Layout for an attempt: keeps the lines that fit, ends the last with "…" when some were
// cut, positions runs and readings. With `clamp`, lines measured wider than the box lose pieces
// from their end until they fit (the last resort against a measurer that is not additive).
Assembled Assemble(const PreparedText& text, const BoxSpec& box, const Attempt& a, bool clamp,
                   TextMeasurer& measurer) {
  Assembled out;
  Layout& layout = out.layout;
  const Metrics& m = a.metrics;
  layout.px = m.px;
  layout.shrunk = m.px < box.max_px;
  layout.truncated =
      a.fitting_lines < a.broken.lines.size() || !a.broken.complete || a.broken.dropped;
  const std::vector<float> tops = LineTops(a.broken, m);
  const float ell_w = layout.truncated ? SafeWidth(measurer, kEllipsis, m.px) : 0.0f;
  for (size_t i = 0; i < a.fitting_lines; ++i) {
    const BrokenLine& bl = a.broken.lines[i];
    std::vector<Piece> pieces(a.broken.pieces.begin() + bl.first,
                              a.broken.pieces.begin() + bl.visible_end);
    const bool last = i + 1 == a.fitting_lines;
    if (last && layout.truncated && ell_w <= box.width)
      EndWithEllipsis(text, m, box.width, ell_w, measurer, &pieces);
    LaidLine line;
    line.y = tops[i];
    line.h = m.pitch;
    line.baseline_top = tops[i] + m.band;
    line.w = PlaceLine(text, m, pieces, measurer, &line);
    while (clamp && line.w > box.width && !pieces.empty()) {
      pieces.pop_back();
      layout.truncated = true;
      line.w = PlaceLine(text, m, pieces, measurer, &line);
    }
    if (line.w > box.width)
      out.excess = std::max(out.excess, line.w - PiecesWidth(pieces, 0, uint32_t(pieces.size())));
    out.overflow = std::max(out.overflow, line.w - box.width);
    const float slack = std::max(0.0f, box.width - line.w);
    line.x = box.align == Align::kCenter ? slack / 2 : box.align == Align::kEnd ? slack : 0.0f;
    layout.height = line.y + line.h;
    layout.lines.push_back(std::move(line));
  }
  return out;
}

bool HasReading(const PreparedText& text) {
  return !text.rubies.empty();
}

}  // namespace

std::vector<float> FontSizesToTry(const BoxSpec& box) {
  std::vector<float> sizes;
  const float max_px = box.max_px;
  if (!std::isfinite(max_px) || max_px <= 0) return sizes;
  const float min_px =
      std::isfinite(box.min_px) ? std::clamp(box.min_px, std::min(1.0f, max_px), max_px) : max_px;
  for (float px = max_px;;) {
    sizes.push_back(px);
    if (px <= min_px) break;
    px = std::max(min_px, px - std::max(2.0f, std::round(px * 0.05f)));
  }
  return sizes;
}

Layout LayoutText(const std::vector<feed::RubySegment>& segments, const BoxSpec& box,
                  TextMeasurer& measurer, PhraseSegmenter* phrases) {
  const std::vector<float> sizes = FontSizesToTry(box);
  const PreparedText text = PrepareText(segments, box.lang, box.draw_ruby, phrases);
  Layout empty;
  empty.px = sizes.empty() ? 0.0f : sizes.front();
  if (text.atoms.empty()) return empty;
  const bool usable = !sizes.empty() && std::isfinite(box.width) && box.width > 0 &&
                      std::isfinite(box.height) && box.height > 0 &&
                      std::isfinite(box.line_spacing) && box.line_spacing > 0 &&
                      std::isfinite(box.ruby_scale) && box.ruby_scale > 0;
  if (!usable) {
    empty.truncated = true;
    return empty;
  }
  const bool ruby = HasReading(text);
  float width = box.width;
  auto attempt = [&](size_t i) { return Try(text, box, sizes[i], width, ruby, measurer); };

  // Height shrinks as the size does, so a binary search over the ladder finds the largest size that
  // fits with O(log n) layouts; the smallest size is used (and truncated) when none fits.
  size_t chosen = 0;
  Attempt best = attempt(0);
  if (!best.fits && sizes.size() > 1) {
    size_t lo = 0;  // does not fit
    size_t hi = sizes.size() - 1;
    Attempt at_hi = attempt(hi);
    if (at_hi.fits) {
      while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        Attempt at_mid = attempt(mid);
        if (at_mid.fits) {
          hi = mid;
          at_hi = std::move(at_mid);
        } else {
          lo = mid;
        }
      }
    }
    chosen = hi;
    best = std::move(at_hi);
  }

  if (box.balance && best.fits && best.broken.lines.size() >= 2 &&
      best.broken.lines.size() <= kMaxBalancedLines) {
    // The narrowest width (to ~1 px) that keeps the line count and splits no more phrases.
    const size_t n = best.broken.lines.size();
    float lo = 0;
    for (const BrokenLine& l : best.broken.lines)
      lo += PiecesWidth(best.broken.pieces, l.first, l.visible_end);
    lo = lo / static_cast<float>(n) - 1;  // no width below the average line holds the text
    float hi = width;
    for (int step = 0; step < kBalanceSteps && hi - lo > 1; ++step) {
      const float mid = (lo + hi) / 2;
      Attempt at_mid = Try(text, box, sizes[chosen], mid, ruby, measurer);
      const bool ok = at_mid.fits && at_mid.broken.lines.size() == n &&
                      (!at_mid.broken.split_phrase || best.broken.split_phrase) &&
                      (!at_mid.broken.split_unit || best.broken.split_unit);
      if (ok) {
        hi = mid;
        best = std::move(at_mid);
      } else {
        lo = mid;
      }
    }
    width = hi;
  }

  // A real font may measure a whole line a little wider than the sum of its pieces (kerning):
  // re-break narrower by the excess, then clamp as the last resort.
  float excess = 0;  // the largest measuring excess seen: every re-break keeps that much room
  for (int retry = 0;; ++retry) {
    const bool last = retry == kWidthRetries;
    Assembled assembled = Assemble(text, box, best, last, measurer);
    if (assembled.overflow <= 0 || last) return std::move(assembled.layout);
    // Narrower by the overflow, and at least by the measuring excess (shrinking only by the
    // overflow would keep the same pieces on the line while sum + excess > box width, until the
    // clamp cut characters out of the middle of the text).
    excess = std::max(excess, assembled.excess);
    width = std::min(width - assembled.overflow, box.width - excess);
    if (width <= 0) width = box.width;  // nothing sensible left: clamp on the next round
    best = attempt(chosen);
  }
}

Layout LayoutPlain(std::string_view utf8, const BoxSpec& box, TextMeasurer& measurer,
                   PhraseSegmenter* phrases) {
  return LayoutText({feed::RubySegment{std::string(utf8), std::string()}}, box, measurer, phrases);
}

}  // namespace machikado::text
