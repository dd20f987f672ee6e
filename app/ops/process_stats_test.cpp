#include "ops/process_stats.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace machikado::ops {
namespace {

TEST(ProcessStatsTest, ReadsKilobytesAsBytesAndCountsAsCounts) {
  const std::string text = "Name:\tmachikado\nVmRSS:\t   51200 kB\nThreads:\t5\n";
  EXPECT_EQ(ProcStatusValue(text, "VmRSS"), 51200 * 1024);
  EXPECT_EQ(ProcStatusValue(text, "Threads"), 5);
  EXPECT_EQ(ProcStatusValue(text, "VmSwap"), -1);
  // A key is matched whole, not as a prefix of another.
  EXPECT_EQ(ProcStatusValue("VmRSSx:\t3 kB\n", "VmRSS"), -1);
}

TEST(ProcessStatsTest, AnOpenedFileIsCountedAndItsCloseToo) {
  const ProcessStats before = ReadProcessStats();
  ASSERT_GT(before.open_fds, 0);
  int fd = ::open("/proc/self/status", O_RDONLY);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(ReadProcessStats().open_fds, before.open_fds + 1);
  ::close(fd);
  EXPECT_EQ(ReadProcessStats().open_fds, before.open_fds);
}

TEST(ProcessStatsTest, AStartedThreadIsCounted) {
  const ProcessStats before = ReadProcessStats();
  ASSERT_GT(before.threads, 0);
  EXPECT_GT(before.rss_bytes, 1024 * 1024);  // read from /proc: at least a megabyte
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::thread t([&] {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done; });
  });
  EXPECT_EQ(ReadProcessStats().threads, before.threads + 1);
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv.notify_all();
  t.join();
}

}  // namespace
}  // namespace machikado::ops
