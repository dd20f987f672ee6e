#include "ingest/cap_message.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "feed/datetime.h"
#include "ingest/ids.h"
#include "ingest/xml_ns.h"

namespace machikado::ingest {
namespace {

constexpr std::string_view kCap = "urn:oasis:names:tc:emergency:cap:1.2";
constexpr size_t kMaxLanguages = 8;  // FEED-v1: at most 8 languages per text

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Has(const std::string& lower, std::string_view part) {
  return lower.find(part) != std::string::npos;
}

feed::Hazard HazardOf(const std::string& event, const std::string& category) {
  const std::string e = Lower(event), c = Lower(category);
  // Japanese publishers write the event in Japanese.
  for (const auto& [word, hazard] : std::initializer_list<std::pair<const char*, feed::Hazard>>{
           {"津波", feed::Hazard::kTsunami},
           {"地震", feed::Hazard::kEarthquake},
           {"土砂", feed::Hazard::kLandslide},
           {"高潮", feed::Hazard::kStormSurge},
           {"内水", feed::Hazard::kInlandFlood},
           {"洪水", feed::Hazard::kFlood},
           {"氾濫", feed::Hazard::kFlood},
           {"噴火", feed::Hazard::kVolcano},
           {"火山", feed::Hazard::kVolcano},
           {"火災", feed::Hazard::kFire},
           {"大雪", feed::Hazard::kSnow},
           {"暴風", feed::Hazard::kStorm},
           {"台風", feed::Hazard::kStorm},
           {"熱中症", feed::Hazard::kHeat}})
    if (Has(e, word)) return hazard;
  if (Has(e, "tsunami")) return feed::Hazard::kTsunami;
  if (Has(e, "earthquake") || Has(e, "quake")) return feed::Hazard::kEarthquake;
  if (Has(e, "landslide") || Has(e, "mudslide") || Has(e, "debris"))
    return feed::Hazard::kLandslide;
  if (Has(e, "storm surge") || Has(e, "coastal flood")) return feed::Hazard::kStormSurge;
  if (Has(e, "flood")) return feed::Hazard::kFlood;
  if (Has(e, "volcan") || Has(e, "ash")) return feed::Hazard::kVolcano;
  if (Has(e, "fire")) return feed::Hazard::kFire;
  if (Has(e, "snow") || Has(e, "blizzard") || Has(e, "winter")) return feed::Hazard::kSnow;
  if (Has(e, "heat")) return feed::Hazard::kHeat;
  if (Has(e, "storm") || Has(e, "wind") || Has(e, "tornado") || Has(e, "hurricane") ||
      Has(e, "typhoon") || Has(e, "cyclone") || Has(e, "thunder"))
    return feed::Hazard::kStorm;
  if (c == "fire") return feed::Hazard::kFire;
  return feed::Hazard::kOther;
}

// "lat,lon lat,lon …" → points; empty when any pair is unreadable or out of range.
std::vector<std::pair<double, double>> ParsePoints(const std::string& text) {
  std::vector<std::pair<double, double>> out;
  std::istringstream in(text);
  std::string pair;
  while (in >> pair) {
    const size_t comma = pair.find(',');
    if (comma == std::string::npos) return {};
    char* end = nullptr;
    const std::string a = pair.substr(0, comma), b = pair.substr(comma + 1);
    const double lat = std::strtod(a.c_str(), &end);
    if (end == a.c_str() || *end) return {};
    const double lon = std::strtod(b.c_str(), &end);
    if (end == b.c_str() || *end) return {};
    // Polygons near the antimeridian are written past ±180 (GDACS: -180.434).
    if (!(lat >= -90 && lat <= 90 && lon >= -360 && lon <= 360)) return {};
    out.emplace_back(lat, lon);
  }
  return out;
}

void AddText(LangText* t, const std::string& lang, const std::string& text) {
  if (text.empty() || t->size() >= kMaxLanguages) return;
  for (const auto& [l, _] : *t)
    if (l == lang) return;
  t->emplace_back(lang, text);
}

}  // namespace

std::string CapLanguage(std::string_view cap_language) {
  std::string tag = Trim(cap_language);
  if (tag.empty()) return "en";  // CAP 1.2: the default language is en-US
  const std::string lower = Lower(tag);
  const size_t dash = lower.find('-');
  const std::string primary = lower.substr(0, dash);
  if (primary == "zh") return tag;  // zh-TW and zh-CN differ in script
  return primary;
}

bool ShapeContains(const GeoShape& shape, double lat, double lon) {
  if (shape.points.empty()) return false;
  if (shape.radius_km > 0) {
    constexpr double kEarthKm = 6371.0, kRad = M_PI / 180.0;
    const auto [clat, clon] = shape.points.front();
    const double dlat = (lat - clat) * kRad, dlon = (lon - clon) * kRad;
    const double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(clat * kRad) * std::cos(lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h))) <= shape.radius_km;
  }
  // Even-odd rule on (lon, lat) as a plane: fine at the size of a warning area.
  bool inside = false;
  const auto& p = shape.points;
  for (size_t i = 0, j = p.size() - 1; i < p.size(); j = i++) {
    const double yi = p[i].first, xi = p[i].second, yj = p[j].first, xj = p[j].second;
    if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

Result<MessageEffect> ParseCapMessage(const pugi::xml_document& doc) {
  const pugi::xml_node alert = doc.document_element();
  if (Status s = CheckRootElement(alert, "alert", kCap, "CAP", "CAP 1.2"); !s.ok()) return s;
  const std::string identifier = ChildText(alert, kCap, "identifier");
  const std::string sender = ChildText(alert, kCap, "sender");
  const std::string sent_text = ChildText(alert, kCap, "sent");
  if (identifier.empty() || sender.empty())
    return Status::Invalid("it lacks the identifier or sender every CAP alert has");
  auto sent = feed::ParseRfc3339(sent_text);
  if (!sent.ok()) return Status::Invalid("its <sent> \"" + sent_text + "\" is not a date-time");

  MessageEffect e;
  e.report_time = sent->unix;
  e.scope = "cap|" + sender + "|" + identifier;
  const std::string status = ChildText(alert, kCap, "status");
  const std::string msg_type = ChildText(alert, kCap, "msgType");
  e.kind = "CAP " + msg_type + " (" + status + ")";
  if (status == "Actual") {
    e.status = feed::ItemStatus::kActual;
  } else if (status == "Exercise") {
    e.status = feed::ItemStatus::kExercise;
  } else if (status == "Test") {
    e.status = feed::ItemStatus::kTest;
  } else if (status == "System" || status == "Draft") {
    e.note = "status " + status + " is never shown";
    return e;
  } else {
    return Status::Invalid("its <status> is \"" + status +
                           "\"; expected Actual, Exercise, System, Test or Draft");
  }
  if (msg_type == "Ack" || msg_type == "Error") {
    e.note = "msgType " + msg_type + " changes no alert";
    return e;
  }
  if (msg_type != "Alert" && msg_type != "Update" && msg_type != "Cancel")
    return Status::Invalid("its <msgType> is \"" + msg_type +
                           "\"; expected Alert, Update, Cancel, Ack or Error");
  if (msg_type != "Alert") {
    std::istringstream refs(ChildText(alert, kCap, "references"));
    std::string triple;
    while (refs >> triple) {
      const size_t a = triple.find(','), b = triple.find(',', a == std::string::npos ? a : a + 1);
      if (a == std::string::npos || b == std::string::npos) continue;
      e.withdraw_scopes.push_back("cap|" + triple.substr(0, a) + "|" +
                                  triple.substr(a + 1, b - a - 1));
    }
  }
  if (msg_type == "Cancel") {
    e.withdraw = true;
    return e;
  }

  OfficialAlert a;
  a.id = "cap-" + HashHex(sender + "," + identifier);
  a.status = e.status;
  a.issued = sent->unix;
  a.tags = {"cap"};
  bool every_info_expires = true;
  std::optional<UnixSeconds> expires;
  std::string first_event, first_category, severity;
  const auto infos = Children(alert, kCap, "info");
  for (size_t i = 0; i < infos.size(); ++i) {
    const pugi::xml_node& info = infos[i];
    const std::string lang = CapLanguage(ChildText(info, kCap, "language"));
    const std::string event = ChildText(info, kCap, "event");
    const std::string headline = ChildText(info, kCap, "headline");
    if (i == 0) {
      first_event = event;
      first_category = ChildText(info, kCap, "category");
      severity = ChildText(info, kCap, "severity");
    }
    AddText(&a.title, lang, headline.empty() ? event : headline);
    AddText(&a.summary, lang, ChildText(info, kCap, "description"));
    AddText(&a.instructions, lang, ChildText(info, kCap, "instruction"));
    const std::string sender_name = ChildText(info, kCap, "senderName");
    AddText(&a.issuer, lang, sender_name.empty() ? sender : sender_name);
    const std::string web = ChildText(info, kCap, "web");
    if (a.url.empty() && (web.rfind("https://", 0) == 0 || web.rfind("http://", 0) == 0) &&
        web.find_first_of(" \t\r\n\"<>") == std::string::npos)
      a.url = web;
    if (auto x = feed::ParseRfc3339(ChildText(info, kCap, "expires")); x.ok())
      expires = std::max(expires.value_or(x->unix), x->unix);
    else
      every_info_expires = false;
    for (const auto& area : Children(info, kCap, "area")) {
      if (i == 0) {
        const std::string desc = ChildText(area, kCap, "areaDesc");
        if (!desc.empty()) a.area_names.push_back(desc);
      }
      for (const auto& geo : Children(area, kCap, "geocode")) {
        const std::string v = ChildText(geo, kCap, "value");
        if (!v.empty() &&
            std::find(a.match_codes.begin(), a.match_codes.end(), v) == a.match_codes.end())
          a.match_codes.push_back(v);
      }
      for (const auto& poly : Children(area, kCap, "polygon")) {
        GeoShape s;
        s.points = ParsePoints(TextOf(poly));
        if (s.points.size() >= 4) a.shapes.push_back(std::move(s));
      }
      for (const auto& circle : Children(area, kCap, "circle")) {
        const std::string t = TextOf(circle);
        const size_t space = t.find(' ');
        if (space == std::string::npos) continue;
        GeoShape s;
        s.points = ParsePoints(t.substr(0, space));
        s.radius_km = std::strtod(t.c_str() + space + 1, nullptr);
        if (s.points.size() == 1 && s.radius_km > 0) a.shapes.push_back(std::move(s));
      }
    }
  }
  if (infos.empty() || a.title.empty()) {
    e.note = "it has no <info> with an event or headline";
    return e;
  }
  if (every_info_expires && expires && *expires > a.issued) a.expires = expires;
  a.hazard = HazardOf(first_event, first_category);
  a.priority = severity == "Extreme" ? 80 : severity == "Severe" ? 70 : 50;
  e.whole_scope = true;
  e.slots.emplace_back("alert", std::move(a));
  return e;
}

}  // namespace machikado::ingest
