#include "feed/field_reader.h"

#include <cmath>

#include "feed/json_precheck.h"
#include "feed/url.h"

namespace machikado::feed {
namespace {

// Cuts `s` after `max_chars` code points, adding "…".
std::string Shorten(std::string_view s, size_t max_chars = 40) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max_chars)
      return std::string(s.substr(0, i)) + "…";
  }
  return std::string(s);
}

bool IsIdChar(char c, bool lower_only) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')
    return true;
  if (lower_only) return false;
  return (c >= 'A' && c <= 'Z') || c == ':';
}

std::string RangeText(int64_t lo, int64_t hi) {
  return std::to_string(lo) + " to " + std::to_string(hi);
}

}  // namespace

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string ChildPointer(std::string_view parent, std::string_view key) {
  return std::string(parent) + "/" + EscapePointerToken(key);
}

std::string ChildPointer(std::string_view parent, size_t index) {
  return std::string(parent) + "/" + std::to_string(index);
}

std::string Quoted(std::string_view s) {
  return std::string(1, '"').append(Shorten(s)).append(1, '"');
}

std::string DescribeJson(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "the number " + v.dump();
    case Json::value_t::string:
      return "the text " + Quoted(v.get_ref<const std::string&>());
    case Json::value_t::array:
      return v.empty() ? "an empty list []" : "a list […]";
    case Json::value_t::object:
      return v.empty() ? "an empty object {}" : "an object {…}";
    default:
      return "a value of unexpected type";
  }
}

