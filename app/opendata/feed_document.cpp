// ShelterFeedJson / EventFeedJson with nlohmann::ordered_json (fields in the order feeds/README.md
// lists them, so a diff between two imports reads well).
#include "opendata/feed_document.h"

#include <nlohmann/json.hpp>

#include "feed/datetime.h"
#include "feed/ruby.h"

namespace machikado::opendata {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kJapan = 9 * 3600;

std::string Escaped(const std::string& s) {
  return feed::EscapeRubyText(s);
}

Json Document(const FeedHeader& h) {
  Json doc;
  doc["format"] = "machikado-feed/1";
  doc["id"] = h.id;
  if (!h.title.empty()) doc["title"] = Escaped(h.title);
  doc["generated"] = feed::FormatRfc3339(h.generated, kJapan);
  doc["items"] = Json::array();
  return doc;
}

std::string Dump(const Json& doc) {
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string ShelterFeedJson(const FeedHeader& header, const std::vector<ShelterRecord>& shelters) {
  Json doc = Document(header);
  Json list = Json::array();
  for (const ShelterRecord& s : shelters) {
    Json j;
    j["id"] = s.id;
    Json name;
    name["ja"] = Escaped(s.name);
    if (!s.name_kana.empty()) name["ja-Kana"] = Escaped(s.name_kana);
    if (!s.name_en.empty()) name["en"] = Escaped(s.name_en);
    j["name"] = std::move(name);
    if (!s.address.empty()) j["address"] = Escaped(s.address);
    if (s.lat && s.lon) {
      j["lat"] = *s.lat;
      j["lon"] = *s.lon;
    }
    Json hazards = Json::array();
    for (feed::Hazard h : s.hazards) hazards.push_back(std::string(feed::HazardName(h)));
    j["hazards"] = std::move(hazards);
    if (s.capacity) j["capacity"] = *s.capacity;
    if (!s.phone.empty()) j["phone"] = s.phone;
    if (!s.url.empty()) j["url"] = s.url;
    list.push_back(std::move(j));
  }
  doc["shelters"] = std::move(list);
  return Dump(doc);
}

std::string EventFeedJson(const FeedHeader& header, const std::vector<EventRecord>& events) {
  Json doc = Document(header);
  Json& items = doc["items"];
  for (const EventRecord& e : events) {
    Json j;
    j["id"] = e.id;
    j["kind"] = "news";
    if (e.title_en.empty()) {
      j["title"] = Escaped(e.title);
    } else {
      j["title"] = Json{{"ja", Escaped(e.title)}, {"en", Escaped(e.title_en)}};
    }
    if (!e.summary.empty()) j["summary"] = Escaped(e.summary);
    if (!e.body.empty()) j["body"] = Escaped(e.body);
    if (!e.url.empty()) j["url"] = e.url;
    j["valid_until"] = feed::FormatRfc3339(e.valid_until, kJapan);
    if (header.district) j["districts"] = Json::array({*header.district});
    if (!e.source.empty()) j["source"] = Escaped(e.source);
    Json ev;
    ev["start"] = feed::FormatRfc3339(e.start, kJapan);
    if (e.end) ev["end"] = feed::FormatRfc3339(*e.end, kJapan);
    if (!e.place.empty()) ev["place"] = Escaped(e.place);
    if (!e.fee.empty()) ev["fee"] = Escaped(e.fee);
    if (!e.contact.empty()) ev["contact"] = Escaped(e.contact);
    if (!e.url.empty()) ev["url"] = e.url;
    j["event"] = std::move(ev);
    j["tags"] = Json::array({"opendata"});
    items.push_back(std::move(j));
  }
  return Dump(doc);
}

}  // namespace machikado::opendata
