// Body readers of JMA's seismic messages: 津波警報・注意報・予報 (VTSE41) and 震度速報 /
// 震源・震度に関する情報 (VXSE51/53). See jma_body.h.
#include <algorithm>
#include <set>

#include "feed/datetime.h"
#include "ingest/ids.h"
#include "ingest/jma_body.h"
#include "ingest/jma_levels.h"
#include "ingest/jma_message.h"
#include "ingest/xml_ns.h"

namespace machikado::ingest::jma {

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

}  // namespace machikado::ingest::jma
