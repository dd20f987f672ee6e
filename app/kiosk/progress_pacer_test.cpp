#include "kiosk/progress_pacer.h"

#include <gtest/gtest.h>

#include <limits>

namespace machikado::kiosk {
namespace {

TEST(ProgressPacerTest, StartsAtItsFloor) {
  EXPECT_EQ(ProgressPacer(1000).interval_ms(), 1000);
  EXPECT_EQ(ProgressPacer(100).interval_ms(), 100);
}

TEST(ProgressPacerTest, CheapFramesKeepTheFloor) {
  ProgressPacer software(1000);
  software.AddFrameCost(2.0);  // SDL's software renderer into an X11 framebuffer
  EXPECT_EQ(software.interval_ms(), 1000);
  ProgressPacer gpu(100);
  gpu.AddFrameCost(0.2);  // a real GPU
  EXPECT_EQ(gpu.interval_ms(), 100);
}

TEST(ProgressPacerTest, CostlyFramesComeLessOftenWithinTheBudget) {
  ProgressPacer llvmpipe(100);
  llvmpipe.AddFrameCost(20.0);              // OpenGL emulated on the CPU
  EXPECT_EQ(llvmpipe.interval_ms(), 8000);  // 20 ms every 8 s = 0.25 % of a core
  ProgressPacer huge(1000);
  huge.AddFrameCost(500.0);
  EXPECT_EQ(huge.interval_ms(), 10000);  // never slower than the ceiling
}

TEST(ProgressPacerTest, OneSlowFrameMovesTheAverageOnlyAnEighth) {
  ProgressPacer p(100);
  for (int i = 0; i < 20; ++i) p.AddFrameCost(1.0);
  p.AddFrameCost(81.0);
  EXPECT_DOUBLE_EQ(p.frame_cost_ms(), 11.0);
  EXPECT_EQ(p.interval_ms(), 4400);
  for (int i = 0; i < 40; ++i) p.AddFrameCost(1.0);
  EXPECT_LT(p.interval_ms(), 500);
}

TEST(ProgressPacerTest, IgnoresNonsense) {
  ProgressPacer p(1000);
  p.AddFrameCost(-1.0);
  p.AddFrameCost(std::numeric_limits<double>::quiet_NaN());
  p.AddFrameCost(std::numeric_limits<double>::infinity());
  EXPECT_EQ(p.interval_ms(), 1000);
}

}  // namespace
}  // namespace machikado::kiosk
