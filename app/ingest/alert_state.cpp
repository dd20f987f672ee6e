#include "ingest/alert_state.h"

#include <algorithm>
#include <set>

#include "ingest/cap_message.h"

namespace machikado::ingest {

bool AreaFilter::Matches(const OfficialAlert& a) const {
  if (all) return true;
  for (const auto& c : a.match_codes)
    if (std::find(codes.begin(), codes.end(), c) != codes.end()) return true;
  if (point)
    for (const auto& s : a.shapes)
      if (ShapeContains(s, point->first, point->second)) return true;
  return false;
}

void AlertState::Withdraw(const std::string& scope, UnixSeconds when) {
  Scope& s = scopes_[scope];
  if (when < s.last_report) return;
  s.slots.clear();
  s.last_report = when;
}

AlertState::Applied AlertState::Apply(const MessageEffect& e) {
  if (e.scope.empty()) return Applied::kNothing;
  for (const auto& other : e.withdraw_scopes) Withdraw(other, e.report_time);
  if (e.withdraw) {
    const auto it = scopes_.find(e.scope);
    if (it != scopes_.end() && e.report_time < it->second.last_report) return Applied::kStale;
    Withdraw(e.scope, e.report_time);
    return Applied::kChanged;
  }
  if (e.slots.empty() && !e.whole_scope)
    return e.withdraw_scopes.empty() ? Applied::kNothing : Applied::kChanged;
  Scope& s = scopes_[e.scope];
  if (e.report_time < s.last_report) return Applied::kStale;
  s.last_report = e.report_time;
  if (e.whole_scope) s.slots.clear();
  for (const auto& [slot, alert] : e.slots) {
    if (alert)
      s.slots[slot] = *alert;
    else
      s.slots.erase(slot);
  }
  return Applied::kChanged;
}

std::vector<OfficialAlert> AlertState::InForce(const AreaFilter& filter, UnixSeconds now) const {
  std::vector<OfficialAlert> out;
  for (const auto& [_, scope] : scopes_)
    for (const auto& [__, a] : scope.slots)
      if (filter.Matches(a) && (!a.expires || *a.expires > now)) out.push_back(a);
  std::stable_sort(out.begin(), out.end(), [](const OfficialAlert& a, const OfficialAlert& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.issued != b.issued) return a.issued > b.issued;
    return a.id < b.id;
  });
  // Each id once (the most urgent, newest copy wins).
  std::set<std::string> seen;
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const OfficialAlert& a) { return !seen.insert(a.id).second; }),
            out.end());
  return out;
}

}  // namespace machikado::ingest
