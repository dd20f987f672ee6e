#include "ops/file_publisher.h"

namespace machikado::ops {

FilePublisher::FilePublisher(std::string path, FileSystem& fs, Log& log)
    : path_(std::move(path)), fs_(fs), log_(log) {
  size_t slash = path_.rfind('/');
  if (slash != std::string::npos && slash > 0) {
    if (Status s = fs_.MakeDirs(path_.substr(0, slash)); !s.ok())
      log_.warn("cannot create the directory of " + path_ + ": " + s.message());
  }
}

FilePublisher::~FilePublisher() {
  writer_.Flush();
}

void FilePublisher::Publish(std::string content) {
  writer_.Post([this, content = std::move(content)] { Write(content); });
}

void FilePublisher::Flush() {
  writer_.Flush();
}

uint64_t FilePublisher::written() const {
  return written_.load();
}

uint64_t FilePublisher::failed() const {
  return failed_.load();
}

void FilePublisher::Write(const std::string& content) {
  Status s = fs_.WriteFileAtomic(path_, content);
  if (!s.ok() && !last_failed_) log_.warn("cannot write " + path_ + ": " + s.message());
  if (s.ok() && last_failed_) log_.info("writing " + path_ + " works again");
  last_failed_ = !s.ok();
  (s.ok() ? written_ : failed_)++;
}

}  // namespace machikado::ops
