#include "text/grapheme.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace machikado::text {
namespace {

int Gcb(char32_t cp) {
  return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_GRAPHEME_CLUSTER_BREAK);
}

bool IsControl(int c) {
  return c == U_GCB_CONTROL || c == U_GCB_CR || c == U_GCB_LF;
}

// UAX #29 rules GB3–GB13 (no boundary between `prev` and `cur` when this returns false).
struct ClusterState {
  int prev = -1;           // GCB of the previous code point, -1 at the start
  bool emoji_run = false;  // inside Extended_Pictographic Extend*
  bool emoji_zwj = false;  // … followed by ZWJ (GB11 applies to the next pictograph)
  int regional_run = 0;    // regional indicators immediately before
};

bool BoundaryBefore(const ClusterState& s, int cur, bool cur_pictographic) {
  const int prev = s.prev;
  if (prev < 0) return true;
  if (prev == U_GCB_CR && cur == U_GCB_LF) return false;  // GB3
  if (IsControl(prev) || IsControl(cur)) return true;     // GB4, GB5
  if (prev == U_GCB_L && (cur == U_GCB_L || cur == U_GCB_V || cur == U_GCB_LV || cur == U_GCB_LVT))
    return false;  // GB6
  if ((prev == U_GCB_LV || prev == U_GCB_V) && (cur == U_GCB_V || cur == U_GCB_T))
    return false;                                                              // GB7
  if ((prev == U_GCB_LVT || prev == U_GCB_T) && cur == U_GCB_T) return false;  // GB8
  if (cur == U_GCB_EXTEND || cur == U_GCB_ZWJ) return false;                   // GB9
  if (cur == U_GCB_SPACING_MARK) return false;                                 // GB9a
  if (prev == U_GCB_PREPEND) return false;                                     // GB9b
  if (s.emoji_zwj && cur_pictographic) return false;                           // GB11
  if (prev == U_GCB_REGIONAL_INDICATOR && cur == U_GCB_REGIONAL_INDICATOR &&
      s.regional_run % 2 == 1)
    return false;  // GB12, GB13
  return true;     // GB999
}

void Advance(ClusterState* s, int cur, bool pictographic) {
  if (pictographic) {
    s->emoji_run = true;
    s->emoji_zwj = false;
  } else if (cur == U_GCB_EXTEND && s->emoji_run) {
    s->emoji_zwj = false;
  } else if (cur == U_GCB_ZWJ && s->emoji_run) {
    s->emoji_zwj = true;
    s->emoji_run = false;
  } else {
    s->emoji_run = false;
    s->emoji_zwj = false;
  }
  s->regional_run = cur == U_GCB_REGIONAL_INDICATOR ? s->regional_run + 1 : 0;
  s->prev = cur;
}

}  // namespace

void MarkGraphemeBoundaries(std::string_view text, std::vector<uint8_t>* out) {
  out->assign(text.size() + 1, 0);
  ClusterState state;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(text, i, &len);
    const int gcb = Gcb(cp);
    const bool pictographic =
        cp >= 0xA9 && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC);
    if (BoundaryBefore(state, gcb, pictographic)) (*out)[i] = 1;
    Advance(&state, gcb, pictographic);
    i += len;
  }
  (*out)[0] = 1;
  (*out)[text.size()] = 1;
}

bool IsGraphemeExtender(char32_t cp) {
  if (cp < 0x300) return false;
  const int gcb = Gcb(cp);
  return gcb == U_GCB_EXTEND || gcb == U_GCB_ZWJ;
}

}  // namespace machikado::text
