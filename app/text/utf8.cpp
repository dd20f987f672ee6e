#include "text/utf8.h"

namespace machikado::text {

char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  *len = 1;
  if (b0 < 0x80) return b0;
  int n = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 1, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 2, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return kReplacementChar;  // continuation byte, C0/C1 overlong lead, or > U+10FFFF lead
  }
  if (pos + n >= s.size()) return kReplacementChar;  // truncated
  for (int i = 1; i <= n; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return kReplacementChar;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacementChar;
  *len = n + 1;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void SanitizeUtf8(std::string_view in, bool newlines, std::string* out) {
  out->reserve(out->size() + in.size());
  const char* nl = newlines ? "\n" : " ";
  for (size_t i = 0; i < in.size();) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(in, i, &len);
    const bool plain_ascii = cp < 0x80 && cp >= 0x20 && cp != 0x7F;
    if (plain_ascii) {
      out->push_back(static_cast<char>(cp));
    } else if (cp == '\r') {
      out->append(nl);
      if (i + 1 < in.size() && in[i + 1] == '\n') ++len;
    } else if (cp == '\n' || cp == 0x2028) {
      out->append(nl);
    } else if (cp == 0x2029) {
      out->append(nl).append(nl);
    } else if (cp == '\t') {
      out->push_back(' ');
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0xFFFF) {
      // dropped: controls and characters that mean nothing on a screen
    } else if (len == 1 && cp == kReplacementChar) {
      AppendUtf8(kReplacementChar, out);
    } else {
      out->append(in.substr(i, len));
    }
    i += len;
  }
}

}  // namespace machikado::text
