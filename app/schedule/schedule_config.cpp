#include "schedule/schedule_config.h"

#include <string>

namespace machikado::schedule {

int ScheduleConfig::DefaultDurationS(feed::Kind k) const {
  switch (k) {
    case feed::Kind::kNews:
      return news_s;
    case feed::Kind::kPreparedness:
      return preparedness_s;
    case feed::Kind::kProject:
      return project_s;
    case feed::Kind::kAlert:
      return alert_s;
    case feed::Kind::kVideo:  // until the kiosk plays it, a video shows as its poster slide
      return news_s;
  }
  return news_s;
}

namespace {

Status CheckRange(const char* name, int v, int lo, int hi, const char* unit) {
  if (v >= lo && v <= hi) return Status::Ok();
  return Status::Invalid(std::string(name) + " is " + std::to_string(v) + " " + unit +
                         "; it must be between " + std::to_string(lo) + " and " +
                         std::to_string(hi) + " " + unit);
}

}  // namespace

Status ValidateScheduleConfig(const ScheduleConfig& c) {
  struct Check {
    const char* name;
    int value, lo, hi;
    const char* unit;
  };
  const Check checks[] = {
      {"news duration", c.news_s, 3, 300, "s"},
      {"preparedness duration", c.preparedness_s, 3, 300, "s"},
      {"project duration", c.project_s, 3, 300, "s"},
      {"alert duration", c.alert_s, 3, 300, "s"},
      {"crossfade", c.crossfade_ms, 0, 1000, "ms"},
      {"twice_from_priority", c.twice_from_priority, 0, 101, ""},
      {"thrice_from_priority", c.thrice_from_priority, 0, 101, ""},
      {"takeover page time", c.takeover_page_s, 3, 60, "s"},
  };
  for (const auto& k : checks) {
    Status s = CheckRange(k.name, k.value, k.lo, k.hi, k.unit);
    if (!s.ok()) return s;
  }
  if (c.thrice_from_priority < c.twice_from_priority)
    return Status::Invalid("thrice_from_priority (" + std::to_string(c.thrice_from_priority) +
                           ") must not be below twice_from_priority (" +
                           std::to_string(c.twice_from_priority) + ")");
  return Status::Ok();
}

ScheduleConfig ScheduleConfigFrom(const config::Config& c) {
  ScheduleConfig s;
  if (!c.district.empty()) s.district = c.district;
  s.news_s = c.durations.news_s;
  s.preparedness_s = c.durations.preparedness_s;
  s.project_s = c.durations.project_s;
  s.alert_s = c.durations.alert_s;
  s.crossfade_ms = c.durations.crossfade_ms;
  return s;
}

}  // namespace machikado::schedule
