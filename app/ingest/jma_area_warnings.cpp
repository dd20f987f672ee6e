// Body readers of JMA's area warnings: 気象特別警報・警報・注意報 (one municipal area level —
// 市町村等 — out of the four a message repeats), 土砂災害警戒情報 and 指定河川洪水予報. See
// jma_body.h.
#include <algorithm>
#include <set>

#include "ingest/ids.h"
#include "ingest/jma_body.h"
#include "ingest/jma_levels.h"
#include "ingest/xml_ns.h"

namespace machikado::ingest::jma {
namespace {

struct KindEntry {
  std::string name;
  std::string code;
  std::string status;
  std::string condition;
};

bool InForce(const KindEntry& k) {
  return !k.name.empty() && k.status != "解除" && k.status != "なし" &&
         !Has(k.status, "発表警報・注意報はなし") && k.name != "なし";
}

std::string DisplayName(const KindEntry& k) {
  return k.condition.empty() ? k.name : k.name + "（" + k.condition + "）";
}

// One area's kinds (weather warnings, 土砂災害警戒情報) → the alert in force there, or nullopt.
std::optional<OfficialAlert> AreaAlert(const Common& c, Family family, const std::string& area_code,
                                       const std::string& area_name,
                                       const std::vector<KindEntry>& kinds) {
  struct Leveled {
    KindMeaning meaning;
    std::string name;
  };
  std::vector<Leveled> leveled;
  std::vector<std::string> in_force;
  for (const auto& k : kinds) {
    if (!InForce(k)) continue;
    in_force.push_back(DisplayName(k));
    std::optional<KindMeaning> m = family == Family::kLandslide
                                       ? LandslideMeaning(k.name, k.code)
                                       : WeatherWarningMeaning(k.name, k.code, k.condition);
    if (!m || !m->level) continue;
    std::string name =
        family == Family::kLandslide && k.name == "警戒" ? "土砂災害警戒情報" : DisplayName(k);
    leveled.push_back({*m, name});
  }
  if (leveled.empty()) return std::nullopt;
  std::stable_sort(leveled.begin(), leveled.end(), [](const Leveled& a, const Leveled& b) {
    return *a.meaning.level > *b.meaning.level;
  });
  OfficialAlert a = Base(c);
  a.level = leveled.front().meaning.level;
  a.level_equivalent = true;
  a.hazard = leveled.front().meaning.hazard;
  std::string ja, en;
  bool all_en = true;
  for (size_t i = 0; i < leveled.size(); ++i) {
    ja += (i ? "・" : "") + leveled[i].name;
    en += (i ? ", " : "") + leveled[i].meaning.name_en;
    all_en = all_en && !leveled[i].meaning.name_en.empty();
  }
  a.title = {{"ja", ja}};
  if (all_en) a.title.push_back({"en", en});
  std::string body = "発表中: ";
  for (size_t i = 0; i < in_force.size(); ++i) body += (i ? "、" : "") + in_force[i];
  if (!c.headline.empty()) body += "\n\n" + c.headline;
  a.body = {{"ja", body}};
  a.area_names = {area_name.empty() ? area_code : area_name};
  a.match_codes = {area_code};
  a.id = std::string("jma-") + FamilyName(family) + "-" + IdPart(area_code) + c.id_suffix;
  a.tags.push_back(FamilyName(family));
  SetLevelInstructions(&a);
  return a;
}

}  // namespace

void ReadAreaWarnings(const pugi::xml_node& body, const std::string& ns, const Common& c,
                      Family family, MessageEffect* e) {
  std::set<std::string> seen;
  for (const auto& warning : Children(body, ns, "Warning")) {
    const std::string type = warning.attribute("type").value();
    const bool municipal = family == Family::kLandslide
                               ? Has(type, "土砂災害")
                               : Has(type, "（市町村等）") && !Has(type, "まとめた");
    if (!municipal) continue;
    for (const auto& item : Children(warning, ns, "Item")) {
      const pugi::xml_node area = Child(item, ns, "Area");
      const std::string code = ChildText(area, ns, "Code");
      if (code.empty() || !seen.insert(code).second) continue;
      std::vector<KindEntry> kinds;
      for (const auto& kind : Children(item, ns, "Kind"))
        kinds.push_back({ChildText(kind, ns, "Name"), ChildText(kind, ns, "Code"),
                         ChildText(kind, ns, "Status"), ChildText(kind, ns, "Condition")});
      e->slots.emplace_back(code, AreaAlert(c, family, code, ChildText(area, ns, "Name"), kinds));
    }
  }
}

void ReadRiver(const pugi::xml_node& head, const pugi::xml_node& body, const std::string& ns,
               const Common& c, MessageEffect* e) {
  e->whole_scope = true;
  std::string kind_name;
  std::vector<std::string> codes, names;
  const pugi::xml_node headline = Child(head, kHeadNs, "Headline");
  for (const auto& info : Children(headline, kHeadNs, "Information")) {
    const std::string type = info.attribute("type").value();
    if (Has(type, "府県予報区")) continue;  // a whole prefecture is not the riverside
    for (const auto& item : Children(info, kHeadNs, "Item")) {
      if (kind_name.empty()) kind_name = ChildText(Child(item, kHeadNs, "Kind"), kHeadNs, "Name");
      for (const auto& area : Children(Child(item, kHeadNs, "Areas"), kHeadNs, "Area")) {
        codes.push_back(ChildText(area, kHeadNs, "Code"));
        if (Has(type, "予報区域")) names.push_back(ChildText(area, kHeadNs, "Name"));
      }
    }
  }
  // Municipalities in the expected inundation area (浸水想定地区) carry 7-digit 市町村等 codes.
  for (const auto& warning : Children(body, ns, "Warning"))
    for (const auto& item : Children(warning, ns, "Item"))
      for (const auto& area : Children(Child(item, ns, "Areas"), ns, "Area")) {
        const std::string city_code = ChildText(area, ns, "CityCode");
        if (city_code.empty()) continue;
        codes.push_back(city_code);
        const std::string city = ChildText(area, ns, "City");
        if (!city.empty() && std::find(names.begin(), names.end(), city) == names.end())
          names.push_back(city);
      }
  std::optional<KindMeaning> m = RiverFloodMeaning(kind_name);
  if (!m || codes.empty()) {
    e->slots.emplace_back("section", std::nullopt);
    return;
  }
  OfficialAlert a = Base(c);
  a.level = m->level;
  a.level_equivalent = true;
  a.hazard = m->hazard;
  a.title = {{"ja", c.head_title.empty() ? kind_name : c.head_title}};
  if (!m->name_en.empty()) a.title.push_back({"en", m->name_en});
  a.area_names = names;
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  a.match_codes = codes;
  a.id = "jma-river-" + IdPart(c.event_id.empty() ? c.head_title : c.event_id) + c.id_suffix;
  a.tags.push_back("river");
  SetLevelInstructions(&a);
  e->slots.emplace_back("section", std::move(a));
}

}  // namespace machikado::ingest::jma
