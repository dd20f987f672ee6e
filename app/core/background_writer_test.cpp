// BackgroundWriter: order, Flush, the two ways of keeping jobs, and the destructor running what is
// waiting. Jobs block on a latch the test opens, so nothing depends on timing.
#include "core/background_writer.h"

#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

namespace machikado {
namespace {

TEST(BackgroundWriter, RunsEveryJobInOrderAndFlushWaitsForThem) {
  std::vector<int> ran;  // written by the writer thread only; read after Flush
  BackgroundWriter w(BackgroundWriter::Keep::kEveryJob);
  for (int i = 0; i < 100; ++i) w.Post([&ran, i] { ran.push_back(i); });
  w.Flush();
  ASSERT_EQ(ran.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(ran[i], i);
  EXPECT_EQ(w.dropped(), 0u);
}

TEST(BackgroundWriter, NewestOnlyReplacesAWaitingJob) {
  std::promise<void> open;
  std::shared_future<void> gate = open.get_future().share();
  std::vector<std::string> ran;
  BackgroundWriter w(BackgroundWriter::Keep::kNewestOnly);
  w.Post([gate, &ran] {
    gate.wait();  // the writer is busy with the first job …
    ran.push_back("first");
  });
  // … while three more arrive: only the newest of them is still waiting when it is free.
  // (The first may not have started yet; then it is replaced too, and "c" alone runs.)
  for (const char* s : {"a", "b", "c"}) w.Post([&ran, s] { ran.push_back(s); });
  open.set_value();
  w.Flush();
  ASSERT_FALSE(ran.empty());
  EXPECT_EQ(ran.back(), "c");
  EXPECT_LE(ran.size(), 2u);
  EXPECT_EQ(w.dropped() + ran.size(), 4u);
}

TEST(BackgroundWriter, EveryJobDropsTheOldestPastItsQueue) {
  std::promise<void> open;
  std::shared_future<void> gate = open.get_future().share();
  std::promise<void> started;
  std::vector<int> ran;
  BackgroundWriter w(BackgroundWriter::Keep::kEveryJob, /*max_queue=*/2);
  w.Post([gate, &started, &ran] {
    started.set_value();
    gate.wait();
    ran.push_back(0);
  });
  started.get_future().wait();  // job 0 is running: the queue is empty
  for (int i = 1; i <= 4; ++i) w.Post([&ran, i] { ran.push_back(i); });
  open.set_value();
  w.Flush();
  EXPECT_EQ(ran, (std::vector<int>{0, 3, 4}));
  EXPECT_EQ(w.dropped(), 2u);
}

TEST(BackgroundWriter, TheDestructorRunsWhatIsWaiting) {
  int ran = 0;
  {
    BackgroundWriter w(BackgroundWriter::Keep::kEveryJob);
    for (int i = 0; i < 10; ++i) w.Post([&ran] { ++ran; });
  }
  EXPECT_EQ(ran, 10);
}

}  // namespace
}  // namespace machikado
