#include "ops/file_publisher.h"

namespace machikado::ops {

FilePublisher::FilePublisher(std::string path, FileSystem& fs, Log& log)
    : path_(std::move(path)), fs_(fs), log_(log) {
  size_t slash = path_.rfind('/');
  if (slash != std::string::npos && slash > 0) {
    if (Status s = fs_.MakeDirs(path_.substr(0, slash)); !s.ok())
      log_.warn("cannot create the directory of " + path_ + ": " + s.message());
  }
  thread_ = std::thread([this] { Run(); });
}

FilePublisher::~FilePublisher() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void FilePublisher::Publish(std::string content) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    pending_ = std::move(content);
  }
  cv_.notify_one();
}

void FilePublisher::Flush() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_cv_.wait(lock, [this] { return !pending_ && !busy_; });
}

uint64_t FilePublisher::written() const {
  std::lock_guard<std::mutex> lock(mu_);
  return written_;
}

uint64_t FilePublisher::failed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failed_;
}

void FilePublisher::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  bool last_failed = false;
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || pending_; });
    if (!pending_) break;  // stopping with nothing left
    std::string content = std::move(*pending_);
    pending_.reset();
    busy_ = true;
    lock.unlock();
    Status s = fs_.WriteFileAtomic(path_, content);
    if (!s.ok() && !last_failed) log_.warn("cannot write " + path_ + ": " + s.message());
    if (s.ok() && last_failed) log_.info("writing " + path_ + " works again");
    last_failed = !s.ok();
    lock.lock();
    busy_ = false;
    (s.ok() ? written_ : failed_)++;
    idle_cv_.notify_all();
  }
  idle_cv_.notify_all();
}

}  // namespace machikado::ops
