// AlertState: what official warnings are in force, built by applying messages in order (a model of
// JMA's and CAP's update rules, shared by `machikado import` and `machikado ingest`). Each message
// owns a scope; a 発表 / 訂正 / CAP Update replaces the slots it names (or its whole scope), a 取消
// / CAP Cancel / CAP references end them, and a message older than what its scope last saw changes
// nothing, so feeds read out of order or twice never bring an ended warning back. Not thread-safe;
// one owner.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/official_alert.h"

namespace machikado::ingest {

// Which alerts a kiosk wants: those matching one of its area codes or containing its point, or all.
struct AreaFilter {
  bool all = false;
  std::vector<std::string> codes;
  std::optional<std::pair<double, double>> point;  // (lat, lon), for CAP shapes
  bool Matches(const OfficialAlert& a) const;
};

class AlertState {
 public:
  enum class Applied { kChanged, kStale, kNothing };
  Applied Apply(const MessageEffect& e);

  // The alerts in force for `filter` at `now` (expired ones left out), each id once, most urgent
  // first (priority, then the newest).
  std::vector<OfficialAlert> InForce(const AreaFilter& filter, UnixSeconds now) const;

  size_t scope_count() const { return scopes_.size(); }

 private:
  struct Scope {
    UnixSeconds last_report = 0;
    std::map<std::string, OfficialAlert> slots;
  };
  void Withdraw(const std::string& scope, UnixSeconds when);
  std::map<std::string, Scope> scopes_;
};

}  // namespace machikado::ingest
