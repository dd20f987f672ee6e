// FeedPipeline: keeps the kiosk's content fresh without ever blanking it. For every configured feed
// it polls per PollPolicy with conditional GETs (a 304 costs no parse), parses accepted bodies with
// feed::ParseFeed, stores them through FeedStore and publishes immutable Snapshots. A failed or
// rejected fetch never replaces the last good content. At start it loads every feed from the store
// FIRST and publishes that at once, before any network attempt completes. Item images are fetched,
// checked by the image gate (media/image_gate.h: bytes, format, pixels) and cached the same way; a
// bad image only drops that image (feed_pipeline_images.cpp; polling and publishing are in
// feed_pipeline.cpp).
//
// Threads: Start() runs everything on one worker thread (which alone uses the HttpClient and the
// store); Latest()/handoff() may be called from any thread; Stop() joins promptly (condition
// variable, and an in-flight transfer is cancelled). Without Start(), LoadCache() and RunDue()
// drive the same logic synchronously on the caller's thread (tests, tools); never mix the two
// modes. Lifetime: every reference handed to the constructor must outlive the pipeline.
#pragma once

#include "trust/feed_verifier.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "config/config.h"
#include "core/clock.h"
#include "core/log.h"
#include "feed/parse.h"
#include "media/image_gate.h"
#include "net/http_client.h"
#include "net/poll_policy.h"
#include "pipeline/clock_sanity.h"
#include "pipeline/feed_store.h"
#include "pipeline/snapshot.h"

namespace machikado::pipeline {

struct PipelineConfig {
  std::vector<config::FeedSource> feeds;  // poll_interval_s of each overrides poll.interval_s
  net::PollConfig poll;                   // floor, backoff cap, jitter (interval_s set per feed)
  // Timeouts and low-speed limits for every fetch (url, validators, cap and expect are set per
  // use).
  net::HttpRequest request;
  feed::FeedLimits limits;          // FEED-v1 limits; limits.max_body_bytes is the feed byte cap
  bool fetch_images = true;         // false: items show without images (tools, tests)
  media::ImageLimits image_limits;  // the image gate's caps (docs/caps.md)
  size_t max_image_memory_bytes = 64 * 1024 * 1024;  // all images held for the renderer together
  int image_retry_s = 600;  // a failed image is tried again after this long
  uint64_t seed = 0;        // jitter seed; the App passes std::random_device output
  // Configured public keys: when required(), every fetched body needs a valid `<url>.minisig`
  // (verified before parsing and caching); otherwise the feed is rejected and the last good stays.
  trust::FeedVerifier verifier;
};

class FeedPipeline {
 public:
  FeedPipeline(PipelineConfig config, net::HttpClient& client, FeedStore* store, const Clock& clock,
               ClockSanity& clock_sanity, Log& log, std::function<void()> wake = {});
  ~FeedPipeline();
  FeedPipeline(const FeedPipeline&) = delete;
  FeedPipeline& operator=(const FeedPipeline&) = delete;

  // Starts the worker: cache first (published at once), then polling.
  void Start();
  // Stops and joins the worker; safe to call twice.
  void Stop();
  // Asks for every feed to be polled now (e.g. the network came back); returns at once.
  void PollNow();

  std::shared_ptr<const Snapshot> Latest() const { return handoff_.Latest(); }
  const SnapshotHandoff& handoff() const { return handoff_; }

  // Synchronous driving (no worker thread): loads the cache and publishes.
  void LoadCache();
  // Polls every feed that is due at clock.monotonic_ms(), then pending images while no feed is due,
  // and publishes when anything changed. Returns ms until the next feed is due.
  int64_t RunDue();

 private:
  // One configured feed: its poll schedule, report and last good content (worker-thread state).
  struct Slot {
    config::FeedSource source;
    net::PollPolicy policy;
    FeedReport report;
    std::shared_ptr<const feed::Feed> feed;  // last good content; replaced only by accepted content
    std::string etag;
    std::string last_modified;
    int64_t due_ms = 0;
  };
  void Poll(Slot& slot);
  void Accept(Slot& slot, const net::FetchResult& fetched, UnixSeconds now);
  // Fetches and checks the body's signature; false (and the feed rejected) when it is not valid.
  bool VerifySignature(Slot& slot, const net::FetchResult& fetched);
  void Fail(Slot& slot, FeedReport::State state, std::string kind, std::string message,
            int http_status, std::optional<int64_t> retry_after_s);
  void RefreshImages();
  bool FetchOneImage(const std::string& url);
  void Publish();
  int64_t NextDueInMs() const;
  bool ImageRetryDue() const;
  void WorkerMain();

  PipelineConfig config_;
  net::HttpClient& client_;
  FeedStore* store_;
  const Clock& clock_;
  ClockSanity& sanity_;
  Log& log_;
  SnapshotHandoff handoff_;

  // Worker-thread state.
  std::vector<std::unique_ptr<Slot>> slots_;
  std::map<std::string, std::shared_ptr<const ImageData>> images_;
  std::map<std::string, std::string> image_errors_;
  std::map<std::string, int64_t> image_failed_at_ms_;
  std::vector<std::string> pending_images_;
  // What each wanted image must satisfy (trust/image_digest.h): its sha256 from the item, and
  // the feed's policy. Filled by RefreshImages; one entry per image URL.
  struct ImageRule {
    std::string sha256;
    bool allow_unhashed = false;
  };
  std::map<std::string, ImageRule> image_rules_;
  // The image gate, then the digest rule: OK or why the item shows without `url`'s image.
  Status AcceptImage(const std::string& url, const std::string& bytes,
                     media::ImageInfo* info) const;
  size_t image_memory_bytes_ = 0;
  uint64_t sequence_ = 0;
  uint64_t content_version_ = 0;
  bool dirty_ = false;

  // Shared with other threads.
  std::thread worker_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool poll_now_ = false;
  std::atomic<bool> stop_{false};
};

}  // namespace machikado::pipeline
