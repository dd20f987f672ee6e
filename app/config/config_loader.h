// Loading a Config from JSON text: every problem is reported with its JSON Pointer and a message
// IT staff understand; unknown keys are reported as warnings (a typo would otherwise be silently
// ignored). Pure function of its input (no I/O); thread-safe. The typed field reading is
// config_reader.h, the quiet-hours section quiet_hours_config.h; the other sections are read here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "feed/nearby_shelters.h"

namespace machikado::config {

struct ConfigProblem {
  bool fatal = true;    // false = warning (e.g. unknown key); the config is still usable
  std::string pointer;  // e.g. "/feeds/0/poll_interval_s"
  std::string message;
  bool unknown_key = false;  // a key this version does not know (a typo, or a newer setting)
};

struct ConfigOutcome {
  Config config;  // defaults where the file said nothing
  std::vector<ConfigProblem> problems;
  bool ok() const {
    for (const auto& p : problems)
      if (p.fatal) return false;
    return true;
  }
};

ConfigOutcome ParseConfig(std::string_view json_text);

// Why a kiosk with this configuration would show nothing, or "" when it names a feed (or asks for
// the demo): "the
// configuration names no feed" plus the unknown keys that may be the cause ("unknown setting
// \"feds\" — did you mean \"feeds\"?").
std::string WhyNothingToShow(const ConfigOutcome& outcome);

// True for URLs whose host is a loopback address (127.0.0.0/8, ::1, localhost).
bool IsLoopbackUrl(std::string_view url);

// "HH:MM" (two digits each) → minutes after midnight, 0–1439; "24:00" → 1440 when allow_24.
std::optional<int> ParseClockMinutes(std::string_view text, bool allow_24);

// "+09:00", "-05:30" or "Z" → seconds east of UTC, within -12:00 … +14:00.
std::optional<int> ParseUtcOffset(std::string_view text);

// The shelter slide's choice (config shelter_slide) as the query feed::SelectNearbyShelters takes.
feed::NearbyShelterQuery ToNearbyShelterQuery(const ShelterSlide& s);

}  // namespace machikado::config

namespace machikado::config {

// Reads and parses a config file (at most 1 MiB). An unreadable file is a fatal problem at pointer
// "".
ConfigOutcome LoadConfigFile(const std::string& path);

}  // namespace machikado::config
