// Snapshot: an immutable picture of all feed content and feed health that the pipeline publishes
// for the main thread — merged items of every feed, their images, per-feed state and the clock
// report. SnapshotHandoff: the thread-safe hand-over — the worker publishes, the main thread takes
// the latest without blocking on the network (a mutex held only to copy a shared_ptr) and is woken
// through a callback (the App pushes an SDL user event from it; SDL stays out of this module).
// Snapshots are shared as std::shared_ptr<const Snapshot>: never modified after publication, so any
// thread may read one for as long as it holds it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "feed/model.h"
#include "feed/shelter_refs.h"
#include "pipeline/clock_sanity.h"

namespace machikado::pipeline {

// The health of one configured feed (what status.json reports under "feeds").
struct FeedReport {
  enum class State { kOk, kOffline, kRejected };
  std::string url;      // as configured
  std::string feed_id;  // the feed's `id` once content is known
  // ok: the last attempt gave usable content (200 accepted or 304); offline: the feed could not be
  // fetched (network, server, wrong content type) or has not been reached yet since start;
  // rejected: the server answered but the content was refused (invalid, over a limit).
  State state = State::kOffline;
  UnixSeconds last_ok = 0;  // corrected wall time of the last usable answer; 0 = never (this run)
  UnixSeconds last_attempt = 0;  // 0 = never
  std::string last_error;        // "" when the last attempt succeeded
  std::string last_error_kind;   // "timeout", "http_status", "rejected", … ("" when none)
  int http_status = 0;           // of the last attempt (0 when none arrived)
  size_t items = 0;              // valid items of the content shown
  size_t item_errors = 0;        // item-level problems in the content shown (skipped items)
  bool from_cache = false;  // content shown came from the offline cache and is not yet confirmed
  UnixSeconds content_fetched_at =
      0;                    // when the shown content was fetched (age = now - this); 0 = none
  std::string cache_error;  // the last failure to write the cache ("" = fine)
  int consecutive_failures = 0;
  UnixSeconds generated = 0;  // the shown content's `generated` (0 = no content)
  feed::Text title;           // the shown content's `title` (e.g. the center's name)
  uint64_t fetches = 0;       // attempts since start (metrics)
  uint64_t not_modified = 0;  // of which answered 304
  std::map<std::string, uint64_t> errors_by_kind;  // failed attempts by last_error_kind
};
std::string_view FeedStateName(FeedReport::State s);  // "ok", "offline", "rejected"

struct ImageData {
  std::string url;
  std::string bytes;  // encoded (PNG/JPEG/…), checked: within the byte and pixel caps
  int width = 0;
  int height = 0;
};

struct Snapshot {
  uint64_t sequence = 0;         // increases with every publication
  uint64_t content_version = 0;  // increases only when items or images change (skip work otherwise)
  UnixSeconds made_at = 0;       // corrected wall time
  std::vector<FeedReport> feeds;  // one per configured feed, in configuration order
  // Items of all feeds (config order, then feed order); each Item's feed_id names its feed.
  // Each pointer keeps its feed's content alive.
  std::vector<std::shared_ptr<const feed::Item>> items;
  std::map<std::string, std::shared_ptr<const ImageData>> images;  // by absolute image URL
  std::map<std::string, std::string> image_errors;  // image URL → why its item shows without it
  ClockReport clock;
  // The shelter registers of all feeds merged (config order wins): what the kiosk's shelter slide
  // chooses from. Never null once published.
  std::shared_ptr<const feed::ShelterRegister> shelters;

  // The checked image of `item`, or nullptr: the item is shown without an image.
  const ImageData* image_for(const feed::Item& item) const;
};

class SnapshotHandoff {
 public:
  explicit SnapshotHandoff(std::function<void()> wake = {}) : wake_(std::move(wake)) {}
  // Worker side: replaces the latest snapshot and calls the wake callback (outside the lock).
  void Publish(std::shared_ptr<const Snapshot> snapshot);
  // Main-thread side: the latest snapshot (nullptr before the first), never blocking on I/O.
  std::shared_ptr<const Snapshot> Latest() const;
  // Blocks until a snapshot with sequence > `after` exists or `timeout_ms` passes (tools and
  // tests).
  std::shared_ptr<const Snapshot> WaitNewer(uint64_t after, int64_t timeout_ms) const;

 private:
  std::function<void()> wake_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::shared_ptr<const Snapshot> latest_;
};

}  // namespace machikado::pipeline
