// FieldReader's text values: a string or an object of languages, with ruby markup and length
// limits.
#include "feed/field_reader.h"
#include "feed/json_precheck.h"
#include "feed/ruby.h"

namespace machikado::feed {
namespace {

// The first control character other than tab, line feed and carriage return, or -1.
int FindControlCharacter(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return u;
  }
  return -1;
}

std::string Hex(int u) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string s = "U+00";
  s += kDigits[(u >> 4) & 0xF];
  s += kDigits[u & 0xF];
  return s;
}

}  // namespace

std::optional<LocalizedString> FieldReader::Variant(const Json& v, const std::string& ptr,
                                                    std::string lang, size_t max_chars,
                                                    bool non_empty) {
  if (!v.is_string()) {
    Error(ptr,
          "the text for language \"" + lang + "\" must be in quotes, but it is " + DescribeJson(v));
    return std::nullopt;
  }
  const auto& raw = v.get_ref<const std::string&>();
  // The document was checked as a whole; \u escapes could still not produce invalid UTF-8 (nlohmann
  // rejects lone surrogates), but stay defensive: the renderer relies on it.
  if (!IsValidUtf8(raw)) {
    Error(ptr, "the text is not valid UTF-8");
    return std::nullopt;
  }
  if (const int c = FindControlCharacter(raw); c >= 0) {
    Error(ptr, "the text contains the invisible control character " + Hex(c) +
                   "; remove it (line breaks are allowed)");
    return std::nullopt;
  }
  Result<std::vector<RubySegment>> segments = ParseRuby(raw);
  if (!segments.ok()) {
    Error(ptr, "furigana markup: " + segments.status().message());
    return std::nullopt;
  }
  LocalizedString out{std::move(lang), raw, std::move(segments).value()};
  const std::string plain = out.plain();
  const size_t chars = CountCodePoints(plain);
  if (chars > max_chars) {
    Error(ptr, "the text is " + std::to_string(chars) + " characters long; at most " +
                   std::to_string(max_chars) +
                   " are allowed here (furigana readings are not counted)");
    return std::nullopt;
  }
  if (non_empty && plain.find_first_not_of(" \t\r\n") == std::string::npos) {
    Error(ptr, "the text is empty; write the text that should be shown");
    return std::nullopt;
  }
  return out;
}

std::optional<Text> FieldReader::TextValue(const Json& v, const std::string& ptr, size_t max_chars,
                                           bool non_empty) {
  Text text;
  if (v.is_string()) {
    auto variant = Variant(v, ptr, "ja", max_chars, non_empty);
    if (!variant) return std::nullopt;
    text.variants.push_back(std::move(*variant));
    return text;
  }
  if (!v.is_object()) {
    Error(ptr,
          "expected text: either a string in quotes or languages such as {\"ja\": \"…\", \"en\": "
          "\"…\"}, "
          "but it is " +
              DescribeJson(v));
    return std::nullopt;
  }
  if (v.empty()) {
    Error(ptr, "the text has no languages; write at least one, e.g. {\"ja\": \"…\"}");
    return std::nullopt;
  }
  if (v.size() > limits().max_languages) {
    Error(ptr, "the text has " + std::to_string(v.size()) + " languages; at most " +
                   std::to_string(limits().max_languages) + " are allowed");
    return std::nullopt;
  }
  bool good = true;
  for (const auto& [lang, value] : v.items()) {
    const std::string lang_ptr = ChildPointer(ptr, lang);
    if (!IsLanguageTag(lang)) {
      Error(lang_ptr, "\"" + lang +
                          "\" is not a language tag; use tags such as ja, en, zh-Hans, ko, vi, "
                          "ja-x-easy (やさしい日本語)");
      good = false;
      continue;
    }
    auto variant = Variant(value, lang_ptr, lang, max_chars, non_empty);
    if (!variant) {
      good = false;
      continue;
    }
    text.variants.push_back(std::move(*variant));
  }
  if (!good) return std::nullopt;
  return text;
}

std::optional<Text> FieldReader::TextField(const Json& obj, const std::string& ptr,
                                           std::string_view key, size_t max_chars, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  return TextValue(*v, ChildPointer(ptr, key), max_chars, need == Need::kRequired);
}

}  // namespace machikado::feed
