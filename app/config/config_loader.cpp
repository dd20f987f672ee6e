#include "config/config_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <set>

#include "config/config_reader.h"
#include "config/quiet_hours_config.h"
#include "feed/json_syntax.h"
#include "feed/shelter_refs.h"
#include "trust/minisign.h"

namespace machikado::config {
namespace {

using nlohmann::json;

bool IsFeedUrlScheme(const std::string& url) {
  auto starts = [&](const char* p) { return url.rfind(p, 0) == 0; };
  if (starts("https://") || starts("http://") || starts("file://")) return true;
  return url.find("://") == std::string::npos;  // a plain path
}

void ReadFeeds(ConfigReader& r, const json& root, Config* c) {
  if (!root.contains("feeds")) return;
  const json& feeds = root["feeds"];
  if (!feeds.is_array()) return r.Error("/feeds", "must be a list of feeds");
  for (size_t i = 0; i < feeds.size(); ++i) {
    std::string ptr = "/feeds/" + std::to_string(i);
    const json& f = feeds[i];
    FeedSource src;
    if (f.is_string()) {
      src.url = f.get<std::string>();
    } else if (f.is_object()) {
      r.CheckKeys(f, ptr, {"url", "poll_interval_s", "allow_http", "allow_unhashed_images"});
      if (!f.contains("url")) {
        r.Error(ptr, "a feed needs a \"url\"");
        continue;
      }
      r.String(f, "url", ptr, &src.url);
      r.Int(f, "poll_interval_s", ptr, 5, 86400, &src.poll_interval_s);
      r.Bool(f, "allow_http", ptr, &src.allow_http);
      r.Bool(f, "allow_unhashed_images", ptr, &src.allow_unhashed_images);
    } else {
      r.Error(ptr, "must be a URL string or an object with \"url\"");
      continue;
    }
    if (src.url.empty()) {
      r.Error(ptr, "the feed URL is empty");
      continue;
    }
    if (!IsFeedUrlScheme(src.url)) {
      r.Error(ptr + "/url",
              "\"" + src.url + "\" is not an https://, http://, file:// URL or a path");
      continue;
    }
    if (src.url.rfind("http://", 0) == 0 && !src.allow_http && !IsLoopbackUrl(src.url))
      r.Error(ptr + "/url",
              "plain http:// can be read by anyone on the network and forged; use https:// or set "
              "\"allow_http\": true for this feed");
    c->feeds.push_back(std::move(src));
  }
}

void ReadRest(ConfigReader& r, const json& root, Config* c) {
  r.String(root, "state_dir", "", &c->state_dir);
  r.String(root, "district", "", &c->district);
  r.String(root, "center_name", "", &c->center_name);
  r.String(root, "language", "", &c->language);
  r.Bool(root, "show_wareki", "", &c->show_wareki);
  r.Bool(root, "demo", "", &c->demo);
  r.Int(root, "idle_return_s", "", 5, 3600, &c->idle_return_s);
  r.Strings(root, "font_paths", "", &c->font_paths);
  r.Strings(root, "public_keys", "", &c->public_keys);
  for (size_t i = 0; i < c->public_keys.size(); ++i) {
    trust::SignatureError e;
    if (!trust::ParsePublicKey(c->public_keys[i], &e))
      r.Error("/public_keys/" + std::to_string(i),
              e.message + " (paste the second line of the minisign .pub file)");
  }
  r.String(root, "exit_chord", "", &c->exit_chord);
  r.String(root, "metrics_path", "", &c->metrics_path);
  r.String(root, "status_url", "", &c->status_url);
  r.String(root, "status_token", "", &c->status_token);
  r.Int(root, "status_interval_s", "", 5, 3600, &c->status_interval_s);
  if (!c->status_url.empty()) {
    const std::string& u = c->status_url;
    const bool https = u.rfind("https://", 0) == 0;
    const bool loopback = u.rfind("http://127.0.0.1", 0) == 0 ||
                          u.rfind("http://localhost", 0) == 0 || u.rfind("http://[::1]", 0) == 0;
    if (!https && !loopback)
      r.Error("/status_url",
              "must be an https:// URL (http only to this machine): the report carries the kiosk's "
              "token");
    if (c->status_token.empty())
      r.Error("/status_token", "status_url needs the kiosk's token (machikado console add-kiosk)");
  }
  r.String(root, "tls_ca_file", "", &c->tls_ca_file);
  if (c->language.empty()) r.Error("/language", "must name a language, e.g. \"ja\" or \"en\"");

  if (root.contains("durations")) {
    const json& d = root["durations"];
    if (!d.is_object()) {
      r.Error("/durations", "must be an object");
    } else {
      r.CheckKeys(d, "/durations",
                  {"news_s", "preparedness_s", "project_s", "alert_s", "crossfade_ms"});
      r.Int(d, "news_s", "/durations", 3, 300, &c->durations.news_s);
      r.Int(d, "preparedness_s", "/durations", 3, 300, &c->durations.preparedness_s);
      r.Int(d, "project_s", "/durations", 3, 300, &c->durations.project_s);
      r.Int(d, "alert_s", "/durations", 3, 300, &c->durations.alert_s);
      r.Int(d, "crossfade_ms", "/durations", 0, 1000, &c->durations.crossfade_ms);
    }
  }
  if (root.contains("display")) {
    const json& d = root["display"];
    if (!d.is_object()) {
      r.Error("/display", "must be an object");
    } else {
      r.CheckKeys(d, "/display", {"renderer", "windowed", "rotation_deg", "max_fps", "dpi"});
      if (d.contains("renderer")) {
        const json& v = d["renderer"];
        if (v == "auto")
          c->display.renderer = RendererPreference::kAuto;
        else if (v == "gpu")
          c->display.renderer = RendererPreference::kGpu;
        else if (v == "software")
          c->display.renderer = RendererPreference::kSoftware;
        else
          r.Error("/display/renderer",
                  "must be \"auto\" (GPU only when it is real hardware), \"gpu\" or \"software\"");
      }
      if (d.contains("windowed")) {
        const json& w = d["windowed"];
        if (w.is_array() && w.size() == 2 && w[0].is_number_integer() && w[1].is_number_integer() &&
            w[0].get<long>() >= 320 && w[1].get<long>() >= 320 && w[0].get<long>() <= 16384 &&
            w[1].get<long>() <= 16384) {
          c->display.windowed_w = w[0].get<int>();
          c->display.windowed_h = w[1].get<int>();
        } else {
          r.Error("/display/windowed", "must be [width, height] in pixels, each 320–16384");
        }
      }
      r.Int(d, "rotation_deg", "/display", 0, 270, &c->display.rotation_deg);
      if (c->display.rotation_deg % 90 != 0)
        r.Error("/display/rotation_deg", "must be 0, 90, 180 or 270");
      r.Int(d, "max_fps", "/display", 1, 120, &c->display.max_fps);
      if (d.contains("dpi")) {
        if (!d["dpi"].is_number() || d["dpi"].get<double>() < 0 || d["dpi"].get<double>() > 1000)
          r.Error("/display/dpi", "must be a number of dots per inch (0 = ask the display)");
        else
          c->display.dpi = d["dpi"].get<double>();
      }
    }
  }
}

void ReadShelterSlide(ConfigReader& r, const json& root, Config* c) {
  r.String(root, "shelter_map_url", "", &c->shelter_map_url);
  if (!c->shelter_map_url.empty())
    if (std::string why = feed::CheckMapUrlTemplate(c->shelter_map_url); !why.empty())
      r.Error("/shelter_map_url", why);
  if (!root.contains("shelter_slide")) return;
  const json& d = root["shelter_slide"];
  const std::string ptr = "/shelter_slide";
  if (!d.is_object()) return r.Error(ptr, "must be an object");
  r.CheckKeys(d, ptr, {"lat", "lon", "ids", "count", "max_distance_m"});
  auto degrees = [&](const char* key, double limit, std::optional<double>* out) {
    if (!d.contains(key)) return;
    const json& v = d[key];
    if (!v.is_number() || std::abs(v.get<double>()) > limit)
      return r.Error(ptr + "/" + key, "must be a number of degrees between " +
                                          std::to_string(int(-limit)) + " and " +
                                          std::to_string(int(limit)));
    *out = v.get<double>();
  };
  degrees("lat", 90, &c->shelter_slide.lat);
  degrees("lon", 180, &c->shelter_slide.lon);
  if (c->shelter_slide.lat.has_value() != c->shelter_slide.lon.has_value())
    r.Error(ptr, "give both \"lat\" and \"lon\" (the kiosk's position), or neither");
  r.Strings(d, "ids", ptr, &c->shelter_slide.ids);
  r.Int(d, "count", ptr, 1, 8, &c->shelter_slide.count);
  r.Int(d, "max_distance_m", ptr, 100, 50000, &c->shelter_slide.max_distance_m);
}

}  // namespace

bool IsLoopbackUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = url.substr(scheme + 3);
  size_t at = rest.find('@');
  size_t slash = rest.find('/');
  if (at != std::string_view::npos && (slash == std::string_view::npos || at < slash))
    rest = rest.substr(at + 1);
  std::string_view host;
  if (!rest.empty() && rest[0] == '[') {
    size_t close = rest.find(']');
    if (close == std::string_view::npos) return false;
    host = rest.substr(1, close - 1);
  } else {
    host = rest.substr(0, rest.find_first_of(":/?#"));
  }
  if (host == "localhost" || host == "::1") return true;
  if (host.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char ch : host) {
    if (ch == '.')
      ++dots;
    else if (ch < '0' || ch > '9')
      return false;
  }
  return dots == 3;
}

