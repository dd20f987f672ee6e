// Nfkc / DisplayText / ColumnKey: ICU Normalizer2 (NFKC) plus a code-point walk for the gentle
// form.
#include "opendata/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace machikado::opendata {
namespace {

bool IsHalfwidthKana(char32_t c) {
  return c >= 0xFF61 && c <= 0xFF9F;
}
bool IsFullwidthAlnum(char32_t c) {
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

}  // namespace

std::string Nfkc(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err) || nfkc == nullptr) return std::string(utf8);  // ICU data missing: keep as is
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfkc->normalize(in, err);
  if (U_FAILURE(err)) return std::string(utf8);
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::string_view TrimSpace(std::string_view s) {
  auto space_at_front = [&](size_t* len) {
    if (s.empty()) return false;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') return *len = 1, true;
    if (s.substr(0, 3) == "\xE3\x80\x80") return *len = 3, true;  // U+3000
    return false;
  };
  auto space_at_back = [&](size_t* len) {
    if (s.empty()) return false;
    const char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return *len = 1, true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return *len = 3, true;
    return false;
  };
  size_t n = 0;
  while (space_at_front(&n)) s.remove_prefix(n);
  while (space_at_back(&n)) s.remove_suffix(n);
  return s;
}

std::string DisplayText(std::string_view utf8) {
  utf8 = TrimSpace(utf8);
  std::string out, kana;
  out.reserve(utf8.size());
  auto flush_kana = [&] {
    if (kana.empty()) return;
    out += Nfkc(kana);
    kana.clear();
  };
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    const char32_t c = text::DecodeUtf8(utf8, i, &len);
    if (IsHalfwidthKana(c)) {
      kana.append(utf8.substr(i, len));
    } else {
      flush_kana();
      if (IsFullwidthAlnum(c)) {
        out += static_cast<char>(c - 0xFEE0);
      } else if (c == '\r') {
        if (utf8.substr(i + 1, 1) != "\n") out += '\n';  // CR LF → LF; a lone CR → LF
      } else {
        out.append(utf8.substr(i, len));
      }
    }
    i += len;
  }
  flush_kana();
  return out;
}

std::string ColumnKey(std::string_view name) {
  const std::string n = Nfkc(name);
  std::string key;
  key.reserve(n.size());
  for (char c : n) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

}  // namespace machikado::opendata
