// FilePublisher: keeps one file (e.g. the Prometheus textfile) equal to the newest content handed
// to it, written atomically on its own thread, so the render loop never waits on the disk.
// Intermediate contents are skipped when the disk is slower than the updates (the newest wins).
// Thread-safe.
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

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
  void Run();

  const std::string path_;
  FileSystem& fs_;
  Log& log_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::optional<std::string> pending_;
  bool busy_ = false;
  bool stop_ = false;
  uint64_t written_ = 0;
  uint64_t failed_ = 0;
  std::thread thread_;
};

}  // namespace machikado::ops
