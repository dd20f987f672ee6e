// Writing imported open data as a machikado-feed/1 document (feeds/README.md): the shelter
// register as the top-level `shelters` array (with an empty `items`), events as news items with an
// event block. Texts are escaped for ruby markup ("{" → "{{"), so a brace in a CSV is never read as
// furigana. Output is pretty-printed UTF-8 JSON ending in a newline. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "opendata/event_import.h"
#include "opendata/shelter_import.h"

namespace machikado::opendata {

struct FeedHeader {
  std::string id;     // [a-z0-9._-]{1,64}
  std::string title;  // may be empty
  int64_t generated = 0;
  std::optional<std::string> district;  // events: written as each item's `districts`
};

std::string ShelterFeedJson(const FeedHeader& header, const std::vector<ShelterRecord>& shelters);
std::string EventFeedJson(const FeedHeader& header, const std::vector<EventRecord>& events);

}  // namespace machikado::opendata
