// Decoding a municipal CSV file's bytes to UTF-8: the encoding is detected, never configured,
// because wards publish Shift_JIS (CP932) and UTF-8 (with or without a BOM) side by side.
// Order: a BOM (UTF-8, UTF-16LE/BE) wins; else valid UTF-8 is UTF-8; else CP932 through ICU's
// converter, which must accept every byte (a file that is neither is an error naming the byte).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace machikado::opendata {

enum class SourceEncoding { kUtf8, kUtf8Bom, kUtf16Bom, kCp932 };

// "UTF-8", "UTF-8 with BOM", "UTF-16 with BOM", "Shift_JIS (CP932)".
std::string_view EncodingName(SourceEncoding e);

struct DecodedText {
  std::string utf8;  // without the BOM
  SourceEncoding encoding = SourceEncoding::kUtf8;
};

// The caller checks the byte cap before calling (docs/caps.md).
Result<DecodedText> DecodeCsvBytes(std::string_view bytes);

}  // namespace machikado::opendata
