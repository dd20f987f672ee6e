#include "pipeline/feed_store.h"

namespace machikado::pipeline {

Result<cache::CachedFeed> MemoryFeedStore::LoadFeed(std::string_view url) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = feeds_.find(std::string(url));
  if (it == feeds_.end()) return Status::NotFound("no cached copy of " + std::string(url));
  return it->second;
}

Status MemoryFeedStore::StoreFeed(const cache::CachedFeed& feed) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!write_error_.ok()) return write_error_;
  feeds_[feed.url] = feed;
  ++feed_writes_;
  return Status::Ok();
}

Result<std::string> MemoryFeedStore::LoadImage(std::string_view url) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = images_.find(std::string(url));
  if (it == images_.end()) return Status::NotFound("no cached image " + std::string(url));
  return it->second;
}

Status MemoryFeedStore::StoreImage(std::string_view url, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!write_error_.ok()) return write_error_;
  images_[std::string(url)] = std::string(bytes);
  return Status::Ok();
}

void MemoryFeedStore::KeepOnly(const std::set<std::string>&,
                               const std::set<std::string>& image_urls) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = images_.begin(); it != images_.end();) {
    it = image_urls.count(it->first) ? std::next(it) : images_.erase(it);
  }
}

void MemoryFeedStore::FailWritesWith(Status s) {
  std::lock_guard<std::mutex> lock(mu_);
  write_error_ = std::move(s);
}

size_t MemoryFeedStore::feed_writes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return feed_writes_;
}

bool MemoryFeedStore::has_image(const std::string& url) const {
  std::lock_guard<std::mutex> lock(mu_);
  return images_.count(url) > 0;
}

}  // namespace machikado::pipeline
