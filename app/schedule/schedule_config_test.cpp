#include "schedule/schedule_config.h"

#include <gtest/gtest.h>

namespace machikado::schedule {
namespace {

TEST(ScheduleConfig, DefaultsAreTheDocumentedOnes) {
  ScheduleConfig c;
  EXPECT_EQ(c.DefaultDurationS(feed::Kind::kNews), 10);
  EXPECT_EQ(c.DefaultDurationS(feed::Kind::kPreparedness), 12);
  EXPECT_EQ(c.DefaultDurationS(feed::Kind::kProject), 12);
  EXPECT_EQ(c.DefaultDurationS(feed::Kind::kAlert), 15);
  EXPECT_EQ(c.crossfade_ms, 800);
  EXPECT_TRUE(ValidateScheduleConfig(c).ok());
}

TEST(ScheduleConfig, RejectsCrossfadeOverOneSecond) {
  ScheduleConfig c;
  c.crossfade_ms = 1500;
  Status s = ValidateScheduleConfig(c);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("crossfade"), std::string::npos);
}

TEST(ScheduleConfig, RejectsDurationOutsideFeedRange) {
  ScheduleConfig c;
  c.news_s = 2;
  EXPECT_FALSE(ValidateScheduleConfig(c).ok());
}

TEST(ScheduleConfig, RejectsThriceBelowTwice) {
  ScheduleConfig c;
  c.twice_from_priority = 80;
  c.thrice_from_priority = 60;
  EXPECT_FALSE(ValidateScheduleConfig(c).ok());
}

TEST(ScheduleConfig, TakesDistrictAndDurationsFromKioskConfig) {
  config::Config k;
  k.district = "nishi-3";
  k.durations.news_s = 20;
  k.durations.crossfade_ms = 500;
  ScheduleConfig c = ScheduleConfigFrom(k);
  EXPECT_EQ(c.district, "nishi-3");
  EXPECT_EQ(c.news_s, 20);
  EXPECT_EQ(c.crossfade_ms, 500);
  EXPECT_FALSE(ScheduleConfigFrom(config::Config{}).district.has_value());
}

TEST(KindMask, OnlyAndWith) {
  auto m = KindMask::Only(feed::Kind::kNews).With(feed::Kind::kAlert);
  EXPECT_TRUE(m.Has(feed::Kind::kNews));
  EXPECT_TRUE(m.Has(feed::Kind::kAlert));
  EXPECT_FALSE(m.Has(feed::Kind::kProject));
  EXPECT_TRUE(KindMask::All().all());
  EXPECT_TRUE(KindMask::None().empty());
}

}  // namespace
}  // namespace machikado::schedule
