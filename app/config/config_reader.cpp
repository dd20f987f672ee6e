#include "config/config_reader.h"

#include <algorithm>

namespace machikado::config {
namespace {

// Levenshtein distance, for "did you mean" hints.
size_t Distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

using json = nlohmann::json;

void ConfigReader::Error(const std::string& ptr, std::string msg) {
  problems_->push_back({true, ptr, std::move(msg)});
}
void ConfigReader::Warn(const std::string& ptr, std::string msg) {
  problems_->push_back({false, ptr, std::move(msg)});
}

void ConfigReader::CheckKeys(const json& obj, const std::string& ptr,
                             std::initializer_list<const char*> known) {
  for (const auto& entry : obj.items()) {
    // A named reference, not a structured binding: clang before 16 cannot capture bindings.
    const std::string& key = entry.key();
    bool found = std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; });
    if (found) continue;
    std::string hint;
    for (const char* k : known)
      if (Distance(key, k) <= 2) hint = std::string(" — did you mean \"") + k + "\"?";
    Warn(ptr + "/" + key, "unknown setting \"" + key + "\" is ignored" + hint);
    problems_->back().unknown_key = true;
  }
}

void ConfigReader::String(const json& obj, const char* key, const std::string& ptr,
                          std::string* out) {
  if (!obj.contains(key)) return;
  const json& v = obj[key];
  if (!v.is_string()) return Error(ptr + "/" + key, "must be a text string");
  *out = v.get<std::string>();
}

void ConfigReader::Bool(const json& obj, const char* key, const std::string& ptr, bool* out) {
  if (!obj.contains(key)) return;
  const json& v = obj[key];
  if (!v.is_boolean()) return Error(ptr + "/" + key, "must be true or false");
  *out = v.get<bool>();
}

void ConfigReader::Int(const json& obj, const char* key, const std::string& ptr, long lo, long hi,
                       int* out) {
  if (!obj.contains(key)) return;
  const json& v = obj[key];
  if (!v.is_number_integer())
    return Error(ptr + "/" + key, "must be a whole number between " + std::to_string(lo) + " and " +
                                      std::to_string(hi));
  long n = v.get<long>();
  if (n < lo || n > hi)
    return Error(ptr + "/" + key, "is " + std::to_string(n) + "; it must be between " +
                                      std::to_string(lo) + " and " + std::to_string(hi));
  *out = static_cast<int>(n);
}

void ConfigReader::Strings(const json& obj, const char* key, const std::string& ptr,
                           std::vector<std::string>* out) {
  if (!obj.contains(key)) return;
  const json& v = obj[key];
  if (!v.is_array()) return Error(ptr + "/" + key, "must be a list of text strings");
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      Error(ptr + "/" + key + "/" + std::to_string(i), "must be a text string");
    else
      out->push_back(v[i].get<std::string>());
  }
}

}  // namespace machikado::config