bool IsLanguageTag(std::string_view tag) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto alnum = [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); };
  size_t i = 0;
  while (i < tag.size() && alpha(tag[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    const size_t start = ++i;
    while (i < tag.size() && alnum(tag[i])) ++i;
    if (i - start < 1 || i - start > 8) return false;
  }
  return true;
}

FieldReader::FieldReader(const FeedLimits& limits, std::string_view base_url,
                         FeedError::Level level, std::optional<std::string> item_id,
                         std::vector<FeedError>* errors)
    : limits_(limits),
      base_url_(base_url),
      level_(level),
      item_id_(std::move(item_id)),
      errors_(errors) {}

void FieldReader::Error(std::string pointer, std::string message) {
  ++errors_recorded_;
  // A 4 MiB feed can hold two million wrong values ("tags": [1,1,…]); listing each would take
  // hundreds of MB. The item is still skipped; only the listing stops.
  if (errors_->size() >= kMaxReportedErrors) return;
  if (errors_->size() + 1 == kMaxReportedErrors)
    message += " (further problems are not listed: at most " + std::to_string(kMaxReportedErrors) +
               " are reported per feed)";
  errors_->push_back({level_, item_id_, std::move(pointer), std::move(message)});
}

void FieldReader::Wrong(const std::string& pointer, std::string_view key, const Json& v,
                        std::string_view expected) {
  Error(pointer,
        std::string(key) + " must be " + std::string(expected) + ", but it is " + DescribeJson(v));
}

const Json* FieldReader::Field(const Json& obj, const std::string& ptr, std::string_view key,
                               Need need) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (need == Need::kRequired) {
      if (it == obj.end())
        Error(ChildPointer(ptr, key), std::string(key) + " is required but missing");
      else
        Error(ChildPointer(ptr, key), std::string(key) + " is required but it is null");
    }
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> FieldReader::String(const Json& obj, const std::string& ptr,
                                               std::string_view key, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Wrong(ChildPointer(ptr, key), key, *v, "text in quotes");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> FieldReader::Identifier(const Json& obj, const std::string& ptr,
                                                   std::string_view key, Need need, size_t max_len,
                                                   bool lower_only) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  const std::string allowed = lower_only ? "lower-case letters a–z, digits and . _ -"
                                         : "letters A–Z a–z, digits and . _ : -";
  const std::string expected =
      "text of 1 to " + std::to_string(max_len) + " characters using only " + allowed;
  if (!v->is_string()) {
    Wrong(ChildPointer(ptr, key), key, *v, expected);
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  bool good = !s.empty() && s.size() <= max_len;
  for (char c : s) good = good && IsIdChar(c, lower_only);
  if (!good) {
    Wrong(ChildPointer(ptr, key), key, *v, expected);
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> FieldReader::Integer(const Json& obj, const std::string& ptr,
                                            std::string_view key, int64_t lo, int64_t hi,
                                            Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  const std::string expected = "a whole number from " + RangeText(lo, hi);
  std::optional<int64_t> n;
  if (v->is_number_unsigned()) {
    const uint64_t u = v->get<uint64_t>();
    if (u <= static_cast<uint64_t>(INT64_MAX)) n = static_cast<int64_t>(u);
  } else if (v->is_number_integer()) {
    n = v->get<int64_t>();
  } else if (v->is_number_float()) {
    // JSON does not distinguish 50 from 50.0; accept a float with no fraction (as JSON Schema
    // does).
    const double d = v->get<double>();
    if (std::isfinite(d) && d == std::trunc(d) && d >= -9.0e15 && d <= 9.0e15)
      n = static_cast<int64_t>(d);
  }
  if (!n || *n < lo || *n > hi) {
    Wrong(ChildPointer(ptr, key), key, *v, expected);
    return std::nullopt;
  }
  return n;
}

std::optional<double> FieldReader::Number(const Json& obj, const std::string& ptr,
                                          std::string_view key, double lo, double hi, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < lo ||
      v->get<double>() > hi) {
    std::string expected = "a number";
    if (std::isfinite(lo) && std::isfinite(hi))
      expected += " from " + Json(lo).dump() + " to " + Json(hi).dump();
    Wrong(ChildPointer(ptr, key), key, *v, expected);
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> FieldReader::Bool(const Json& obj, const std::string& ptr, std::string_view key,
                                      Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    Wrong(ChildPointer(ptr, key), key, *v, "true or false (without quotes)");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<DateTime> FieldReader::Date(const Json& obj, const std::string& ptr,
                                          std::string_view key, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Wrong(ChildPointer(ptr, key), key, *v,
          "a date and time in quotes, e.g. \"2026-11-23T09:00:00+09:00\"");
    return std::nullopt;
  }
  Result<DateTime> dt = ParseRfc3339(v->get_ref<const std::string&>());
  if (!dt.ok()) {
    Error(ChildPointer(ptr, key), std::string(key) + " " + dt.status().message());
    return std::nullopt;
  }
  return *dt;
}

std::optional<std::string> FieldReader::WebUrl(const Json& obj, const std::string& ptr,
                                               std::string_view key, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Wrong(ChildPointer(ptr, key), key, *v,
          "a web address in quotes, e.g. \"https://www.example.jp/info\"");
    return std::nullopt;
  }
  const Status st = CheckWebUrl(v->get_ref<const std::string&>());
  if (!st.ok()) {
    Error(ChildPointer(ptr, key), std::string(key) + ": " + st.message());
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> FieldReader::ImageUrl(const Json& obj, const std::string& ptr,
                                                 std::string_view key, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Wrong(ChildPointer(ptr, key), key, *v,
          "an image address in quotes, e.g. \"images/poster.png\"");
    return std::nullopt;
  }
  Result<std::string> url = ResolveImageUrl(v->get_ref<const std::string&>(), base_url_);
  if (!url.ok()) {
    Error(ChildPointer(ptr, key), std::string(key) + ": " + url.status().message());
    return std::nullopt;
  }
  return *url;
}

std::optional<Hazard> FieldReader::HazardValue(const Json& v, const std::string& ptr) {
  if (v.is_string())
    if (auto h = HazardFromName(v.get_ref<const std::string&>())) return h;
  Error(
      ptr,
      "the hazard must be one of flood, inland_flood, landslide, storm_surge, tsunami, earthquake, "
      "fire, storm, snow, heat, volcano, other, but it is " +
          DescribeJson(v));
  return std::nullopt;
}

std::optional<Hazard> FieldReader::HazardField(const Json& obj, const std::string& ptr,
                                               std::string_view key, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return std::nullopt;
  return HazardValue(*v, ChildPointer(ptr, key));
}

std::optional<ItemStatus> FieldReader::StatusField(const Json& obj, const std::string& ptr,
                                                   std::string_view key) {
  const Json* v = Field(obj, ptr, key, Need::kOptional);
  if (!v) return std::nullopt;
  if (v->is_string())
    if (auto s = StatusFromName(v->get_ref<const std::string&>())) return s;
  Wrong(ChildPointer(ptr, key), key, *v, "one of \"actual\", \"exercise\" (訓練) or \"test\"");
  return std::nullopt;
}

std::optional<ShelterStatus> FieldReader::ShelterStatusField(const Json& obj,
                                                             const std::string& ptr,
                                                             std::string_view key) {
  const Json* v = Field(obj, ptr, key, Need::kOptional);
  if (!v) return std::nullopt;
  if (v->is_string())
    if (auto s = ShelterStatusFromName(v->get_ref<const std::string&>())) return s;
  Wrong(ChildPointer(ptr, key), key, *v, "one of \"open\", \"closed\", \"full\" or \"unknown\"");
  return std::nullopt;
}

std::optional<std::vector<std::string>> FieldReader::StringList(const Json& obj,
                                                                const std::string& ptr,
                                                                std::string_view key) {
  const Json* arr = Array(obj, ptr, key, 0, SIZE_MAX, Need::kOptional);
  if (!arr) return std::nullopt;
  const std::string list_ptr = ChildPointer(ptr, key);
  std::vector<std::string> out;
  bool good = true;
  for (size_t i = 0; i < arr->size(); ++i) {
    const Json& e = (*arr)[i];
    if (!e.is_string() || e.get_ref<const std::string&>().empty()) {
      Error(ChildPointer(list_ptr, i), "each entry of " + std::string(key) +
                                           " must be non-empty text in quotes, but it is " +
                                           DescribeJson(e));
      good = false;
      continue;
    }
    out.push_back(e.get<std::string>());
  }
  if (!good) return std::nullopt;
  return out;
}

const Json* FieldReader::Array(const Json& obj, const std::string& ptr, std::string_view key,
                               size_t min_len, size_t max_len, Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return nullptr;
  if (!v->is_array()) {
    Wrong(ChildPointer(ptr, key), key, *v, "a list in square brackets [ … ]");
    return nullptr;
  }
  if (v->size() < min_len || v->size() > max_len) {
    std::string range = max_len == SIZE_MAX
                            ? "at least " + std::to_string(min_len)
                            : std::to_string(min_len) + " to " + std::to_string(max_len);
    Error(ChildPointer(ptr, key), std::string(key) + " must have " + range +
                                      " entries, but it has " + std::to_string(v->size()));
    return nullptr;
  }
  return v;
}

const Json* FieldReader::Object(const Json& obj, const std::string& ptr, std::string_view key,
                                Need need) {
  const Json* v = Field(obj, ptr, key, need);
  if (!v) return nullptr;
  if (!v->is_object()) {
    Wrong(ChildPointer(ptr, key), key, *v, "an object in curly braces { … }");
    return nullptr;
  }
  return v;
}

}  // namespace machikado::feed
