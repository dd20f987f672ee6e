// Writes converted official warnings as one machikado-feed/1 document (feeds/README.md): each alert
// an item of kind "alert", texts cut to the feed's limits (title 120, summary 400, body and
// instructions 4000 code points, at most 200 areas) with ruby braces escaped and control characters
// dropped, JMA levels marked "level_basis": "equivalent". Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "ingest/official_alert.h"

namespace machikado::ingest {

struct AlertFeedOptions {
  std::string feed_id = "official-alerts";  // [a-z0-9._-]{1,64}
  UnixSeconds generated = 0;
  int ttl_s = 60;  // kiosks poll an alerts feed often
};

std::string WriteAlertFeed(const std::vector<OfficialAlert>& alerts, const AlertFeedOptions& opt);

// `s` cut to at most `max_chars` code points (the last one an ellipsis when cut), with control
// characters other than tab and line feed dropped and "{" / "}" doubled for the ruby syntax.
std::string FeedText(std::string_view s, size_t max_chars);

}  // namespace machikado::ingest
