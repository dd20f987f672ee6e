// Test helpers: build feed::Items for schedule tests without JSON. Header-only, used only by
// app/schedule/*_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "feed/model.h"

namespace machikado::schedule::testing {

inline constexpr UnixSeconds kT0 = 1795392000;  // 2026-11-23T00:00:00Z, FakeClock's default start

inline feed::Text Txt(std::vector<std::pair<std::string, std::string>> variants) {
  feed::Text t;
  for (auto& [lang, s] : variants) {
    feed::LocalizedString v;
    v.lang = lang;
    v.raw = s;
    v.segments.push_back(feed::RubySegment{s, ""});
    t.variants.push_back(std::move(v));
  }
  return t;
}

inline feed::Item MakeItem(std::string id, feed::Kind kind, int priority = 50,
                           std::string feed_id = "demo") {
  feed::Item item;
  item.id = std::move(id);
  item.kind = kind;
  item.priority = priority;
  item.feed_id = std::move(feed_id);
  item.title = Txt({{"ja", item.id}});
  return item;
}

inline feed::Item News(std::string id, int priority = 50) {
  return MakeItem(std::move(id), feed::Kind::kNews, priority);
}
inline feed::Item Prep(std::string id, int priority = 50) {
  return MakeItem(std::move(id), feed::Kind::kPreparedness, priority);
}
inline feed::Item Project(std::string id, int priority = 50) {
  return MakeItem(std::move(id), feed::Kind::kProject, priority);
}
inline feed::Item Alert(std::string id, std::optional<int> level, UnixSeconds issued = kT0 - 3600,
                        std::string feed_id = "alerts") {
  feed::Item item = MakeItem(std::move(id), feed::Kind::kAlert, 50, std::move(feed_id));
  item.alert.level = level;
  item.alert.issued = issued;
  item.alert.hazard = feed::Hazard::kFlood;
  return item;
}

}  // namespace machikado::schedule::testing
