// The fleet at a glance: what each kiosk's last status report (its status.json, POSTed every
// minute with its own token) says, with the flags staff act on: silent (no report for
// silent_after_s), offline feeds (a feed whose last fetch failed), stale content (a feed's shown
// content older than stale_after_s). Also renders the same as Prometheus text metrics.
// Pure functions over Store records; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "console/console_config.h"
#include "console/store.h"

namespace machikado::console {

struct KioskView {
  std::string id;
  std::optional<UnixSeconds> last_report;
  std::string address;
  std::string mode, slide, renderer, version;
  nlohmann::json feeds = nlohmann::json::array();  // [{url, state, age_s, items}]
  bool silent = false;
  bool offline_feeds = false;
  bool stale = false;
};

KioskView ViewOf(const KioskRecord& k, const ConsoleConfig& config, UnixSeconds now);
nlohmann::json FleetJson(const std::vector<KioskView>& kiosks);

struct ServiceCounters {
  uint64_t requests = 0, reports = 0, publishes = 0, publish_failures = 0;
};
// Prometheus text exposition format 0.0.4.
std::string FleetMetrics(const std::vector<KioskView>& kiosks, const ServiceCounters& counters);

}  // namespace machikado::console
