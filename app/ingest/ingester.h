// Ingester: the state and one poll of `machikado ingest`. A poll asks each configured Atom feed
// with If-Modified-Since, fetches every new entry whose title is a warning kind (oldest first, one
// at a time, at most max_entries_per_poll), keeps each message's bytes on disk, applies it to the
// in-force model and publishes the alerts feed atomically when what is in force changed. The state
// on disk (index.json: feeds' Last-Modified, the entries seen, the messages kept; messages/*.xml)
// is written before the feed is published, and on start every kept message is replayed through the
// same model, so a restart neither repeats a fetch nor forgets a warning. A message that cannot be
// fetched is tried again at the next poll; one that cannot be read is recorded and skipped.
// Not thread-safe: one owner (the ingest command's loop).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "ingest/alert_state.h"
#include "ingest/ingest_config.h"
#include "net/http_client.h"
#include "trust/minisign_signer.h"

namespace machikado::ingest {

struct IngestStatus {
  UnixSeconds last_poll = 0;
  UnixSeconds last_entry = 0;  // when the newest entry was fetched
  uint64_t polls = 0;
  uint64_t entries_fetched = 0;
  uint64_t errors = 0;
  uint64_t publishes = 0;
  std::string last_error;
  size_t alerts_in_force = 0;
};

class Ingester {
 public:
  // `key` (may be null: publish unsigned) must outlive the ingester.
  Ingester(IngestConfig config, net::HttpClient& http, FileSystem& fs,
           const trust::SecretKey* key = nullptr);

  // Reads the state directory (creating it when missing) and replays the kept messages. Publishes
  // the feed once, so a restarted service serves what was in force at once.
  Status Load(UnixSeconds now);
  // One poll of every feed; errors are counted and reported in the status, and the poll goes on
  // with the next feed or entry. Returns the last error (ok when there was none).
  Status PollOnce(UnixSeconds now);

  const IngestStatus& status() const { return status_; }
  std::vector<OfficialAlert> InForce(UnixSeconds now) const;

 private:
  struct Kept {
    std::string file;  // name under messages/
    std::string source;
    bool cap = false;
    UnixSeconds report_time = 0;
    UnixSeconds fetched = 0;  // retention counts from here
  };
  Status PollFeed(const std::string& url, bool cap, UnixSeconds now);
  Status FetchEntry(const std::string& link, bool cap, UnixSeconds now);
  Status SaveIndex();
  Status Publish(UnixSeconds now, bool force);
  void Prune(UnixSeconds now);
  void Fail(const std::string& message);

  IngestConfig config_;
  net::HttpClient& http_;
  FileSystem& fs_;
  const trust::SecretKey* key_;
  AlertState state_;
  std::map<std::string, std::string> last_modified_;  // feed URL → Last-Modified
  std::set<std::string> seen_;                        // entry ids fetched (or unreadable)
  std::vector<std::string> seen_order_;               // oldest first, for the bound
  std::vector<Kept> kept_;
  std::string published_items_;  // the items of the last published feed, to skip equal ones
  IngestStatus status_;
};

}  // namespace machikado::ingest
