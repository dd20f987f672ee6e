#include "ingest/alert_feed.h"

#include <nlohmann/json.hpp>

#include "feed/datetime.h"
#include "feed/field_reader.h"
#include "feed/url.h"

namespace machikado::ingest {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kTitleChars = 120, kSummaryChars = 400, kBodyChars = 4000, kShortChars = 400;
constexpr size_t kMaxAreas = 200;
constexpr int kJst = 9 * 3600;

// Code points of well-formed UTF-8 (the input passed the XML reader's UTF-8 check).
size_t CodePointLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

Json TextJson(const LangText& t, size_t max_chars) {
  Json j = Json::object();
  for (const auto& [lang, text] : t) {
    const std::string tag = feed::IsLanguageTag(lang) ? lang : "en";
    if (j.contains(tag)) continue;
    const std::string v = FeedText(text, max_chars);
    if (v.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    j[tag] = v;
  }
  return j;
}

}  // namespace

std::string FeedText(std::string_view s, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const size_t n = std::min(CodePointLength(c), s.size() - i);
    if (chars + 1 == max_chars && i + n < s.size()) {
      out += "…";
      break;
    }
    if (c < 0x20 && c != '\t' && c != '\n') {
      i += n;
      continue;
    }
    if (c == 0x7F) {
      i += n;
      continue;
    }
    if (c == '{' || c == '}') out += static_cast<char>(c);
    out.append(s.substr(i, n));
    ++chars;
    i += n;
    if (chars >= max_chars) break;
  }
  return out;
}

std::string WriteAlertFeed(const std::vector<OfficialAlert>& alerts, const AlertFeedOptions& opt) {
  Json doc;
  doc["format"] = "machikado-feed/1";
  doc["id"] = opt.feed_id;
  doc["generated"] = feed::FormatRfc3339(opt.generated, kJst);
  doc["ttl"] = opt.ttl_s;
  doc["items"] = Json::array();
  for (const auto& a : alerts) {
    Json item;
    item["id"] = a.id;
    item["kind"] = "alert";
    Json title = TextJson(a.title, kTitleChars);
    if (title.empty()) title["ja"] = "警報";
    item["title"] = std::move(title);
    if (Json s = TextJson(a.summary, kSummaryChars); !s.empty()) item["summary"] = std::move(s);
    if (Json b = TextJson(a.body, kBodyChars); !b.empty()) item["body"] = std::move(b);
    if (!a.url.empty() && feed::CheckWebUrl(a.url).ok()) item["url"] = a.url;
    item["published"] = feed::FormatRfc3339(a.issued, kJst);
    item["priority"] = a.priority;
    if (a.status != feed::ItemStatus::kActual) item["status"] = feed::StatusName(a.status);
    if (!a.tags.empty()) item["tags"] = a.tags;
    if (a.level) {
      item["level"] = *a.level;
      if (a.level_equivalent) item["level_basis"] = "equivalent";
    }
    item["hazard"] = feed::HazardName(a.hazard);
    item["issued"] = feed::FormatRfc3339(a.issued, kJst);
    if (a.expires && *a.expires > a.issued) item["expires"] = feed::FormatRfc3339(*a.expires, kJst);
    if (Json s = TextJson(a.issuer, kShortChars); !s.empty()) item["issuer"] = std::move(s);
    if (Json s = TextJson(a.instructions, kBodyChars); !s.empty())
      item["instructions"] = std::move(s);
    Json areas = Json::array();
    for (const auto& name : a.area_names) {
      if (areas.size() >= kMaxAreas) break;
      const std::string v = FeedText(name, kShortChars);
      if (v.find_first_not_of(" \t\r\n") != std::string::npos) areas.push_back(v);
    }
    if (!areas.empty()) item["areas"] = std::move(areas);
    if (a.takeover) item["takeover"] = true;
    doc["items"].push_back(std::move(item));
  }
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace machikado::ingest
