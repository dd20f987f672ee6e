#include "console/shelter_register.h"

#include "console/console_config.h"

namespace machikado::console {

Result<nlohmann::json> ParseShelterRegister(std::string_view text) {
  if (text.size() > kMaxRegisterBytes) return Status::Limit("the shelter register is too large");
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("shelters") ||
      !doc["shelters"].is_array())
    return Status::Invalid("not a shelter register (a feed document with a `shelters` array)");
  if (doc["shelters"].size() > kMaxRegisterShelters)
    return Status::Limit("the shelter register lists more than " +
                         std::to_string(kMaxRegisterShelters) + " shelters");
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : doc["shelters"]) {
    if (!s.is_object() || !s.contains("id") || !s["id"].is_string() ||
        !SafeId(s["id"].get<std::string>(), true) || !s.contains("name") ||
        !(s["name"].is_string() || s["name"].is_object()))
      continue;
    nlohmann::json e = {{"id", s["id"]}, {"name", s["name"]}};
    if (s.contains("address") && (s["address"].is_string() || s["address"].is_object()))
      e["address"] = s["address"];
    if (s.contains("hazards") && s["hazards"].is_array()) e["hazards"] = s["hazards"];
    if (s.contains("capacity") && s["capacity"].is_number_integer()) e["capacity"] = s["capacity"];
    if (s.contains("lat") && s.contains("lon") && s["lat"].is_number() && s["lon"].is_number()) {
      e["lat"] = s["lat"];
      e["lon"] = s["lon"];
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<nlohmann::json> LoadShelterRegister(FileSystem& fs, const std::string& path) {
  Result<std::string> text = fs.ReadFile(path, kMaxRegisterBytes);
  if (!text.ok()) return Status::Error(text.status().code(), path + ": " + text.status().message());
  Result<nlohmann::json> r = ParseShelterRegister(*text);
  if (!r.ok()) return Status::Error(r.status().code(), path + ": " + r.status().message());
  return r;
}

}  // namespace machikado::console
