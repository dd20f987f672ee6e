#include "text/grapheme.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "text/utf8.h"

namespace machikado::text {
namespace {

// Code points common in our texts that always form a cluster of their own (Grapheme_Cluster_Break
// Other, not Extended_Pictographic, not an Indic letter): printable ASCII, CJK punctuation (up to
// 〩; 〪–〯 are marks), kana (not the combining voiced marks ゙゚), CJK ideographs, fullwidth forms (not
// the halfwidth voiced marks ﾞﾟ), and the line feed.
bool IsPlainOther(char32_t cp) {
  return (cp >= 0x20 && cp <= 0x7E) || cp == '\n' || (cp >= 0x3000 && cp <= 0x3029) ||
         (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309B && cp <= 0x30FF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF01 && cp <= 0xFF9D);
}

}  // namespace

void MarkGraphemeBoundaries(std::string_view text, std::vector<uint8_t>* out) {
  out->assign(text.size() + 1, 0);
  bool simple = true;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(text, i, &len);
    (*out)[i] = 1;
    if (!IsPlainOther(cp)) simple = false;
    i += len;
  }
  (*out)[text.size()] = 1;
  if (simple || text.empty()) return;  // every code point is a cluster: the usual Japanese text

  // Otherwise ICU's character break iterator (UAX #29 with CLDR's tailorings, e.g. Indic
  // conjuncts), reading the UTF-8 in place: its offsets are byte offsets.
  UErrorCode err = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  UBreakIterator* it = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &err);
  if (U_SUCCESS(err)) ubrk_setUText(it, utext, &err);
  if (U_SUCCESS(err)) {
    out->assign(text.size() + 1, 0);
    for (int32_t p = ubrk_first(it); p != UBRK_DONE; p = ubrk_next(it))
      if (p >= 0 && static_cast<size_t>(p) <= text.size()) (*out)[p] = 1;
    (*out)[0] = 1;
    (*out)[text.size()] = 1;
  }
  // On an ICU failure (missing data) code point boundaries remain: still never inside a sequence.
  ubrk_close(it);
  utext_close(utext);
}

bool IsGraphemeExtender(char32_t cp) {
  if (cp < 0x300 || IsPlainOther(cp)) return false;
  const int gcb = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_GRAPHEME_CLUSTER_BREAK);
  return gcb == U_GCB_EXTEND || gcb == U_GCB_ZWJ;
}

}  // namespace machikado::text
