#include "schedule/mode.h"

#include <gtest/gtest.h>

namespace machikado::schedule {
namespace {

TEST(Mode, RotationWhenNothingElse) {
  EXPECT_EQ(DecideMode({}), Mode::kRotation);
}

TEST(Mode, EmergencyOverridesQuietHoursAndDetail) {
  EXPECT_EQ(DecideMode({.takeover_active = true, .detail_open = true, .quiet_hours = true}),
            Mode::kEmergency);
}

TEST(Mode, DetailOverQuietHours) {
  EXPECT_EQ(DecideMode({.detail_open = true, .quiet_hours = true}), Mode::kDetail);
}

TEST(Mode, QuietHoursAreIdle) {
  EXPECT_EQ(DecideMode({.quiet_hours = true}), Mode::kIdle);
}

TEST(Mode, NamesMatchStatusFile) {
  EXPECT_EQ(ModeName(Mode::kEmergency), "emergency");
  EXPECT_EQ(ModeName(Mode::kRotation), "rotation");
  EXPECT_EQ(ModeName(Mode::kDetail), "detail");
  EXPECT_EQ(ModeName(Mode::kIdle), "idle");
}

}  // namespace
}  // namespace machikado::schedule
