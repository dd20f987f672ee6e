#include "console/console_config.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/file_system.h"

namespace machikado::console {

bool SafeId(std::string_view id, bool allow_colon) {
  if (id.empty() || id.size() > 128 || id.front() == '.') return false;
  if (id.find("..") != std::string_view::npos) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || (allow_colon && c == ':');
    if (!ok) return false;
  }
  return true;
}

const ConsoleFeed* ConsoleConfig::FindFeed(std::string_view id) const {
  for (const auto& f : feeds)
    if (f.id == id) return &f;
  return nullptr;
}

std::string ConsoleConfig::PublishedUrl(std::string_view feed) const {
  std::string base =
      public_url.empty() ? "http://" + listen_address + ":" + std::to_string(port) : public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/feeds/" + std::string(feed) + ".json";
}

Result<ConsoleConfig> ParseConsoleConfig(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Invalid("not a JSON object");
  ConsoleConfig c;
  auto str = [&](const char* key, std::string& out) -> Status {
    if (!j.contains(key)) return Status::Ok();
    if (!j[key].is_string()) return Status::Invalid(std::string("`") + key + "` must be a string");
    out = j[key].get<std::string>();
    return Status::Ok();
  };
  auto num = [&](const char* key, auto& out, int64_t lo, int64_t hi) -> Status {
    if (!j.contains(key)) return Status::Ok();
    if (!j[key].is_number_integer() || j[key].get<int64_t>() < lo || j[key].get<int64_t>() > hi)
      return Status::Invalid(std::string("`") + key + "` must be an integer from " +
                             std::to_string(lo) + " to " + std::to_string(hi));
    out = static_cast<std::remove_reference_t<decltype(out)>>(j[key].get<int64_t>());
    return Status::Ok();
  };
  for (Status s :
       {str("state_dir", c.state_dir), str("publish_dir", c.publish_dir),
        str("listen_address", c.listen_address), str("public_url", c.public_url),
        str("static_dir", c.static_dir), str("shelter_register", c.shelter_register),
        num("port", c.port, 0, 65535), num("session_hours", c.session_hours, 1, 24 * 30),
        num("session_idle_minutes", c.session_idle_minutes, 1, 24 * 60),
        num("max_image_bytes", c.max_image_bytes, 64 * 1024, 32 * 1024 * 1024),
        num("max_body_bytes", c.max_body_bytes, 1024, 4 * 1024 * 1024),
        num("max_report_bytes", c.max_report_bytes, 1024, 4 * 1024 * 1024),
        num("silent_after_s", c.silent_after_s, 30, 86400),
        num("stale_after_s", c.stale_after_s, 60, 30 * 86400), num("threads", c.threads, 1, 64),
        num("login_checks", c.login_checks, 1, 16), num("login_waiting", c.login_waiting, 0, 64)})
    if (!s.ok()) return s;
  if (!j.contains("login_checks")) c.login_checks = std::min(c.login_checks, c.threads);
  if (!j.contains("login_waiting"))
    c.login_waiting = std::clamp(c.threads - c.login_checks - 1, 0, c.login_waiting);
  if (c.login_checks + c.login_waiting > c.threads)
    return Status::Invalid("`login_checks` + `login_waiting` (" +
                           std::to_string(c.login_checks + c.login_waiting) +
                           ") must not exceed `threads` (" + std::to_string(c.threads) +
                           "): each waiting login holds an HTTP worker");
  if (c.state_dir.empty()) return Status::Invalid("`state_dir` is required");
  if (c.publish_dir.empty()) c.publish_dir = JoinPath(c.state_dir, "publish");
  if (!j.contains("feeds") || !j["feeds"].is_array() || j["feeds"].empty())
    return Status::Invalid(
        "`feeds` must list the feeds this console publishes ([{\"id\", \"title\"}])");
  for (size_t i = 0; i < j["feeds"].size(); ++i) {
    const auto& f = j["feeds"][i];
    const std::string where = "`feeds[" + std::to_string(i) + "]`";
    if (!f.is_object() || !f.contains("id") || !f["id"].is_string())
      return Status::Invalid(where + " needs an `id`");
    ConsoleFeed feed;
    feed.id = f["id"].get<std::string>();
    if (!SafeId(feed.id) || feed.id.size() > 64)
      return Status::Invalid(where + ": `id` must be 1–64 of A-Z a-z 0-9 . _ -");
    if (c.FindFeed(feed.id))
      return Status::Invalid(where + ": the id '" + feed.id + "' is listed twice");
    if (!f.contains("title") || !(f["title"].is_string() || f["title"].is_object()))
      return Status::Invalid(where + " needs a `title` (a string or a language map)");
    feed.title_json = f["title"].dump();
    if (f.contains("ttl")) {
      if (!f["ttl"].is_number_integer() || f["ttl"].get<int64_t>() < 5 ||
          f["ttl"].get<int64_t>() > 86400)
        return Status::Invalid(where + ": `ttl` must be 5–86400 seconds");
      feed.ttl_s = f["ttl"].get<int>();
    }
    c.feeds.push_back(std::move(feed));
  }
  return c;
}

Result<ConsoleConfig> LoadConsoleConfig(const std::string& path) {
  PosixFileSystem fs;
  Result<std::string> text = fs.ReadFile(path, 1 << 20);
  if (!text.ok()) return Status::Error(text.status().code(), path + ": " + text.status().message());
  Result<ConsoleConfig> c = ParseConsoleConfig(*text);
  if (!c.ok()) return Status::Error(c.status().code(), path + ": " + c.status().message());
  return c;
}

}  // namespace machikado::console
