// ParseFeed: JSON bytes → validated feed::Feed plus every problem found, as values.
// Feed-level problems reject the whole feed (feed is empty); item-level problems skip only that
// item. No exception leaves this module; no I/O. Thread-safe (pure function).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/model.h"

namespace machikado::feed {

// Limits of FEED-v1 (defaults). A config may lower them, never raise them above these.
struct FeedLimits {
  size_t max_body_bytes = 4 * 1024 * 1024;  // decoded body
  int max_depth = 32;                       // JSON nesting
  size_t max_items = 1000;
  size_t max_languages = 8;
  size_t max_title_chars = 120;  // per language, in Unicode code points, markup excluded
  size_t max_summary_chars = 400;
  size_t max_body_chars = 4000;
  size_t max_shelters = 50;             // per alert
  size_t max_register_shelters = 5000;  // the feed's top-level shelter register
  size_t max_metrics = 6;
  int64_t max_video_bytes = 512LL * 1024 * 1024;  // a video item's `video.bytes`
  int max_video_seconds = 600;                    // a video item's `max_seconds`
};

struct FeedError {
  enum class Level { kFeed, kItem };
  Level level = Level::kFeed;
  std::optional<std::string> item_id;  // the item's id when known
  std::string pointer;  // JSON Pointer, e.g. "/items/3/title/en"; "" = whole document
  std::string message;  // for staff: what is wrong and what is expected
};

struct ParseOutcome {
  std::optional<Feed> feed;  // absent when the feed is rejected
  std::vector<FeedError> errors;
  size_t items_total = 0;  // entries in the feed's items array
  size_t items_valid = 0;
  size_t shelters_total = 0;  // entries in the feed's top-level shelters array
  size_t shelters_valid = 0;
  // True when the feed was accepted and every item is valid.
  bool ok() const { return feed.has_value() && errors.empty(); }
};

// `base_url` (optional) resolves relative image URLs.
ParseOutcome ParseFeed(std::string_view bytes, const FeedLimits& limits = {},
                       std::string_view base_url = {});

}  // namespace machikado::feed
