// CacheFeedStore: FeedStore over the offline cache (cache::FeedCache) — what the App hands the
// pipeline. Thread-safe as FeedCache is; the FeedCache must outlive it.
#pragma once

#include "cache/feed_cache.h"
#include "pipeline/feed_store.h"

namespace machikado::pipeline {

class CacheFeedStore final : public FeedStore {
 public:
  explicit CacheFeedStore(cache::FeedCache& cache) : cache_(cache) {}
  Result<cache::CachedFeed> LoadFeed(std::string_view url) override { return cache_.Load(url); }
  Status StoreFeed(const cache::CachedFeed& feed) override { return cache_.Store(feed); }
  Result<std::string> LoadImage(std::string_view url) override { return cache_.LoadImage(url); }
  Status StoreImage(std::string_view url, std::string_view bytes) override {
    return cache_.StoreImage(url, bytes);
  }
  void KeepOnly(const std::set<std::string>& feed_urls,
                const std::set<std::string>& image_urls) override {
    cache_.SetFeedsInUse(feed_urls);
    cache_.EvictImagesExcept(image_urls);
  }

 private:
  cache::FeedCache& cache_;
};

}  // namespace machikado::pipeline
