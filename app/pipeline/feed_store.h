// FeedStore: what the pipeline needs from the offline cache — last-good feed bodies with validators, and
// image bytes. The App adapts cache::FeedCache to it (CacheFeedStore); MemoryFeedStore serves tests and
// injects write failures. Implementations must be safe to call from the pipeline's worker thread while
// nothing else uses them (FeedCache is fully thread-safe).
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "cache/feed_cache.h"
#include "core/status.h"

namespace machikado::pipeline {

class FeedStore {
 public:
  virtual ~FeedStore() = default;
  // kNotFound when nothing is stored; other errors (corrupt, I/O) are reported and treated as absent.
  virtual Result<cache::CachedFeed> LoadFeed(std::string_view url) = 0;
  // On error the previous copy must stay readable.
  virtual Status StoreFeed(const cache::CachedFeed& feed) = 0;
  virtual Result<std::string> LoadImage(std::string_view url) = 0;
  virtual Status StoreImage(std::string_view url, std::string_view bytes) = 0;
  // The configured feeds and every image the current items reference; others may be evicted.
  virtual void KeepOnly(const std::set<std::string>& feed_urls,
                        const std::set<std::string>& image_urls) = 0;
};

// An in-memory FeedStore for tests. Thread-safe.
class MemoryFeedStore final : public FeedStore {
 public:
  Result<cache::CachedFeed> LoadFeed(std::string_view url) override;
  Status StoreFeed(const cache::CachedFeed& feed) override;
  Result<std::string> LoadImage(std::string_view url) override;
  Status StoreImage(std::string_view url, std::string_view bytes) override;
  void KeepOnly(const std::set<std::string>& feed_urls,
                const std::set<std::string>& image_urls) override;

  // Every following Store* fails with this status (e.g. disk full) until cleared with Status::Ok().
  void FailWritesWith(Status s);
  size_t feed_writes() const;
  bool has_image(const std::string& url) const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, cache::CachedFeed> feeds_;
  std::map<std::string, std::string> images_;
  Status write_error_;
  size_t feed_writes_ = 0;
};

}  // namespace machikado::pipeline
