#include "pipeline/snapshot.h"

#include <chrono>

namespace machikado::pipeline {

std::string_view FeedStateName(FeedReport::State s) {
  switch (s) {
    case FeedReport::State::kOk:
      return "ok";
    case FeedReport::State::kOffline:
      return "offline";
    case FeedReport::State::kRejected:
      return "rejected";
  }
  return "offline";
}

const ImageData* Snapshot::image_for(const feed::Item& item) const {
  if (!item.image) return nullptr;
  auto it = images.find(item.image->url);
  return it == images.end() ? nullptr : it->second.get();
}

void SnapshotHandoff::Publish(std::shared_ptr<const Snapshot> snapshot) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    latest_ = std::move(snapshot);
  }
  cv_.notify_all();
  if (wake_) wake_();
}

std::shared_ptr<const Snapshot> SnapshotHandoff::Latest() const {
  std::lock_guard<std::mutex> lock(mu_);
  return latest_;
}

std::shared_ptr<const Snapshot> SnapshotHandoff::WaitNewer(uint64_t after,
                                                           int64_t timeout_ms) const {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
               [&] { return latest_ && latest_->sequence > after; });
  return latest_;
}

}  // namespace machikado::pipeline
