// Shared cell helpers of the dataset converters.
#include "opendata/cells.h"

#include <cstdint>
#include <cstdio>

#include "feed/url.h"
#include "opendata/normalize.h"
#include "text/utf8.h"

namespace machikado::opendata {

bool IsFeedId(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string HashedId(std::string_view prefix, const std::vector<std::string_view>& parts) {
  uint32_t h = 2166136261u;
  for (std::string_view p : parts) {
    for (char c : p) {
      h ^= static_cast<unsigned char>(c);
      h *= 16777619u;
    }
    h *= 16777619u;  // a NUL separator: h ^= 0 changes nothing, the multiply does
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", h);
  return std::string(prefix) + "-" + hex;
}

std::string MunicipalityPrefix(const ColumnMap& map, const std::vector<std::string>& row,
                               std::string_view fallback) {
  const std::string code = Nfkc(map.Value(row, Field::kMunicipalityCode));
  if (!code.empty() && code.size() <= 16 && IsFeedId(code)) return code;
  return std::string(fallback);
}

std::string JoinedAddress(const ColumnMap& map, const std::vector<std::string>& row) {
  if (auto joined = map.Value(row, Field::kAddress); !joined.empty()) return CleanText(joined, 400);
  std::string s;
  for (Field f :
       {Field::kAddressPref, Field::kAddressCity, Field::kAddressTown, Field::kAddressBlock})
    s += map.Value(row, f);
  if (auto building = map.Value(row, Field::kAddressBuilding); !building.empty()) {
    if (!s.empty()) s += " ";
    s += building;
  }
  return CleanText(s, 400);
}

std::optional<std::string> WebUrl(std::string_view cell) {
  const std::string v(TrimSpace(Nfkc(cell)));
  if (v.empty() || !feed::CheckWebUrl(v).ok()) return std::nullopt;
  return v;
}

std::string CleanText(std::string_view cell, size_t max_chars) {
  const std::string display = DisplayText(cell);
  std::string out;
  out.reserve(display.size());
  size_t chars = 0;
  for (size_t i = 0; i < display.size();) {
    size_t len = 1;
    const char32_t c = text::DecodeUtf8(display, i, &len);
    const bool control =
        (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFEFF;
    if (!control) {
      if (chars + 1 > max_chars) {
        // Cut: replace the last character with an ellipsis so the total stays max_chars.
        size_t back = out.size();
        while (back > 0 && (static_cast<unsigned char>(out[back - 1]) & 0xC0) == 0x80) --back;
        if (back > 0) --back;
        out.resize(back);
        out += "…";
        return std::string(TrimSpace(out));
      }
      out.append(display, i, len);
      ++chars;
    }
    i += len;
  }
  return out;
}

}  // namespace machikado::opendata
