#include "console/throttle.h"

#include <gtest/gtest.h>

namespace machikado::console {
namespace {

TEST(LoginThrottle, FiveFailuresAMinutePerNameAndPerAddress) {
  FakeClock clock;
  LoginThrottle t(clock);
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(t.Allowed("sato", "10.0.0.1"));
    t.RecordFailure("sato", "10.0.0.1");
  }
  EXPECT_FALSE(t.Allowed("sato", "10.0.0.2"));  // the name, from elsewhere
  EXPECT_FALSE(t.Allowed("kato", "10.0.0.1"));  // the address, another name
  EXPECT_TRUE(t.Allowed("kato", "10.0.0.2"));
  EXPECT_GT(t.RetryAfterSeconds("sato", "10.0.0.1"), 0);
  clock.advance_s(59);
  EXPECT_FALSE(t.Allowed("sato", "10.0.0.2"));
  clock.advance_s(2);
  EXPECT_TRUE(t.Allowed("sato", "10.0.0.1"));
}

TEST(LoginThrottle, FailuresSpreadOverMinutesAreAllowed) {
  FakeClock clock;
  LoginThrottle t(clock);
  for (int i = 0; i < 20; ++i) {
    EXPECT_TRUE(t.Allowed("sato", "10.0.0.1")) << i;
    t.RecordFailure("sato", "10.0.0.1");
    clock.advance_s(15);
  }
}

TEST(LoginThrottle, MemoryIsBounded) {
  FakeClock clock;
  LoginThrottle t(clock, {5, 60000, 100});
  for (int i = 0; i < 1000; ++i) t.RecordFailure("n" + std::to_string(i), "a" + std::to_string(i));
  EXPECT_TRUE(t.Allowed("n0", "a0"));  // dropped, not remembered forever
}

}  // namespace
}  // namespace machikado::console
