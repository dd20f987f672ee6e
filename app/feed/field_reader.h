// FieldReader: reads typed values out of a parsed JSON object for ParseFeed, recording every
// problem as a FeedError with its JSON Pointer and a message for staff. Internal to feed/
// (parse*.cpp). Owns nothing but a pointer to the caller's error list; one reader per item or per
// document. Thread-compatible.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/datetime.h"
#include "feed/model.h"
#include "feed/parse.h"

namespace machikado::feed {

// ordered_json keeps members in feed order ("first listed" language fallback). With duplicate keys
// in one object the last value wins (nlohmann behaviour; RFC 8259 leaves it open), kept at the
// first position.
using Json = nlohmann::ordered_json;

// RFC 6901: "~" → "~0", "/" → "~1".
std::string EscapePointerToken(std::string_view token);
std::string ChildPointer(std::string_view parent, std::string_view key);
std::string ChildPointer(std::string_view parent, size_t index);

// `s` in double quotes, cut after 40 characters ("…").
std::string Quoted(std::string_view s);

// A JSON value in words: `the number 150`, `the text "high"`, `a list`, `an object`, `null`,
// `true`.
std::string DescribeJson(const Json& v);

// Whether a field must be present. A required text must also have non-empty text in every language.
enum class Need { kOptional, kRequired };

// Problems listed per feed at most (the rest are counted, not listed), so memory stays bounded.
inline constexpr size_t kMaxReportedErrors = 1000;

class FieldReader {
 public:
  FieldReader(const FeedLimits& limits, std::string_view base_url, FeedError::Level level,
              std::optional<std::string> item_id, std::vector<FeedError>* errors);

  void Error(std::string pointer, std::string message);
  // False once any error was recorded through this reader.
  bool ok() const { return errors_recorded_ == 0; }
  const FeedLimits& limits() const { return limits_; }

  // The member `key` of object `obj` (whose pointer is `ptr`); nullptr when absent or null (an
  // error when required). Each typed getter below returns nullopt both when the field is absent and
  // when it is wrong; only the latter (and a missing required field) records an error.
  const Json* Field(const Json& obj, const std::string& ptr, std::string_view key, Need need);

  std::optional<std::string> String(const Json& obj, const std::string& ptr, std::string_view key,
                                    Need need);
  // An identifier: 1–max_len characters of [A-Za-z0-9._:-] (`lower_only`: [a-z0-9._-], the feed
  // id).
  std::optional<std::string> Identifier(const Json& obj, const std::string& ptr,
                                        std::string_view key, Need need, size_t max_len,
                                        bool lower_only);
  std::optional<int64_t> Integer(const Json& obj, const std::string& ptr, std::string_view key,
                                 int64_t lo, int64_t hi, Need need);
  std::optional<double> Number(const Json& obj, const std::string& ptr, std::string_view key,
                               double lo, double hi, Need need);
  std::optional<bool> Bool(const Json& obj, const std::string& ptr, std::string_view key,
                           Need need);
  std::optional<DateTime> Date(const Json& obj, const std::string& ptr, std::string_view key,
                               Need need);
  std::optional<std::string> WebUrl(const Json& obj, const std::string& ptr, std::string_view key,
                                    Need need);
  std::optional<std::string> ImageUrl(const Json& obj, const std::string& ptr, std::string_view key,
                                      Need need);
  std::optional<Hazard> HazardField(const Json& obj, const std::string& ptr, std::string_view key,
                                    Need need);
  std::optional<Hazard> HazardValue(const Json& v, const std::string& ptr);
  std::optional<ItemStatus> StatusField(const Json& obj, const std::string& ptr,
                                        std::string_view key);
  std::optional<ShelterStatus> ShelterStatusField(const Json& obj, const std::string& ptr,
                                                  std::string_view key);
  // A list of strings (districts, tags): each a non-empty string.
  std::optional<std::vector<std::string>> StringList(const Json& obj, const std::string& ptr,
                                                     std::string_view key);
  // The array at `key` with min_len–max_len entries, or nullptr (absent or wrong).
  const Json* Array(const Json& obj, const std::string& ptr, std::string_view key, size_t min_len,
                    size_t max_len, Need need);
  // The object at `key`, or nullptr (absent or wrong).
  const Json* Object(const Json& obj, const std::string& ptr, std::string_view key, Need need);

  // Text (parse_text.cpp): a string, or an object of up to max_languages BCP 47 tags → string; ruby
  // markup parsed; each language at most `max_chars` characters of plain text.
  std::optional<Text> TextField(const Json& obj, const std::string& ptr, std::string_view key,
                                size_t max_chars, Need need);
  std::optional<Text> TextValue(const Json& v, const std::string& ptr, size_t max_chars,
                                bool non_empty);

 private:
  // "expected …, found …" for a value of the wrong type or range.
  void Wrong(const std::string& pointer, std::string_view key, const Json& v,
             std::string_view expected);
  std::optional<LocalizedString> Variant(const Json& v, const std::string& ptr, std::string lang,
                                         size_t max_chars, bool non_empty);

  const FeedLimits& limits_;
  std::string_view base_url_;
  FeedError::Level level_;
  std::optional<std::string> item_id_;
  std::vector<FeedError>* errors_;
  size_t errors_recorded_ = 0;
};

// True for a BCP 47-like tag: a 2–3 letter language, then "-" subtags of 1–8 letters or digits
// ("ja", "en", "zh-Hans", "ja-x-easy", "pt-BR").
bool IsLanguageTag(std::string_view tag);

}  // namespace machikado::feed
