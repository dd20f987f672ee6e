// Extended grapheme cluster boundaries (UAX #29), from ICU's character properties: what the layout
// may never split — a base with its combining marks and variation selectors, emoji ZWJ sequences,
// emoji with skin-tone modifiers, flags (regional-indicator pairs), Hangul jamo syllables.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace machikado::text {

// For well-formed UTF-8 `text`, sets out[i] (i in [0, text.size()]) to 1 when a grapheme cluster
// boundary lies before byte i, else 0 (inside a code point or a cluster). out[0] and out[size]
// are 1.
void MarkGraphemeBoundaries(std::string_view text, std::vector<uint8_t>* out);

// True for code points that never stand alone: combining marks (Grapheme_Cluster_Break=Extend,
// which includes variation selectors and emoji modifiers) and ZWJ.
bool IsGraphemeExtender(char32_t cp);

// True for regional indicators (flag letters U+1F1E6–U+1F1FF).
inline bool IsRegionalIndicator(char32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

}  // namespace machikado::text
