#include "console/fleet.h"

#include "ops/metrics.h"

namespace machikado::console {
namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

}  // namespace

KioskView ViewOf(const KioskRecord& k, const ConsoleConfig& config, UnixSeconds now) {
  KioskView v;
  v.id = k.id;
  v.last_report = k.last_report_at;
  v.address = k.last_address;
  v.silent = !k.last_report_at || now - *k.last_report_at > config.silent_after_s;
  nlohmann::json s = nlohmann::json::parse(k.status, nullptr, false);
  if (s.is_object()) {
    v.mode = Str(s, "mode");
    if (s.contains("slide") && s["slide"].is_object()) v.slide = Str(s["slide"], "id");
    if (s.contains("renderer") && s["renderer"].is_object())
      v.renderer = Str(s["renderer"], "path");
    v.version = Str(s, "version");
    if (s.contains("feeds") && s["feeds"].is_array()) {
      for (const auto& f : s["feeds"]) {
        if (!f.is_object()) continue;
        nlohmann::json one = {{"url", Str(f, "url")}, {"state", Str(f, "state")}};
        if (f.contains("age_s") && f["age_s"].is_number_integer()) {
          one["age_s"] = f["age_s"];
          if (f["age_s"].get<int64_t>() > config.stale_after_s) v.stale = true;
        }
        if (f.contains("items") && f["items"].is_number_integer()) one["items"] = f["items"];
        if (Str(f, "state") != "ok") v.offline_feeds = true;
        v.feeds.push_back(std::move(one));
      }
    }
  }
  return v;
}

nlohmann::json FleetJson(const std::vector<KioskView>& kiosks) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : kiosks) {
    nlohmann::json flags = nlohmann::json::array();
    if (k.silent) flags.push_back("silent");
    if (k.offline_feeds) flags.push_back("offline_feeds");
    if (k.stale) flags.push_back("stale");
    out.push_back({{"id", k.id},
                   {"last_report", k.last_report ? nlohmann::json(*k.last_report) : nullptr},
                   {"address", k.address},
                   {"mode", k.mode},
                   {"slide", k.slide},
                   {"renderer", k.renderer},
                   {"version", k.version},
                   {"feeds", k.feeds},
                   {"flags", flags}});
  }
  return {{"kiosks", out}};
}

std::string FleetMetrics(const std::vector<KioskView>& kiosks, const ServiceCounters& c) {
  std::string out;
  auto counter = [&](const char* name, const char* help, uint64_t v) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n" + name +
           " " + std::to_string(v) + "\n";
  };
  counter("machikado_console_requests_total", "HTTP requests served.", c.requests);
  counter("machikado_console_reports_total", "Kiosk status reports accepted.", c.reports);
  counter("machikado_console_publishes_total", "Feeds published.", c.publishes);
  counter("machikado_console_publish_failures_total", "Publishes that failed.", c.publish_failures);
  out +=
      "# HELP machikado_console_kiosks Kiosks known to the console.\n"
      "# TYPE machikado_console_kiosks gauge\nmachikado_console_kiosks " +
      std::to_string(kiosks.size()) + "\n";
  struct Flag {
    const char* name;
    const char* help;
    bool KioskView::*field;
  };
  for (Flag f : {Flag{"silent", "1 when the kiosk has not reported for longer than silent_after_s.",
                      &KioskView::silent},
                 Flag{"offline_feeds", "1 when a feed of the kiosk is offline or rejected.",
                      &KioskView::offline_feeds},
                 Flag{"stale", "1 when the kiosk shows content older than stale_after_s.",
                      &KioskView::stale}}) {
    const std::string name = std::string("machikado_console_kiosk_") + f.name;
    out += "# HELP " + name + " " + f.help + "\n# TYPE " + name + " gauge\n";
    for (const auto& k : kiosks)
      out += name + "{kiosk=\"" + ops::EscapeLabelValue(k.id) + "\"} " + (k.*f.field ? "1" : "0") +
             "\n";
  }
  out +=
      "# HELP machikado_console_kiosk_last_report_seconds Unix time of the last report.\n"
      "# TYPE machikado_console_kiosk_last_report_seconds gauge\n";
  for (const auto& k : kiosks)
    if (k.last_report)
      out += "machikado_console_kiosk_last_report_seconds{kiosk=\"" + ops::EscapeLabelValue(k.id) +
             "\"} " + std::to_string(*k.last_report) + "\n";
  return out;
}

}  // namespace machikado::console
