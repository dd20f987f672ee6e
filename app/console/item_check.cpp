#include "console/item_check.h"

#include "feed/parse.h"
#include "platform/rfc3339_utc.h"

namespace machikado::console {
namespace {

nlohmann::json Envelope(const ConsoleFeed& feed, UnixSeconds now) {
  nlohmann::json doc;
  doc["format"] = "machikado-feed/1";
  doc["id"] = feed.id;
  doc["title"] = nlohmann::json::parse(feed.title_json, nullptr, false);
  doc["generated"] = platform::FormatRfc3339Utc(now).value_or("1970-01-01T00:00:00Z");
  doc["ttl"] = feed.ttl_s;
  doc["items"] = nlohmann::json::array();
  return doc;
}

}  // namespace

ItemCheck CheckItem(const ConsoleFeed& feed, const nlohmann::json& item, UnixSeconds now) {
  ItemCheck out;
  if (!item.is_object()) {
    out.errors.push_back({"", "an item must be a JSON object"});
    return out;
  }
  nlohmann::json doc = Envelope(feed, now);
  doc["items"].push_back(item);
  feed::ParseOutcome parsed = feed::ParseFeed(doc.dump());
  const std::string prefix = "/items/0";
  for (const feed::FeedError& e : parsed.errors) {
    std::string path = e.pointer;
    if (path.rfind(prefix, 0) == 0) path = path.substr(prefix.size());
    out.errors.push_back({path, e.message});
  }
  if (out.errors.empty() && parsed.feed && parsed.feed->items.size() == 1)
    out.item = parsed.feed->items.front();
  else if (out.errors.empty())
    out.errors.push_back({"", "the item was not accepted"});
  return out;
}

bool NeedsAlertsRole(const feed::Item& item) {
  if (item.kind != feed::Kind::kAlert) return false;
  return item.alert.takeover || (item.alert.level && *item.alert.level >= 4);
}

Snapshot BuildSnapshot(const ConsoleFeed& feed, const std::vector<std::string>& items,
                       UnixSeconds now) {
  Snapshot out;
  nlohmann::json doc = Envelope(feed, now);
  for (const std::string& text : items) {
    nlohmann::json item = nlohmann::json::parse(text, nullptr, false);
    if (item.is_discarded()) {
      out.errors.push_back({"/items/" + std::to_string(doc["items"].size()),
                            "a stored item is not JSON (database damaged?)"});
      continue;
    }
    doc["items"].push_back(std::move(item));
  }
  out.bytes = doc.dump(1) + "\n";
  feed::ParseOutcome parsed = feed::ParseFeed(out.bytes);
  for (const feed::FeedError& e : parsed.errors) out.errors.push_back({e.pointer, e.message});
  if (!parsed.feed && out.errors.empty()) out.errors.push_back({"", "the feed was not accepted"});
  out.items = parsed.items_valid;
  return out;
}

}  // namespace machikado::console
