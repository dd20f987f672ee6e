// BackgroundWriter: the one shape of the kiosk's disk writers (proof of play, the metrics file,
// the status file): a caller hands over a job and returns at once; the writer's own thread runs
// the jobs in order, so the render loop never waits on the disk. Two ways to keep jobs:
// - kEveryJob: every job runs (a log); past `max_queue` waiting jobs the oldest is dropped.
// - kNewestOnly: a file that must equal the newest content; a job still waiting is replaced.
// Flush waits until every job handed over so far has run (or was replaced/dropped). The destructor
// runs what is waiting, then joins. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace machikado {

class BackgroundWriter {
 public:
  enum class Keep { kEveryJob, kNewestOnly };
  explicit BackgroundWriter(Keep keep, size_t max_queue = 4096);
  ~BackgroundWriter();
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  void Post(std::function<void()> job);
  void Flush();
  uint64_t dropped() const;  // jobs dropped or replaced before they ran

 private:
  void Run();

  const Keep keep_;
  const size_t max_queue_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  uint64_t posted_ = 0;  // jobs handed over
  uint64_t done_ = 0;    // jobs run, dropped or replaced, in order
  uint64_t dropped_ = 0;
  bool stop_ = false;
  std::thread thread_;  // last: starts when everything above is ready
};

}  // namespace machikado
