// PlayLog: proof of play — a size-bounded, rotating JSONL log of what was shown when.
// One line per finished showing: {"item","kind","feed","start","seconds","lang","mode","status"}.
// Files: <dir>/play.jsonl, rotated to play.1.jsonl … play.<keep>.jsonl when the current one passes
// max_bytes, so the total stays under (keep + 1) × max_bytes.
// Record() never touches the disk: lines go to a BackgroundWriter (core/background_writer.h) that
// writes through the FileSystem, so the render loop never waits and tests can fill the disk.
// A failed write (ENOSPC) loses that line, is counted and the log carries on. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "core/background_writer.h"
#include "core/clock.h"
#include "core/file_system.h"
#include "feed/model.h"
#include "schedule/mode.h"

namespace machikado::ops {

struct PlayRecord {
  std::string item_id;
  feed::Kind kind = feed::Kind::kNews;
  std::string feed;  // feed id
  UnixSeconds start = 0;
  double seconds = 0;
  std::string lang;                                     // language shown
  schedule::Mode mode = schedule::Mode::kRotation;      // rotation | detail | emergency
  feed::ItemStatus status = feed::ItemStatus::kActual;  // actual | exercise
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
  // `fs` must outlive the log.
  PlayLog(PlayLogOptions options, FileSystem& fs);
  ~PlayLog() = default;  // writes what is queued
  PlayLog(const PlayLog&) = delete;
  PlayLog& operator=(const PlayLog&) = delete;

  void Record(PlayRecord record);
  // Blocks until everything recorded so far is on disk (tests, shutdown).
  void Flush();
  uint64_t dropped() const;
  uint64_t write_errors() const;

 private:
  void WriteLine(const std::string& line);

  const PlayLogOptions options_;
  FileSystem& fs_;
  std::atomic<uint64_t> write_errors_{0};
  BackgroundWriter writer_;  // last: its thread uses the members above
};

}  // namespace machikado::ops
