// LoginQueue on a fake password check that blocks until the test lets it go: a full queue
// refuses at once without running the check, a waiting login runs when a turn frees, and a check
// that throws gives its turn back.
#include "console/login_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

namespace machikado::console {
namespace {

// A password check that takes as long as the test wants.
class FakeCheck {
 public:
  bool operator()() {
    ++started_;
    return released_.get_future().get();
  }
  void Release(bool answer) { released_.set_value(answer); }
  int started() const { return started_; }

 private:
  std::promise<bool> released_;
  std::atomic<int> started_{0};
};

// Waits (generously) for a condition another thread brings about.
template <typename F>
bool Eventually(F f) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!f()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

TEST(LoginQueue, FullQueueRefusesAtOnceAndWaitingLoginGetsItsTurn) {
  LoginQueue q({.checks = 1, .waiting = 1});
  FakeCheck first, second;
  auto a = std::async(std::launch::async, [&] { return q.Run([&] { return first(); }); });
  ASSERT_TRUE(Eventually([&] { return q.running() == 1; }));
  auto b = std::async(std::launch::async, [&] { return q.Run([&] { return second(); }); });
  ASSERT_TRUE(Eventually([&] { return q.waiting() == 1; }));
  EXPECT_EQ(second.started(), 0);  // waiting, not checking

  bool ran = false;
  std::optional<bool> third = q.Run([&] { return ran = true; });
  EXPECT_FALSE(third.has_value());  // full: refused, the check never ran
  EXPECT_FALSE(ran);
  EXPECT_EQ(q.refused(), 1u);
  EXPECT_GE(q.RetryAfterSeconds(), 1);
  EXPECT_LE(q.RetryAfterSeconds(), 60);

  first.Release(true);
  EXPECT_EQ(a.get(), std::optional<bool>(true));
  ASSERT_TRUE(Eventually([&] { return second.started() == 1; }));
  EXPECT_EQ(q.waiting(), 0);
  second.Release(false);
  EXPECT_EQ(b.get(), std::optional<bool>(false));

  EXPECT_EQ(q.running(), 0);
  EXPECT_EQ(q.Run([] { return true; }), std::optional<bool>(true));  // free again
}

TEST(LoginQueue, WithoutWaitingRoomASecondLoginIsRefused) {
  LoginQueue q({.checks = 1, .waiting = 0});
  FakeCheck first;
  auto a = std::async(std::launch::async, [&] { return q.Run([&] { return first(); }); });
  ASSERT_TRUE(Eventually([&] { return q.running() == 1; }));
  EXPECT_FALSE(q.Run([] { return true; }).has_value());
  first.Release(true);
  EXPECT_TRUE(a.get().value());
}

TEST(LoginQueue, ACheckThatThrowsGivesItsTurnBack) {
  LoginQueue q({.checks = 1, .waiting = 0});
  EXPECT_THROW(q.Run([]() -> bool { throw std::runtime_error("boom"); }), std::runtime_error);
  EXPECT_EQ(q.running(), 0);
  EXPECT_EQ(q.Run([] { return true; }), std::optional<bool>(true));
}

}  // namespace
}  // namespace machikado::console
