#include "config/config_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <set>

#include "feed/json_syntax.h"
#include "feed/shelter_refs.h"
#include "trust/minisign.h"

namespace machikado::config {
namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::vector<ConfigProblem>* problems) : problems_(problems) {}

  void Error(const std::string& ptr, std::string msg) {
    problems_->push_back({true, ptr, std::move(msg)});
  }
  void Warn(const std::string& ptr, std::string msg) {
    problems_->push_back({false, ptr, std::move(msg)});
  }

  // Warns about keys of `obj` not in `known`, suggesting a close known key.
  void CheckKeys(const json& obj, const std::string& ptr,
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

  void String(const json& obj, const char* key, const std::string& ptr, std::string* out) {
    if (!obj.contains(key)) return;
    const json& v = obj[key];
    if (!v.is_string()) return Error(ptr + "/" + key, "must be a text string");
    *out = v.get<std::string>();
  }

  void Bool(const json& obj, const char* key, const std::string& ptr, bool* out) {
    if (!obj.contains(key)) return;
    const json& v = obj[key];
    if (!v.is_boolean()) return Error(ptr + "/" + key, "must be true or false");
    *out = v.get<bool>();
  }

  void Int(const json& obj, const char* key, const std::string& ptr, long lo, long hi, int* out) {
    if (!obj.contains(key)) return;
    const json& v = obj[key];
    if (!v.is_number_integer())
      return Error(ptr + "/" + key, "must be a whole number between " + std::to_string(lo) +
                                        " and " + std::to_string(hi));
    long n = v.get<long>();
    if (n < lo || n > hi)
      return Error(ptr + "/" + key, "is " + std::to_string(n) + "; it must be between " +
                                        std::to_string(lo) + " and " + std::to_string(hi));
    *out = static_cast<int>(n);
  }

  void Strings(const json& obj, const char* key, const std::string& ptr,
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

 private:
  static size_t Distance(const std::string& a, const std::string& b) {
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

  std::vector<ConfigProblem>* problems_;
};

bool IsFeedUrlScheme(const std::string& url) {
  auto starts = [&](const char* p) { return url.rfind(p, 0) == 0; };
  if (starts("https://") || starts("http://") || starts("file://")) return true;
  return url.find("://") == std::string::npos;  // a plain path
}

void ReadFeeds(Reader& r, const json& root, Config* c) {
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

constexpr std::array<const char*, 7> kWeekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr size_t kMaxQuietRanges = 64;

// Reads one "HH:MM" field of a quiet range; returns minutes after midnight or -1 (error reported).
int ReadClockField(Reader& r, const json& range, const char* key, const std::string& ptr,
                   bool allow_24) {
  if (!range.contains(key)) {
    r.Error(ptr, std::string("a quiet range needs \"") + key + "\" (a time like \"21:00\")");
    return -1;
  }
  const json& v = range[key];
  std::optional<int> m;
  if (v.is_string()) m = ParseClockMinutes(v.get<std::string>(), allow_24);
  if (!m) {
    r.Error(ptr + "/" + key, std::string("must be a local time \"HH:MM\" from 00:00 to ") +
                                 (allow_24 ? "24:00" : "23:59") + ", e.g. \"21:00\"");
    return -1;
  }
  return *m;
}

void ReadQuietHours(Reader& r, const json& root, Config* c) {
  if (root.contains("utc_offset")) {
    const json& v = root["utc_offset"];
    std::optional<int> off;
    if (v.is_string()) off = ParseUtcOffset(v.get<std::string>());
    if (off)
      c->utc_offset_s = *off;
    else
      r.Error("/utc_offset",
              "must be the kiosk's offset from UTC as \"+HH:MM\" or \"-HH:MM\" between -12:00 and "
              "+14:00 (Japan: \"+09:00\")");
  }
  if (root.contains("quiet_mode")) {
    const json& v = root["quiet_mode"];
    if (v == "blank")
      c->quiet_hours.mode = QuietMode::kBlank;
    else if (v == "dpms")
      r.Warn("/quiet_mode",
             "\"dpms\" is no longer offered: under cage (Debian 12) the kiosk cannot power the "
             "display off, so the screen is blanked instead; write \"blank\", and use the "
             "display's own power schedule or HDMI-CEC to switch it off (docs/operations.md)");
    else
      r.Error("/quiet_mode", "must be \"blank\" (a black screen during quiet hours)");
  }
  if (!root.contains("quiet_hours")) return;
  const json& list = root["quiet_hours"];
  if (!list.is_array())
    return r.Error("/quiet_hours",
                   "must be a list of ranges like {\"days\": [\"mon\"], \"from\": \"21:00\", "
                   "\"to\": \"07:00\"}");
  if (list.size() > kMaxQuietRanges)
    return r.Error("/quiet_hours", "has " + std::to_string(list.size()) + " ranges; at most " +
                                       std::to_string(kMaxQuietRanges) + " are allowed");
  for (size_t i = 0; i < list.size(); ++i) {
    std::string ptr = "/quiet_hours/" + std::to_string(i);
    const json& q = list[i];
    if (!q.is_object()) {
      r.Error(ptr, "must be an object {\"days\": […], \"from\": \"HH:MM\", \"to\": \"HH:MM\"}");
      continue;
    }
    r.CheckKeys(q, ptr, {"days", "from", "to"});
    QuietRange range;
    bool ok = true;
    if (q.contains("days")) {
      const json& days = q["days"];
      if (!days.is_array() || days.empty()) {
        r.Error(ptr + "/days",
                "must be a non-empty list of weekdays (mon … sun); leave it out "
                "for every day");
        ok = false;
      } else {
        range.days = 0;
        for (size_t d = 0; d < days.size(); ++d) {
          std::string name = days[d].is_string() ? days[d].get<std::string>() : "";
          for (char& ch : name)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          auto it = std::find(kWeekdays.begin(), kWeekdays.end(), name);
          if (it == kWeekdays.end()) {
            r.Error(
                ptr + "/days/" + std::to_string(d),
                (days[d].is_string() ? "\"" + days[d].get<std::string>() + "\" is not" : "is not") +
                    std::string(" a weekday; use mon, tue, wed, thu, fri, sat or sun"));
            ok = false;
            continue;
          }
          range.days |= static_cast<uint8_t>(1u << (it - kWeekdays.begin()));
        }
      }
    }
    range.from_min = ReadClockField(r, q, "from", ptr, /*allow_24=*/false);
    range.to_min = ReadClockField(r, q, "to", ptr, /*allow_24=*/true);
    if (range.from_min < 0 || range.to_min < 0) continue;
    if (range.from_min == range.to_min) {
      r.Error(ptr + "/to",
              "equals \"from\": a range can't be empty or last a whole day by accident; for a "
              "whole day write \"from\": \"00:00\", \"to\": \"24:00\"");
      continue;
    }
    if (ok) c->quiet_hours.ranges.push_back(range);
  }
}

void ReadRest(Reader& r, const json& root, Config* c) {
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

void ReadShelterSlide(Reader& r, const json& root, Config* c) {
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

std::optional<int> ParseClockMinutes(std::string_view text, bool allow_24) {
  auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  if (text.size() != 5 || !digit(0) || !digit(1) || text[2] != ':' || !digit(3) || !digit(4))
    return std::nullopt;
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59) return std::nullopt;
  if (h == 24 && m == 0 && allow_24) return 1440;
  if (h > 23) return std::nullopt;
  return h * 60 + m;
}

std::optional<int> ParseUtcOffset(std::string_view text) {
  if (text == "Z" || text == "z") return 0;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  std::optional<int> m = ParseClockMinutes(text.substr(1), /*allow_24=*/false);
  if (!m) return std::nullopt;
  int s = *m * 60 * (text[0] == '-' ? -1 : 1);
  if (s < -12 * 3600 || s > 14 * 3600) return std::nullopt;
  return s;
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
  Reader r(&out.problems);
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
  r.CheckKeys(root, "",
              {"feeds", "demo", "state_dir", "district", "center_name", "language", "show_wareki",
               "idle_return_s", "durations", "display", "font_paths", "public_keys", "exit_chord",
               "metrics_path", "utc_offset", "quiet_hours", "quiet_mode", "shelter_slide",
               "shelter_map_url", "status_url", "status_token", "status_interval_s",
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
