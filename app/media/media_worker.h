// MediaWorker: downloads the files the feeds ask for (videos; later images) into the MediaCache on
// its own thread, separate from feed polling, so an alerts poll never waits behind a download.
// One file at a time, in the order given; an interrupted transfer is resumed with an HTTP Range
// request (a server that ignores Range sends the whole file again, which then replaces the
// partial); a complete file is checked against the feed's sha256 before it becomes ready.
// Owned by the App. SetWanted/Stop may be called from any thread; Step runs on the worker thread
// (or a test's thread when the worker was not started).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "media/media_cache.h"
#include "net/http_client.h"

namespace machikado::media {

// A file a feed item needs.
struct MediaWant {
  std::string url;
  std::string sha256;            // lowercase hex, "" = unchecked
  std::optional<int64_t> bytes;  // the size the feed announces, when it does
  uint64_t max_bytes = 0;        // a lower cap than the cache's per-file one (captions); 0 = none
  bool operator==(const MediaWant&) const = default;
};

struct MediaWorkerOptions {
  int connect_timeout_ms = 10'000;
  // One transfer may take this long before it is cut (and later resumed): long enough for a large
  // video on a slow line, short enough that a stuck server does not hold the queue forever.
  int transfer_timeout_ms = 20 * 60 * 1000;
  int low_speed_bytes_per_s = 1024;
  int low_speed_time_s = 30;
  // After a transfer ended early (network), the file is tried again after this long.
  int retry_after_error_s = 60;
  // After a failure for good (digest, size, cap), only after this long (or when the item changes).
  int retry_after_failure_s = 6 * 3600;
  std::string ca_file;  // as for feeds (config `tls_ca_file`)
};

// What one Step did (tests, logs).
enum class StepResult { kIdle, kReady, kRetryLater, kFailed };

class MediaWorker {
 public:
  MediaWorker(MediaCache& cache, std::unique_ptr<net::HttpClient> client, const Clock& clock,
              MediaWorkerOptions options = {});
  ~MediaWorker();  // Stop()
  MediaWorker(const MediaWorker&) = delete;
  MediaWorker& operator=(const MediaWorker&) = delete;

  // Called (on the worker thread) each time a file becomes ready: the kiosk wakes its loop.
  void set_on_ready(std::function<void(const std::string& url)> f) { on_ready_ = std::move(f); }

  // Replaces the list of wanted files (the current feed items' videos, most important first).
  void SetWanted(std::vector<MediaWant> wants);
  void Start();
  // Abandons a transfer in progress within about a second (its partial file stays) and joins.
  void Stop();

  // Downloads the next wanted file that is neither ready nor waiting for a retry. Synchronous.
  StepResult Step();

 private:
  struct Attempt {
    int64_t next_try_ms = 0;  // monotonic
  };
  StepResult Download(const MediaWant& want);
  void Run();

  MediaCache& cache_;
  std::unique_ptr<net::HttpClient> client_;
  const Clock& clock_;
  const MediaWorkerOptions options_;
  std::function<void(const std::string&)> on_ready_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<MediaWant> wanted_;
  std::vector<std::pair<std::string, Attempt>> attempts_;  // by URL (few entries)
  bool changed_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace machikado::media
