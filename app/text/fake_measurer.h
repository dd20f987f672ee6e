// EmMeasurer: a deterministic TextMeasurer for tests and font-less tools. Each code point advances
// by a fixed fraction of the em (px), one advance per grapheme cluster (taken from its first code
// point, so an emoji ZWJ sequence or a flag is one glyph): fullwidth/wide (CJK, kana, fullwidth
// forms, emoji) and East-Asian-ambiguous symbols from U+2000 on (…, ○, ※) 1.0 em as in a Japanese
// font; combining marks, variation selectors and ZWJ 0; everything else (Latin, digits, space) 0.5
// em. Widths are additive, so the width of a string is the sum of its parts. Counts its calls (for
// tests of the measuring cost). Not thread-safe (the counters).
#pragma once

#include <cstddef>
#include <string_view>

#include "text/layout.h"

namespace machikado::text {

class EmMeasurer : public TextMeasurer {
 public:
  float Width(std::string_view s, float px) override;

  // Width of `s` in ems (px = 1).
  static float Ems(std::string_view s);

  size_t calls() const { return calls_; }
  size_t bytes() const { return bytes_; }  // total bytes measured
  void ResetCounts() { calls_ = bytes_ = 0; }

 private:
  size_t calls_ = 0;
  size_t bytes_ = 0;
};

}  // namespace machikado::text
