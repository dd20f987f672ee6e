#include "ingest/jma_message.h"

#include <algorithm>
#include <map>
#include <set>

#include "feed/datetime.h"
#include "ingest/ids.h"
#include "ingest/jma_levels.h"
#include "ingest/xml_ns.h"

namespace machikado::ingest {
namespace {

constexpr std::string_view kJmx = "http://xml.kishou.go.jp/jmaxml1/";
constexpr std::string_view kHeadNs = "http://xml.kishou.go.jp/jmaxml1/informationBasis1/";
constexpr std::string_view kBodyPrefix = "http://xml.kishou.go.jp/jmaxml1/body/";
constexpr std::string_view kElementBasis = "http://xml.kishou.go.jp/jmaxml1/elementBasis1/";

bool Has(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

enum class Family { kWeather, kLandslide, kRiver, kTsunami, kQuake, kOther };

const char* FamilyName(Family f) {
  switch (f) {
    case Family::kWeather:
      return "warning";
    case Family::kLandslide:
      return "landslide";
    case Family::kRiver:
      return "river";
    case Family::kTsunami:
      return "tsunami";
    case Family::kQuake:
      return "quake";
    case Family::kOther:
      return "other";
  }
  return "other";
}

// The kind of message, from Control/Title alone: a 取消 has nothing else to go by.
Family FamilyOf(std::string_view control_title) {
  // 噴火警報 carries 噴火警戒レベル, which is not the 警戒レベル of evacuation: not read here.
  if (Has(control_title, "噴火") || Has(control_title, "火山") || Has(control_title, "降灰") ||
      Has(control_title, "緊急地震速報"))
    return Family::kOther;
  if (Has(control_title, "津波警報・注意報・予報")) return Family::kTsunami;
  if (Has(control_title, "震度速報") || Has(control_title, "震源・震度")) return Family::kQuake;
  if (Has(control_title, "土砂災害警戒情報") || Has(control_title, "土砂災害"))
    return Family::kLandslide;
  if (Has(control_title, "指定河川洪水予報") || Has(control_title, "洪水予報"))
    return Family::kRiver;
  if (Has(control_title, "津波")) return Family::kOther;
  if (Has(control_title, "警報") || Has(control_title, "注意報")) return Family::kWeather;
  return Family::kOther;
}

// What every alert of one message shares.
struct Common {
  feed::ItemStatus status = feed::ItemStatus::kActual;
  std::string id_suffix;  // "", "-exercise", "-test": a drill never replaces a real warning
  UnixSeconds report_time = 0;
  std::optional<UnixSeconds> valid_until;
  std::string headline;
  std::string publishing_office;
  std::string head_title;
  std::string event_id;
};

OfficialAlert Base(const Common& c) {
  OfficialAlert a;
  a.status = c.status;
  a.issued = c.report_time;
  a.expires = c.valid_until;
  if (!c.headline.empty()) a.summary = {{"ja", c.headline}};
  a.issuer = {{"ja", c.publishing_office.empty() ? "気象庁" : c.publishing_office},
              {"en", "Japan Meteorological Agency"}};
  a.tags = {"jma"};
  return a;
}

// What to do at each 相当 level (the guideline's action for the level, and a pointer to the
// municipality, which alone issues 避難指示).
void SetLevelInstructions(OfficialAlert* a) {
  if (!a->level) return;
  switch (*a->level) {
    case 5:
      a->instructions = {
          {"ja",
           "災害がすでに発生しているおそれがあります。命の危険があります。ただちに身の安全を確保し"
           "てください。"},
          {"en",
           "A disaster may already be happening. Your life is in danger: secure your safety now."}};
      break;
    case 4:
      a->instructions = {
          {"ja", "市町村の避難情報を確認し、危険な場所から避難してください。"},
          {"en", "Check your municipality's evacuation information and leave dangerous places."}};
      break;
    case 3:
      a->instructions = {{"ja",
                          "市町村の避難情報を確認してください。高齢者など避難に時間のかかる人は危険"
                          "な場所から避難してください。"},
                         {"en",
                          "Check your municipality's evacuation information. Older people and "
                          "others who need time should leave dangerous places."}};
      break;
    case 2:
      a->instructions = {{"ja", "ハザードマップなどで避難場所と避難の方法を確認してください。"},
                         {"en", "Check your evacuation site and route on the hazard map."}};
      break;
    default:
      break;
  }
  a->priority = *a->level >= 4 ? 90 + *a->level : 50 + 10 * *a->level;
}

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

void ReadTsunami(const pugi::xml_node& body, const std::string& ns, const Common& c,
                 MessageEffect* e) {
  e->whole_scope = true;
  const pugi::xml_node forecast = Child(Child(body, ns, "Tsunami"), ns, "Forecast");
  for (const auto& item : Children(forecast, ns, "Item")) {
    const pugi::xml_node area = Child(item, ns, "Area");
    const std::string code = ChildText(area, ns, "Code");
    if (code.empty()) continue;
    const pugi::xml_node kind = Child(Child(item, ns, "Category"), ns, "Kind");
    const std::string kind_code = ChildText(kind, ns, "Code");
    std::optional<KindMeaning> m = TsunamiMeaning(kind_code);
    if (!m) {
      e->slots.emplace_back(code, std::nullopt);
      continue;
    }
    OfficialAlert a = Base(c);
    a.expires.reset();  // a tsunami warning stands until JMA lifts it
    a.hazard = feed::Hazard::kTsunami;
    a.takeover = m->takeover;
    a.priority = m->takeover ? 100 : 85;
    const std::string name = TsunamiName(kind_code, ChildText(kind, ns, "Name"));
    a.title = {{"ja", name}, {"en", m->name_en}};
    if (m->takeover)
      a.instructions = {
          {"ja", "ただちに高い所へ避難してください。海岸や川沿いには近づかないでください。"},
          {"en", "Evacuate to high ground immediately. Stay away from the coast and rivers."}};
    else
      a.instructions = {{"ja", "海の中にいる人はただちに海から上がって、海岸から離れてください。"},
                        {"en", "Get out of the water and away from the coast at once."}};
    std::string body_ja;
    const pugi::xml_node first = Child(item, ns, "FirstHeight");
    if (const std::string t = ChildText(first, ns, "ArrivalTime"); !t.empty()) {
      auto dt = feed::ParseRfc3339(t);
      body_ja += "第1波の到達予想時刻: " +
                 (dt.ok() ? feed::FormatRfc3339(dt->unix, dt->offset_s).substr(11, 5) : t) + "\n";
    }
    if (const std::string t = ChildText(first, ns, "Condition"); !t.empty())
      body_ja += "第1波: " + t + "\n";
    const pugi::xml_node height =
        Child(Child(item, ns, "MaxHeight"), kElementBasis, "TsunamiHeight");
    if (const std::string d = height.attribute("description").value(); !d.empty())
      body_ja += "予想される津波の高さ: " + AsciiDigits(d) + "\n";
    if (!c.headline.empty()) body_ja += "\n" + c.headline;
    if (!body_ja.empty()) a.body = {{"ja", body_ja}};
    a.area_names = {ChildText(area, ns, "Name")};
    a.match_codes = {code};
    a.id = "jma-tsunami-" + IdPart(code) + c.id_suffix;
    a.tags.push_back("tsunami");
    e->slots.emplace_back(code, std::move(a));
  }
}

void ReadQuake(const pugi::xml_node& body, const std::string& ns, const Common& c,
               MessageEffect* e) {
  e->whole_scope = true;
  const pugi::xml_node quake = Child(body, ns, "Earthquake");
  const std::string epicenter =
      ChildText(Child(Child(quake, ns, "Hypocenter"), ns, "Area"), ns, "Name");
  const std::string magnitude =
      AsciiDigits(Child(quake, kElementBasis, "Magnitude").attribute("description").value());
  const std::string comment =
      ChildText(Child(Child(body, ns, "Comments"), ns, "ForecastComment"), ns, "Text");
  const pugi::xml_node obs = Child(Child(body, ns, "Intensity"), ns, "Observation");
  for (const auto& pref : Children(obs, ns, "Pref")) {
    for (const auto& area : Children(pref, ns, "Area")) {
      const std::string code = ChildText(area, ns, "Code");
      if (code.empty()) continue;
      const std::optional<int> rank = IntensityRank(ChildText(area, ns, "MaxInt"));
      if (!rank || *rank < kAlertIntensityRank) {
        e->slots.emplace_back(code, std::nullopt);
        continue;
      }
      OfficialAlert a = Base(c);
      a.hazard = feed::Hazard::kEarthquake;
      a.priority = 85;
      a.expires = c.report_time + kQuakeAlertHours * 3600;
      a.title = {{"ja", IntensityName(*rank, true) + "の揺れを観測"},
                 {"en", "Strong shaking: " + IntensityName(*rank, false) + " observed"}};
      a.instructions = {{"ja",
                         "落ち着いて身の安全を確保してください。揺れの強かった地域では、余震や土砂"
                         "災害に注意してください。"},
                        {"en",
                         "Stay calm and protect yourself. Where shaking was strong, beware of "
                         "aftershocks and landslides."}};
      std::string body_ja;
      if (!epicenter.empty()) body_ja += "震源: " + epicenter + "\n";
      if (!magnitude.empty()) body_ja += "規模: " + magnitude + "\n";
      std::vector<std::string> names{ChildText(area, ns, "Name")};
      std::vector<std::string> codes{code};
      for (const auto& city : Children(area, ns, "City")) {
        const std::optional<int> r = IntensityRank(ChildText(city, ns, "MaxInt"));
        if (!r || *r < kAlertIntensityRank) continue;
        codes.push_back(ChildText(city, ns, "Code"));
        body_ja += IntensityName(*r, true) + ": " + ChildText(city, ns, "Name") + "\n";
      }
      if (!comment.empty()) body_ja += "\n" + comment;
      a.body = {{"ja", body_ja}};
      a.area_names = names;
      a.match_codes = codes;
      a.id = "jma-quake-" + IdPart(c.event_id) + "-" + IdPart(code) + c.id_suffix;
      a.tags.push_back("earthquake");
      e->slots.emplace_back(code, std::move(a));
    }
  }
}

}  // namespace

Result<MessageEffect> ParseJmaMessage(const pugi::xml_document& doc) {
  const pugi::xml_node root = doc.document_element();
  if (LocalName(root) != "Report")
    return Status::Invalid("its root element is <" + std::string(root.name()) +
                           ">, not a JMA <Report>");
  if (const std::string ns = NamespaceOf(root); ns != kJmx)
    return Status::Invalid("its <Report> is in the namespace \"" + ns + "\", not JMA's \"" +
                           std::string(kJmx) + "\"");
  const pugi::xml_node control = Child(root, kJmx, "Control");
  const pugi::xml_node head = Child(root, kHeadNs, "Head");
  if (!control) return Status::Invalid("it has no <Control> in JMA's namespace");
  if (!head) return Status::Invalid("it has no <Head> in JMA's informationBasis1 namespace");

  MessageEffect e;
  Common c;
  const std::string status = ChildText(control, kJmx, "Status");
  if (status == "通常") {
    c.status = feed::ItemStatus::kActual;
  } else if (status == "訓練") {
    c.status = feed::ItemStatus::kExercise;
    c.id_suffix = "-exercise";
  } else if (status == "試験") {
    c.status = feed::ItemStatus::kTest;
    c.id_suffix = "-test";
  } else {
    return Status::Invalid("its Control/Status is \"" + status + "\"; expected 通常, 訓練 or 試験");
  }
  e.status = c.status;
  const std::string info_type = ChildText(head, kHeadNs, "InfoType");
  if (info_type != "発表" && info_type != "訂正" && info_type != "取消" && info_type != "遅延")
    return Status::Invalid("its Head/InfoType is \"" + info_type +
                           "\"; expected 発表, 訂正 or 取消");
  std::string when = ChildText(head, kHeadNs, "ReportDateTime");
  auto report = feed::ParseRfc3339(when);
  if (!report.ok()) {
    when = ChildText(control, kJmx, "DateTime");
    report = feed::ParseRfc3339(when);
  }
  if (!report.ok())
    return Status::Invalid("it has no readable Head/ReportDateTime (\"" + when + "\")");
  c.report_time = report->unix;
  if (auto valid = feed::ParseRfc3339(ChildText(head, kHeadNs, "ValidDateTime"));
      valid.ok() && valid->unix > c.report_time)
    c.valid_until = valid->unix;
  c.headline = ChildText(Child(head, kHeadNs, "Headline"), kHeadNs, "Text");
  c.publishing_office = ChildText(control, kJmx, "PublishingOffice");
  c.head_title = ChildText(head, kHeadNs, "Title");
  c.event_id = ChildText(head, kHeadNs, "EventID");
  e.report_time = c.report_time;

  const std::string control_title = ChildText(control, kJmx, "Title");
  const Family family = FamilyOf(control_title);
  e.kind = control_title + "（" + info_type + "）";
  std::string key;
  switch (family) {
    case Family::kWeather:
    case Family::kLandslide:
      key = c.head_title;
      break;
    case Family::kRiver:
    case Family::kQuake:
      key = c.event_id.empty() ? c.head_title : c.event_id;
      break;
    case Family::kTsunami:
      key = "japan";  // one national forecast: each VTSE41 lists every region it concerns
      break;
    case Family::kOther:
      key = control_title;
      break;
  }
  e.scope = std::string(feed::StatusName(c.status)) + "|jma|" + FamilyName(family) + "|" + key;
  if (family == Family::kOther) {
    e.note = control_title + " is not a warning kind machikado shows";
    return e;
  }
  if (info_type == "取消") {
    e.withdraw = true;
    return e;
  }
  pugi::xml_node body;
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element && LocalName(n) == "Body" &&
        NamespaceOf(n).rfind(kBodyPrefix, 0) == 0)
      body = n;
  const std::string body_ns = body ? NamespaceOf(body) : std::string();
  switch (family) {
    case Family::kWeather:
    case Family::kLandslide:
      ReadAreaWarnings(body, body_ns, c, family, &e);
      break;
    case Family::kRiver:
      ReadRiver(head, body, body_ns, c, &e);
      break;
    case Family::kTsunami:
      ReadTsunami(body, body_ns, c, &e);
      break;
    case Family::kQuake:
      ReadQuake(body, body_ns, c, &e);
      break;
    case Family::kOther:
      break;
  }
  if (e.slots.empty() && e.note.empty()) e.note = "no area is named in its body";
  return e;
}

}  // namespace machikado::ingest
