#include "ingest/jma_message.h"

#include <algorithm>
#include <map>
#include <set>

#include "feed/datetime.h"
#include "ingest/ids.h"
#include "ingest/jma_body.h"
#include "ingest/jma_levels.h"
#include "ingest/xml_ns.h"

namespace machikado::ingest {
namespace jma {

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

namespace {

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

}  // namespace
}  // namespace jma

Result<MessageEffect> ParseJmaMessage(const pugi::xml_document& doc) {
  using namespace jma;
  const pugi::xml_node root = doc.document_element();
  if (Status s = CheckRootElement(root, "Report", kJmx, "JMA", "JMA"); !s.ok()) return s;
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
