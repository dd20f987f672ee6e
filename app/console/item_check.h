// Checking an item staff send, with the kiosk's own validator (feed::ParseFeed): the item is
// wrapped in a one-item machikado-feed/1 document of its feed, so every rule the kiosk applies
// (lengths, languages, kinds, levels, dates) applies here with the same message; JSON Pointers are
// given relative to the item ("/title/en"). Also builds and checks the snapshot a publish writes.
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "console/console_config.h"
#include "core/clock.h"
#include "feed/model.h"

namespace machikado::console {

struct FieldError {
  std::string path;  // JSON Pointer within the item (or the snapshot, for a publish)
  std::string message;
};

struct ItemCheck {
  std::vector<FieldError> errors;
  std::optional<feed::Item> item;  // when valid
  bool ok() const { return errors.empty() && item.has_value(); }
};

ItemCheck CheckItem(const ConsoleFeed& feed, const nlohmann::json& item, UnixSeconds now);

// True when publishing this item needs the alerts or admin role: an alert of level ≥ 4 or one
// that takes over the screen.
bool NeedsAlertsRole(const feed::Item& item);

struct Snapshot {
  std::string bytes;  // the feed document as published
  std::vector<FieldError> errors;
  size_t items = 0;
};
// The feed document of `items` (item JSON texts, in order), generated `now`, validated as a kiosk
// would; errors when anything in it would be rejected or skipped by a kiosk.
Snapshot BuildSnapshot(const ConsoleFeed& feed, const std::vector<std::string>& items,
                       UnixSeconds now);

}  // namespace machikado::console
