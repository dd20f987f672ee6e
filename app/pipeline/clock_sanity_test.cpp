#include "pipeline/clock_sanity.h"

#include <gtest/gtest.h>

namespace machikado::pipeline {
namespace {

constexpr UnixSeconds kTrue = 1795392000;  // 2026-11-23T00:00:00Z

TEST(ClockSanity, TrustsAPlausibleSystemClockWithoutEvidence) {
  FakeClock clock(kTrue);
  ClockSanity s(clock);
  ClockReport r = s.Report();
  EXPECT_EQ(r.source, TimeSource::kSystem);
  EXPECT_EQ(r.offset_s, 0);
  EXPECT_TRUE(r.trusted);
}

TEST(ClockSanity, SaysNoTrustworthyTimeWhenTheClockIsIn1970AndNothingIsKnown) {
  FakeClock clock(0);
  ClockSanity s(clock);
  ClockReport r = s.Report();
  EXPECT_EQ(r.source, TimeSource::kNone);
  EXPECT_FALSE(r.trusted);
  EXPECT_EQ(TimeSourceName(r.source), "none");
}

TEST(ClockSanity, CorrectsA1970ClockFromTheHttpDate) {
  FakeClock clock(0);
  ClockSanity s(clock);
  s.ObserveHttpDate(kTrue);
  ClockReport r = s.Report();
  EXPECT_EQ(r.source, TimeSource::kHttpDate);
  EXPECT_EQ(r.offset_s, kTrue);
  EXPECT_TRUE(r.trusted);
  CorrectedClock corrected(clock, s);
  EXPECT_EQ(corrected.now(), kTrue);
  clock.advance_s(90);
  EXPECT_EQ(corrected.now(), kTrue + 90);
}

TEST(ClockSanity, IgnoresSmallSkewAndConfirmsTheSystemClock) {
  FakeClock clock(kTrue);
  ClockSanity s(clock);
  s.ObserveHttpDate(kTrue + 100);  // within 5 min
  ClockReport r = s.Report();
  EXPECT_EQ(r.source, TimeSource::kSystem);
  EXPECT_EQ(r.offset_s, 0);
  EXPECT_TRUE(r.trusted);
}

TEST(ClockSanity, CorrectsAClockThatIsYearsAhead) {
  FakeClock clock(kTrue + 3 * 365 * 86400);
  ClockSanity s(clock);
  s.ObserveHttpDate(kTrue);
  EXPECT_EQ(s.Report().offset_s, -3 * 365 * 86400);
  EXPECT_EQ(s.CorrectedNow(), kTrue);
}

TEST(ClockSanity, OneServerWithAWrongClockIsOutvotedByTheMedian) {
  FakeClock clock(kTrue);
  ClockSanity s(clock);
  s.ObserveHttpDate(kTrue);
  s.ObserveHttpDate(kTrue + 86400 * 400);  // a misconfigured server
  s.ObserveHttpDate(kTrue + 1);
  EXPECT_EQ(s.Report().source, TimeSource::kSystem);
}

TEST(ClockSanity, PicksUpALaterNtpCorrectionAtOnce) {
  FakeClock clock(0);
  ClockSanity s(clock);
  s.ObserveHttpDate(kTrue);
  clock.advance_s(30);
  clock.set_wall(kTrue + 30);  // NTP steps the clock
  ClockReport r = s.Report();
  EXPECT_EQ(r.source, TimeSource::kSystem);
  EXPECT_EQ(r.offset_s, 0);
}

TEST(ClockSanity, FeedGeneratedMovesABehindClockUpButIsNotTrusted) {
  FakeClock clock(0);
  ClockSanity s(clock);
  s.ObserveFeedGenerated(kTrue - 3600);
  ClockReport r = s.Report();
  EXPECT_EQ(r.source, TimeSource::kFeedGenerated);
  EXPECT_EQ(r.offset_s, kTrue - 3600);
  EXPECT_FALSE(r.trusted);
}

TEST(ClockSanity, FeedGeneratedInThePastDoesNotOverrideAPlausibleClock) {
  FakeClock clock(kTrue);
  ClockSanity s(clock);
  s.ObserveFeedGenerated(kTrue - 86400 * 30);  // an old cached feed
  EXPECT_EQ(s.Report().source, TimeSource::kSystem);
  EXPECT_TRUE(s.Report().trusted);
}

TEST(ClockSanity, FeedGeneratedFarInTheFutureRevealsAClockThatIsBehind) {
  FakeClock clock(kTrue - 86400);
  ClockSanity s(clock);
  s.ObserveFeedGenerated(kTrue);
  EXPECT_EQ(s.Report().source, TimeSource::kFeedGenerated);
  EXPECT_EQ(s.Report().offset_s, 86400);
}

TEST(ClockSanity, HttpDateOutranksFeedGenerated) {
  FakeClock clock(0);
  ClockSanity s(clock);
  s.ObserveFeedGenerated(kTrue - 3600);
  s.ObserveHttpDate(kTrue);
  EXPECT_EQ(s.Report().source, TimeSource::kHttpDate);
  EXPECT_EQ(s.Report().offset_s, kTrue);
}

}  // namespace
}  // namespace machikado::pipeline