feed::NearbyShelterQuery ToNearbyShelterQuery(const ShelterSlide& s) {
  feed::NearbyShelterQuery q;
  q.lat = s.lat;
  q.lon = s.lon;
  q.ids = s.ids;
  q.count = size_t(s.count);
  q.max_distance_m = s.max_distance_m;
  return q;
}

ConfigOutcome ParseConfig(std::string_view json_text) {
  ConfigOutcome out;
  ConfigReader r(&out.problems);
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end(), nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    r.Error("", "the file is not valid JSON at " +
                    feed::ExplainJsonSyntaxError(json_text, e.byte, /*comments_allowed=*/true));
    return out;
  } catch (const json::exception& e) {
    r.Error("", std::string("the file is not valid JSON: ") + e.what());
    return out;
  }
  if (!root.is_object()) {
    r.Error("", "the configuration must be a JSON object { … }");
    return out;
  }
  r.CheckKeys(root, "", {"feeds",           "demo",
                         "state_dir",       "district",
                         "center_name",     "language",
                         "show_wareki",     "idle_return_s",
                         "durations",       "display",
                         "font_paths",      "public_keys",
                         "exit_chord",      "metrics_path",
                         "utc_offset",      "quiet_hours",
                         "quiet_mode",      "shelter_slide",
                         "shelter_map_url", "status_url",
                         "status_token",    "status_interval_s",
                         "tls_ca_file"});
  try {
    ReadFeeds(r, root, &out.config);
    ReadRest(r, root, &out.config);
    ReadQuietHours(r, root, &out.config);
    ReadShelterSlide(r, root, &out.config);
  } catch (const std::exception& e) {
    r.Error("", std::string("could not read the configuration: ") + e.what());
  }
  return out;
}

