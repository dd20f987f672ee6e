// PlayLog: proof of play — a size-bounded, rotating JSONL log of what was shown when.
// One line per finished showing: {"item","kind","feed","start","seconds","lang","mode","status"}.
// Files: <dir>/play.jsonl, rotated to play.1.jsonl … play.<keep>.jsonl when the current one passes
// max_bytes, so the total stays under (keep + 1) × max_bytes.
// Record() never touches the disk: lines go to a bounded queue written by the log's own thread, so
// the render loop never waits. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"

namespace machikado::ops {

struct PlayRecord {
  std::string item_id;
  std::string kind;  // news | preparedness | alert | project
  std::string feed;  // feed id
  UnixSeconds start = 0;
  double seconds = 0;
  std::string lang;    // language shown
  std::string mode;    // rotation | detail | emergency
  std::string status;  // actual | exercise
};

struct PlayLogOptions {
  std::string dir;                       // usually <state-dir>/play
  uint64_t max_bytes = 4 * 1024 * 1024;  // per file before rotation
  int keep = 7;                          // rotated files kept
  size_t max_queue = 4096;  // records waiting for the writer; beyond it the oldest are dropped
};

std::string PlayRecordToJson(const PlayRecord& r);

class PlayLog {
 public:
  explicit PlayLog(PlayLogOptions options);
  ~PlayLog();  // flushes the queue and joins
  PlayLog(const PlayLog&) = delete;
  PlayLog& operator=(const PlayLog&) = delete;

  void Record(PlayRecord record);
  // Blocks until everything recorded so far is on disk (tests, shutdown).
  void Flush();
  uint64_t dropped() const;
  uint64_t write_errors() const;

 private:
  void Run();
  void WriteLine(const std::string& line);

  PlayLogOptions options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable drained_;
  std::deque<std::string> queue_;
  bool stop_ = false;
  bool writing_ = false;
  uint64_t dropped_ = 0;
  uint64_t write_errors_ = 0;
  std::thread thread_;
};

}  // namespace machikado::ops
