// BreakLines: greedy (first-fit) line breaking of a PreparedText at one font size and width.
// Each atom is measured once; a phrase (atoms between two phrase boundaries: a Japanese 文節, a
// Korean word, or for other languages the text between two break opportunities) goes on the
// current line when its visible width fits, else it starts the next line. A phrase wider than the
// whole line is broken at its other opportunities (UAX #14 with kinsoku), from the current line on;
// a unit between two opportunities that is wider than the whole line is split between grapheme
// clusters as a last resort, preferring kinsoku-clean split points.
// Pure function of its inputs and the measurer; thread-compatible.
#pragma once

#include <cstdint>
#include <vector>

#include "text/layout.h"
#include "text/prepared_text.h"

namespace machikado::text {

// What goes on a line: an atom, or a grapheme cluster of an atom split as a last resort.
struct Piece {
  uint32_t begin = 0;  // byte range in PreparedText::text
  uint32_t end = 0;
  int32_t ruby = -1;    // reading shown above this base, or -1
  bool space = false;   // ASCII spaces: drawn between words, dropped at a line end
  float w = 0;          // width of the base text
  float ruby_w = 0;     // width of the reading (at the ruby size)
  float adv = 0;        // advance on the line: max(w, ruby_w)
  bool hyphen = false;  // a hyphen ending a line inside a word (begin == end: not in the text)
};

struct BrokenLine {
  uint32_t first = 0;        // pieces [first, visible_end) are drawn
  uint32_t visible_end = 0;  // trailing spaces [visible_end, end) are not
  uint32_t end = 0;
  bool paragraph_before = false;  // a blank line ("\n\n") precedes this line
};

struct BrokenText {
  std::vector<Piece> pieces;
  std::vector<BrokenLine> lines;
  bool split_phrase = false;  // some phrase was wider than the line: broken inside
  bool split_unit = false;    // some unit was split between grapheme clusters (last resort)
  bool degraded = false;  // a ruby base with its reading was wider than the line: reading dropped
  bool dropped = false;   // a single grapheme cluster was wider than the line: left out
  bool complete = true;   // false: stopped at the line limit, more text follows
};

// With line_limit > 0, stops once more than line_limit lines are known to be needed (keeping the
// first line_limit, complete = false): the box cannot show the rest anyway.
BrokenText BreakLines(const PreparedText& text, float px, float ruby_px, float width,
                      size_t line_limit, TextMeasurer& measurer);

// Sum of the advances of pieces [first, end).
float PiecesWidth(const std::vector<Piece>& pieces, uint32_t first, uint32_t end);

}  // namespace machikado::text
