// The common shape of an official warning after conversion (from JMA XML or CAP), before it becomes
// a feed item, and the effect one message has on what is in force. Produced by ParseJmaMessage /
// ParseCapMessage, applied by AlertState, written out by alert_feed. Plain value types.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "feed/model.h"

namespace machikado::ingest {

// Text in the feed's languages, in order ("ja" first for JMA; CAP's <info> languages as given).
using LangText = std::vector<std::pair<std::string, std::string>>;  // {lang, text}

// A CAP area shape, for kiosks that give their position instead of codes: a polygon of (lat, lon)
// points, or a circle (one point and a radius).
struct GeoShape {
  std::vector<std::pair<double, double>> points;
  double radius_km = 0;  // > 0: a circle around points[0]
};

struct OfficialAlert {
  std::string id;  // stable feed item id: the same warning in the same area keeps it across updates
  feed::ItemStatus status = feed::ItemStatus::kActual;
  std::optional<int> level;  // 警戒レベル (always a 相当 level for JMA)
  bool level_equivalent = false;
  feed::Hazard hazard = feed::Hazard::kOther;
  bool takeover = false;
  int priority = 50;
  LangText title;
  LangText summary;
  LangText body;
  LangText instructions;
  LangText issuer;
  std::vector<std::string> area_names;
  // The codes a kiosk's --area is matched against (JMA: the area's code; CAP: every geocode value).
  std::vector<std::string> match_codes;
  std::vector<GeoShape> shapes;  // CAP polygons and circles
  UnixSeconds issued = 0;
  std::optional<UnixSeconds> expires;
  std::string url;
  std::vector<std::string> tags;
};

// What one message does to the state. A message owns a `scope` (e.g. one prefecture's weather
// warnings, one earthquake's EventID, one CAP alert); its alerts live in slots inside that scope.
struct MessageEffect {
  std::string source;  // the file or URL, for messages
  std::string kind;  // short description for reports: "気象警報・注意報", "CAP Alert", …
  feed::ItemStatus status = feed::ItemStatus::kActual;
  UnixSeconds report_time = 0;
  std::string scope;
  // 取消 / CAP Cancel: everything in `scope` (and in `withdraw_scopes`) ends.
  bool withdraw = false;
  // The message lists every area of its scope (tsunami forecast, one quake's report, a CAP alert):
  // slots of the scope that it does not list end.
  bool whole_scope = false;
  // Other scopes this message ends (CAP `references`).
  std::vector<std::string> withdraw_scopes;
  // slot (unique within the scope) → the alert now in force there, or nullopt: nothing is.
  std::vector<std::pair<std::string, std::optional<OfficialAlert>>> slots;
  // Why the message changes nothing although it was read (e.g. "試験", "季節観測: not a warning").
  std::string note;
};

}  // namespace machikado::ingest
