#include "text/fake_measurer.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <vector>

#include "text/grapheme.h"
#include "text/utf8.h"

namespace machikado::text {

float EmMeasurer::Ems(std::string_view s) {
  // A grapheme cluster is one glyph (an emoji ZWJ sequence, a flag, a base with its marks):
  // its width is its first code point's.
  std::vector<uint8_t> boundary;
  MarkGraphemeBoundaries(s, &boundary);
  float ems = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(s, i, &len);
    const bool starts_cluster = boundary[i];
    i += len;
    if (!starts_cluster) continue;
    if (cp < 0x80) {
      ems += 0.5f;
      continue;
    }
    if (IsGraphemeExtender(cp)) continue;
    const int eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
    const bool wide = eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH || IsRegionalIndicator(cp) ||
                      (eaw == U_EA_AMBIGUOUS && cp >= 0x2000) ||
                      u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC);
    ems += wide ? 1.0f : 0.5f;
  }
  return ems;
}

float EmMeasurer::Width(std::string_view s, float px) {
  ++calls_;
  bytes_ += s.size();
  return Ems(s) * px;
}

}  // namespace machikado::text
