#include "core/background_writer.h"

#include <utility>

namespace machikado {

BackgroundWriter::BackgroundWriter(Keep keep, size_t max_queue)
    : keep_(keep), max_queue_(max_queue < 1 ? 1 : max_queue), thread_([this] { Run(); }) {}

BackgroundWriter::~BackgroundWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void BackgroundWriter::Post(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    const size_t cap = keep_ == Keep::kNewestOnly ? 1 : max_queue_;
    while (queue_.size() >= cap) {
      queue_.pop_front();
      ++dropped_;
      ++done_;
    }
    queue_.push_back(std::move(job));
    ++posted_;
  }
  cv_.notify_all();
}

void BackgroundWriter::Flush() {
  std::unique_lock<std::mutex> lock(mu_);
  const uint64_t target = posted_;
  cv_.wait(lock, [&] { return done_ >= target; });
}

uint64_t BackgroundWriter::dropped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_;
}

void BackgroundWriter::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) break;  // stopping with nothing left
    std::function<void()> job = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    job();
    lock.lock();
    ++done_;
    cv_.notify_all();
  }
}

}  // namespace machikado