std::string WhyNothingToShow(const ConfigOutcome& outcome) {
  if (!outcome.config.feeds.empty() || outcome.config.demo) return "";
  std::string why = "the configuration names no feed";
  std::string unknown;
  for (const auto& p : outcome.problems)
    if (p.unknown_key && p.pointer.find('/', 1) == std::string::npos)
      unknown += (unknown.empty() ? "" : "; ") + p.message;
  if (!unknown.empty()) why += " (" + unknown + ")";
  return why;
}

}  // namespace machikado::config

#include <fstream>
#include <sstream>

namespace machikado::config {

ConfigOutcome LoadConfigFile(const std::string& path) {
  constexpr std::streamsize kMaxBytes = 1 << 20;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigOutcome out;
    out.problems.push_back({true, "", "cannot open \"" + path + "\""});
    return out;
  }
  std::string text(static_cast<size_t>(kMaxBytes) + 1, '\0');
  in.read(text.data(), kMaxBytes + 1);
  text.resize(static_cast<size_t>(in.gcount()));
  if (static_cast<std::streamsize>(text.size()) > kMaxBytes) {
    ConfigOutcome out;
    out.problems.push_back({true, "", "the file is larger than 1 MiB; is it really a config?"});
    return out;
  }
  return ParseConfig(text);
}

}  // namespace machikado::config
