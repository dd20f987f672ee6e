// PreparedText: a text's break structure, independent of font size — the sanitised UTF-8 string cut
// into atoms (the smallest pieces the layout measures), with the UAX #14 line-break opportunities
// from libunibreak, narrowed by kinsoku, by grapheme clusters and by ruby bases (never split), and
// graded by phrase (PhraseSegmenter): a phrase boundary is where a line should end when it can.
// Built once per LayoutText call and then measured at each font size tried. Value type;
// PrepareText is thread-safe (libunibreak is initialised once through std::call_once).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "feed/model.h"
#include "text/phrase_segmenter.h"

namespace machikado::text {

struct Atom {
  uint32_t begin = 0;  // byte range in PreparedText::text
  uint32_t end = 0;
  int32_t ruby = -1;         // index into PreparedText::rubies when this atom is a ruby base
  bool space = false;        // a run of ASCII spaces (not drawn at a line end, not counted)
  bool break_after = false;  // a line may end after this atom
  // ... and a phrase ends here too (Japanese 文節, Korean word): the preferred place to end a line.
  // Always set with break_after for languages without a phrase level.
  bool phrase_after = false;
  uint8_t newlines = 0;  // hard breaks after this atom: 1 = new line, 2 = new paragraph
};

struct PreparedText {
  std::string text;                 // sanitised bases, hard breaks as '\n'
  std::vector<Atom> atoms;          // in order, covering `text` except the '\n' bytes
  std::vector<std::string> rubies;  // readings of ruby atoms (sanitised, trimmed, non-empty)
  std::vector<uint8_t> grapheme;    // grapheme cluster boundary before byte i (size text+1)
};

// Sanitises (see SanitizeUtf8), trims leading/trailing white space and spaces before a hard break,
// collapses runs of blank lines into one paragraph break, and finds the break structure.
// `lang` is a BCP 47 tag; its primary subtag picks libunibreak's language rules.
// Readings are dropped when `keep_ruby` is false (the bases become plain, breakable text).
// With `phrases`, Japanese and Korean break opportunities are graded (phrase_after); without it
// every opportunity is a phrase boundary.
PreparedText PrepareText(const std::vector<feed::RubySegment>& segments, std::string_view lang,
                         bool keep_ruby, PhraseSegmenter* phrases = nullptr);

// The last code point of text[begin, end) that is not an ASCII space, or 0 when there is none.
char32_t LastNonSpace(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace machikado::text
