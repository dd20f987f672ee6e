// FilePublisher: keeps one file (e.g. the Prometheus textfile) equal to the newest content handed
// to it, written atomically by a BackgroundWriter (kNewestOnly), so the render loop never waits on
// the disk. Intermediate contents are skipped when the disk is slower than the updates (the newest
// wins). Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "core/background_writer.h"
#include "core/file_system.h"
#include "core/log.h"

namespace machikado::ops {

class FilePublisher {
 public:
  // `fs` and `log` must outlive the publisher; the file's directory is created when missing.
  FilePublisher(std::string path, FileSystem& fs, Log& log);
  ~FilePublisher();  // writes the pending content, then joins
  FilePublisher(const FilePublisher&) = delete;
  FilePublisher& operator=(const FilePublisher&) = delete;

  void Publish(std::string content);
  // Blocks until everything published so far is written (or failed).
  void Flush();
  uint64_t written() const;
  uint64_t failed() const;

 private:
  void Write(const std::string& content);  // on the writer's thread

  const std::string path_;
  FileSystem& fs_;
  Log& log_;
  bool last_failed_ = false;  // the writer's thread only
  std::atomic<uint64_t> written_{0};
  std::atomic<uint64_t> failed_{0};
  BackgroundWriter writer_{BackgroundWriter::Keep::kNewestOnly};  // last: uses the members above
};

}  // namespace machikado::ops
