// ItemKey: how the schedule names an item. Item ids are unique only within one feed, and a kiosk
// merges several feeds, so the key is (feed id, item id). Plain value type.
#pragma once

#include <compare>
#include <string>

#include "feed/model.h"

namespace machikado::schedule {

struct ItemKey {
  std::string feed_id;
  std::string id;

  static ItemKey Of(const feed::Item& item) { return ItemKey{item.feed_id, item.id}; }
  bool Names(const feed::Item& item) const { return item.id == id && item.feed_id == feed_id; }
  auto operator<=>(const ItemKey&) const = default;
  bool operator==(const ItemKey&) const = default;
};

}  // namespace machikado::schedule
