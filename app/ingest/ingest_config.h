// The configuration of `machikado ingest` (a JSON file; docs/official-warnings.md lists every key
// and its default). Validated once at load; errors name the key. Plain value type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/alert_state.h"

namespace machikado::ingest {

struct IngestConfig {
  std::vector<std::string> jma_feeds;  // JMA Atom pull feeds (regular, extra, eqvol …)
  std::vector<std::string> cap_feeds;  // Atom feeds whose entries link CAP 1.2 alerts
  AreaFilter areas;                    // "areas": codes; "point": [lat, lon]; "all_areas" (CAP)
  std::string state_dir;               // what was seen and what is in force; required
  std::string out;                     // the published alerts feed (written atomically); required
  std::string feed_id = "official-alerts";
  int poll_seconds = 60;          // JMA's high-frequency feeds change at most once a minute: ≥ 60
  int retention_days = 7;         // stored messages older than this are dropped (≥ 1)
  int max_entries_per_poll = 50;  // at most this many new documents fetched per poll
  // A minisign secret key (`minisign -G`): when set, `out` + ".minisig" is published with the feed.
  std::string secret_key_file;
  std::string secret_key_password_file;  // for an encrypted key; "" for a -W key
};

Result<IngestConfig> ParseIngestConfig(std::string_view json);

}  // namespace machikado::ingest
