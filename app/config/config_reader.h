// ConfigReader: reads typed fields of a config JSON object and records every problem with its JSON
// Pointer and a message IT staff understand (unknown keys are warnings with a "did you mean"
// hint). Used only by the config section readers (config_loader.cpp, quiet_hours_config.cpp).
// Owned by one ParseConfig call; not thread-safe, pure (no I/O).
#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <vector>

#include "config/config_loader.h"

namespace machikado::config {

class ConfigReader {
 public:
  using json = nlohmann::json;

  explicit ConfigReader(std::vector<ConfigProblem>* problems) : problems_(problems) {}

  void Error(const std::string& ptr, std::string msg);
  void Warn(const std::string& ptr, std::string msg);

  // Warns about keys of `obj` not in `known`, suggesting a close known key.
  void CheckKeys(const json& obj, const std::string& ptr, std::initializer_list<const char*> known);

  // Each reads obj[key] when present into *out, or reports why it can't (the field keeps its
  // default).
  void String(const json& obj, const char* key, const std::string& ptr, std::string* out);
  void Bool(const json& obj, const char* key, const std::string& ptr, bool* out);
  void Int(const json& obj, const char* key, const std::string& ptr, long lo, long hi, int* out);
  void Strings(const json& obj, const char* key, const std::string& ptr,
               std::vector<std::string>* out);

 private:
  std::vector<ConfigProblem>* problems_;
};

}  // namespace machikado::config
