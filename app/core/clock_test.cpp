#include "core/clock.h"

#include <gtest/gtest.h>

namespace machikado {
namespace {

TEST(ShiftedClockTest, JumpsTheWallClockNotTheMonotonicOne) {
  ShiftedClock clock;
  const UnixSeconds before = clock.now();
  const int64_t mono_before = clock.monotonic_ms();
  clock.Jump(6 * 3600);
  EXPECT_GE(clock.now(), before + 6 * 3600);
  EXPECT_LT(clock.now(), before + 7 * 3600);
  clock.Jump(-9 * 3600);
  EXPECT_EQ(clock.offset_s(), -3 * 3600);
  EXPECT_LT(clock.now(), before - 2 * 3600);
  EXPECT_GE(clock.monotonic_ms(), mono_before);  // never backwards, whatever the wall clock does
}

}  // namespace
}  // namespace machikado
