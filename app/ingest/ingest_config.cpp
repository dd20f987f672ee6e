#include "ingest/ingest_config.h"

#include <nlohmann/json.hpp>

namespace machikado::ingest {
namespace {

using Json = nlohmann::json;

bool IsHttpUrl(const std::string& s) {
  return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
}

Status StringList(const Json& j, const char* key, std::vector<std::string>* out, bool urls) {
  if (!j.contains(key)) return Status::Ok();
  const Json& v = j[key];
  if (!v.is_array()) return Status::Invalid(std::string(key) + " must be a list of strings");
  for (const auto& e : v) {
    if (!e.is_string() || e.get<std::string>().empty())
      return Status::Invalid(std::string(key) + " must be a list of non-empty strings");
    if (urls && !IsHttpUrl(e.get<std::string>()))
      return Status::Invalid(std::string(key) + ": " + e.get<std::string>() +
                             " is not an http(s) URL");
    out->push_back(e.get<std::string>());
  }
  return Status::Ok();
}

Status Int(const Json& j, const char* key, int min, int max, int* out) {
  if (!j.contains(key)) return Status::Ok();
  if (!j[key].is_number_integer() || j[key].get<int64_t>() < min || j[key].get<int64_t>() > max)
    return Status::Invalid(std::string(key) + " must be a whole number from " +
                           std::to_string(min) + " to " + std::to_string(max));
  *out = j[key].get<int>();
  return Status::Ok();
}

Status Str(const Json& j, const char* key, std::string* out) {
  if (!j.contains(key)) return Status::Ok();
  if (!j[key].is_string() || j[key].get<std::string>().empty())
    return Status::Invalid(std::string(key) + " must be a non-empty string");
  *out = j[key].get<std::string>();
  return Status::Ok();
}

}  // namespace

Result<IngestConfig> ParseIngestConfig(std::string_view text) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Invalid("the ingest configuration is not a JSON object");
  IngestConfig c;
  for (Status s : {StringList(j, "jma_feeds", &c.jma_feeds, true),
                   StringList(j, "cap_feeds", &c.cap_feeds, true),
                   StringList(j, "areas", &c.areas.codes, false), Str(j, "state_dir", &c.state_dir),
                   Str(j, "out", &c.out), Str(j, "feed_id", &c.feed_id),
                   Int(j, "poll_seconds", 60, 86400, &c.poll_seconds),
                   Int(j, "retention_days", 1, 365, &c.retention_days),
                   Int(j, "max_entries_per_poll", 1, 1000, &c.max_entries_per_poll)})
    if (!s.ok()) return s;
  if (j.contains("all_areas")) {
    if (!j["all_areas"].is_boolean()) return Status::Invalid("all_areas must be true or false");
    c.areas.all = j["all_areas"].get<bool>();
  }
  if (j.contains("point")) {
    const Json& p = j["point"];
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number() ||
        p[0].get<double>() < -90 || p[0].get<double>() > 90 || p[1].get<double>() < -180 ||
        p[1].get<double>() > 180)
      return Status::Invalid("point must be [latitude, longitude] in degrees");
    c.areas.point = std::make_pair(p[0].get<double>(), p[1].get<double>());
  }
  if (c.state_dir.empty()) return Status::Invalid("state_dir is required");
  if (c.out.empty()) return Status::Invalid("out (the published feed's path) is required");
  if (c.jma_feeds.empty() && c.cap_feeds.empty())
    return Status::Invalid("name at least one feed in jma_feeds or cap_feeds");
  if (c.areas.codes.empty() && !c.areas.all && !c.areas.point)
    return Status::Invalid("name the kiosks' areas (areas, point) or all_areas");
  if (c.feed_id.size() > 64 ||
      c.feed_id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos)
    return Status::Invalid("feed_id must be 1–64 characters a-z 0-9 . _ -");
  return c;
}

}  // namespace machikado::ingest
