#include "config/quiet_hours_config.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace machikado::config {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 7> kWeekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr size_t kMaxQuietRanges = 64;

// Reads one "HH:MM" field of a quiet range; returns minutes after midnight or -1 (error reported).
int ReadClockField(ConfigReader& r, const json& range, const char* key, const std::string& ptr,
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

}  // namespace

void ReadQuietHours(ConfigReader& r, const json& root, Config* c) {
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

}  // namespace machikado::config
