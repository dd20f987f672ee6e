// Text layout for slides and detail views: Japanese line breaking (libunibreak UAX #14
// opportunities plus kinsoku, preferring phrase boundaries), Korean by word, Latin wrapping at
// spaces, ruby (furigana) placement, explicit line spacing, and shrink-to-fit within a box down to
// a minimum size, then an ellipsis. Text never overflows its box. Pure logic: glyph widths come
// through the TextMeasurer interface (SDL_ttf in render/, a fake in tests). Thread-compatible;
// LayoutText is a pure function of its inputs and the measurer.
//
// Geometry (all in pixels, box coordinates unless said otherwise):
//   line pitch h = band + px * line_spacing, where band = px * ruby_scale when the text shows any
//   reading (then on every line, for an even rhythm) and 0 otherwise; the glyph box of a line is
//   [baseline_top, baseline_top + px); readings sit in [y, baseline_top). A blank line in the input
//   ("\n\n") adds half a pitch before the next paragraph. Every line satisfies x + w <= width and
//   y + h <= height. Sizes tried: FontSizesToTry(box), largest first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feed/model.h"

namespace machikado::text {

class PhraseSegmenter;  // text/phrase_segmenter.h

// Measures rendered widths. Implementations cache as they like; must be deterministic.
class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Advance width in pixels of the UTF-8 run `s` at font size `px` (pixel height of the em box).
  virtual float Width(std::string_view s, float px) = 0;
};

enum class Align { kStart, kCenter, kEnd };

struct BoxSpec {
  float width = 0;    // box width in pixels
  float height = 0;   // box height in pixels (ruby included)
  float max_px = 48;  // preferred font size
  float min_px = 24;  // shrink no further; then truncate with an ellipsis
  // line pitch = px * line_spacing (BIZ UD Gothic has no built-in leading)
  float line_spacing = 1.5f;
  float ruby_scale = 0.5f;  // ruby size relative to the base size
  int max_lines = 0;        // 0 = as many as fit
  bool draw_ruby = true;    // false: readings are dropped (base only)
  std::string lang = "ja";  // BCP 47 tag of the text; its primary subtag picks the UAX #14 rules
  Align align = Align::kStart;  // horizontal placement of each line in the box
  // Headings: lines of even length (like CSS `text-wrap: balance`): the narrowest width that needs
  // no more lines (and splits no phrase that the full width kept whole), so that a title never
  // ends with a lone short line where two balanced lines fit. Up to 6 lines; costs a few breaks.
  bool balance = false;
};

// A reading placed above its base, in line coordinates (x from the line's x; its top is the line's
// y).
struct RubyPlacement {
  std::string text;
  float x = 0;  // left edge of the ruby text
  float w = 0;  // ruby text width
  float px = 0;
};

// A piece of a line's base text drawn as one string, in line coordinates (x from the line's x).
// A line is one run unless a reading is wider than its base: such a base is its own run, centred in
// the reading's width (group ruby). When the line is truncated, the final run is "…".
struct TextRun {
  std::string text;
  float x = 0;
  float w = 0;  // measured width of `text`
};

struct LaidLine {
  std::string text;  // the base text of the line
  float x = 0;       // offset from the box's left (0 for left-aligned)
  float y = 0;       // top of the line's ruby band (or of the glyphs when the line has no ruby)
  float w = 0;       // measured width of `text`
  float h = 0;       // line pitch
  float baseline_top = 0;  // y of the top of the base glyph box (below the ruby band)
  std::vector<RubyPlacement> ruby;
  std::vector<TextRun> runs;  // what to draw: concatenated, the runs' texts equal `text`
};

struct Layout {
  std::vector<LaidLine> lines;
  float px = 0;            // font size chosen
  float height = 0;        // total height used
  bool shrunk = false;     // px < max_px
  bool truncated = false;  // an ellipsis was added
};

// Lays out parsed (ruby-segmented) text in a box. With `phrases`, Japanese lines break between
// phrases (文節) and Korean lines between words whenever a phrase fits on a line; without it, at
// every UAX #14 opportunity alike.
Layout LayoutText(const std::vector<feed::RubySegment>& segments, const BoxSpec& box,
                  TextMeasurer& measurer, PhraseSegmenter* phrases = nullptr);
// Convenience for plain strings (no ruby).
Layout LayoutPlain(std::string_view utf8, const BoxSpec& box, TextMeasurer& measurer,
                   PhraseSegmenter* phrases = nullptr);

// The font sizes LayoutText tries, largest first: max_px, then down by max(2 px, 5 %) per step, and
// min_px last. A renderer can open its fonts at exactly these sizes.
std::vector<float> FontSizesToTry(const BoxSpec& box);

// True when no line of `lines` starts with a character forbidden at line start (、。」 small kana
// …) or ends with one forbidden at line end (「『（ …). Used by tests and by layout checks.
bool SatisfiesKinsoku(const std::vector<std::string>& lines);

}  // namespace machikado::text
