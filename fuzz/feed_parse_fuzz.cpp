// libFuzzer target: feed::ParseFeed on arbitrary bytes (FEED-v1 parser and validator), with the
// default limits and with lowered ones. Checks the outcome's invariants as well as crashes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "feed/parse.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

void CheckOutcome(const machikado::feed::ParseOutcome& out, const machikado::feed::FeedLimits& l) {
  using machikado::feed::FeedError;
  Check(out.items_valid <= out.items_total);
  Check(out.items_total <= l.max_items || !out.feed);
  for (const FeedError& e : out.errors) {
    Check(!e.message.empty());
    Check(e.pointer.empty() || e.pointer[0] == '/');
  }
  if (!out.feed) {
    // A rejected feed says why, at feed level.
    bool feed_level = false;
    for (const FeedError& e : out.errors) feed_level |= e.level == FeedError::Level::kFeed;
    Check(feed_level);
    return;
  }
  Check(out.feed->items.size() == out.items_valid);
  for (const auto& item : out.feed->items) {
    Check(!item.id.empty());
    Check(item.title.variants.size() <= l.max_languages);
    if (item.kind == machikado::feed::Kind::kAlert)
      Check(item.alert.shelters.size() <= l.max_shelters);
    if (item.kind == machikado::feed::Kind::kProject)
      Check(item.project.metrics.size() <= l.max_metrics);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const machikado::feed::FeedLimits defaults;
  CheckOutcome(machikado::feed::ParseFeed(bytes, defaults, "https://example.org/feeds/news.json"),
               defaults);
  // Lowered limits reach the "too many" paths with small inputs.
  machikado::feed::FeedLimits small;
  small.max_depth = 6;
  small.max_items = 3;
  small.max_languages = 2;
  small.max_title_chars = 8;
  small.max_summary_chars = 16;
  small.max_body_chars = 32;
  small.max_shelters = 2;
  small.max_metrics = 2;
  CheckOutcome(machikado::feed::ParseFeed(bytes, small), small);
  return 0;
}
