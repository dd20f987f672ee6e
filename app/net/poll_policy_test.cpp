#include "net/poll_policy.h"

#include <gtest/gtest.h>

#include <set>

namespace machikado::net {
namespace {

PollConfig Config(int interval_s) {
  PollConfig c;
  c.interval_s = interval_s;
  return c;
}

TEST(PollPolicy, RegularDelayIsTheIntervalWithinTenPercent) {
  PollPolicy p(Config(60), 1);
  for (int i = 0; i < 100; ++i) {
    int64_t d = p.OnSuccess(std::nullopt);
    EXPECT_GE(d, 54'000);
    EXPECT_LE(d, 66'000);
  }
}

TEST(PollPolicy, RegularPollsAreNeverMuchLaterThanTheInterval) {
  PollPolicy p(Config(5), 7);
  for (int i = 0; i < 1000; ++i) {
    int64_t d = p.OnSuccess(std::nullopt);
    EXPECT_GE(d, 5000);  // the floor
    EXPECT_LE(d, 5250);  // alert latency: interval + at most 250 ms
  }
}

TEST(PollPolicy, TtlLengthensTheIntervalButNeverShortensIt) {
  PollPolicy longer(Config(60), 1);
  longer.OnSuccess(600);
  EXPECT_EQ(longer.effective_interval_s(), 600);
  PollPolicy shorter(Config(60), 1);
  shorter.OnSuccess(5);
  EXPECT_EQ(shorter.effective_interval_s(), 60);
}

TEST(PollPolicy, TtlLengthensOnlyUpToTheConfiguredMaximum) {
  PollPolicy p(Config(60), 1);
  p.OnSuccess(86400);
  EXPECT_EQ(p.effective_interval_s(), 3600);
}

TEST(PollPolicy, NoDelayIsBelowTheFloor) {
  PollConfig c = Config(1);  // configured below the floor of 5 s
  PollPolicy p(c, 7);
  EXPECT_EQ(p.effective_interval_s(), 5);
  for (int i = 0; i < 200; ++i) {
    EXPECT_GE(p.OnSuccess(std::nullopt), 5000 * 9 / 10);
    EXPECT_GE(p.OnFailure(500, std::nullopt), 5000);
  }
}

TEST(PollPolicy, BackoffCeilingDoublesPerFailureUpToTheCap) {
  PollConfig c = Config(10);
  c.backoff_cap_s = 300;
  PollPolicy p(c, 42);
  int64_t max_seen[12] = {};
  // Many runs of the same failure count: the maximum delay approaches the ceiling 10·2^n s, capped.
  for (int run = 0; run < 300; ++run) {
    p.OnSuccess(std::nullopt);
    for (int n = 1; n <= 10; ++n) {
      int64_t d = p.OnFailure(500, std::nullopt);
      int64_t ceiling = std::min<int64_t>(300'000, 10'000LL << n);
      EXPECT_LE(d, ceiling) << "failure " << n;
      max_seen[n] = std::max(max_seen[n], d);
    }
  }
  EXPECT_GT(max_seen[1], 15'000);
  EXPECT_GT(max_seen[3], 60'000);
  EXPECT_GT(max_seen[10], 250'000);
}

TEST(PollPolicy, FullJitterSpreadsRetries) {
  PollPolicy p(Config(10), 3);
  std::set<int64_t> seen;
  for (int i = 0; i < 50; ++i) {
    p.OnSuccess(std::nullopt);
    p.OnFailure(500, std::nullopt);
    seen.insert(p.OnFailure(500, std::nullopt) / 1000);
  }
  EXPECT_GT(seen.size(), 10u);
}

TEST(PollPolicy, SuccessResetsTheBackoff) {
  PollPolicy p(Config(10), 5);
  for (int i = 0; i < 8; ++i) p.OnFailure(0, std::nullopt);
  EXPECT_EQ(p.consecutive_failures(), 8);
  int64_t d = p.OnSuccess(std::nullopt);
  EXPECT_EQ(p.consecutive_failures(), 0);
  EXPECT_LE(d, 11'000);
}

TEST(PollPolicy, RetryAfterIsHonouredOn429And503) {
  PollPolicy p(Config(10), 5);
  EXPECT_EQ(p.OnFailure(429, 120), 120'000);
  EXPECT_EQ(p.OnFailure(503, 40), 40'000);
}

TEST(PollPolicy, RetryAfterIsIgnoredOnOtherStatuses) {
  PollPolicy p(Config(10), 5);
  EXPECT_LE(p.OnFailure(500, 3000), 20'000);
}

TEST(PollPolicy, RetryAfterIsClampedBetweenFloorAndMaximum) {
  PollPolicy p(Config(10), 5);
  EXPECT_EQ(p.OnFailure(429, 0), 5'000);
  EXPECT_EQ(p.OnFailure(429, 999'999'999), 3'600'000);
}

TEST(PollPolicy, StartJitterIsWithinTheIntervalAndDiffersBetweenKiosks) {
  std::set<int64_t> firsts;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    PollPolicy p(Config(60), seed);
    int64_t d = p.FirstDelayMs();
    EXPECT_GE(d, 0);
    EXPECT_LE(d, 10'000);
    firsts.insert(d);
  }
  EXPECT_GT(firsts.size(), 15u);
  PollPolicy fast(Config(5), 9);
  EXPECT_LE(fast.FirstDelayMs(), 5'000);
}

TEST(PollPolicy, SameSeedGivesSameSchedule) {
  PollPolicy a(Config(30), 77), b(Config(30), 77);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(a.OnFailure(500, std::nullopt), b.OnFailure(500, std::nullopt));
  }
}

TEST(RetryAfter, ParsesDeltaSeconds) {
  EXPECT_EQ(ParseRetryAfter("120", "", 0), 120);
  EXPECT_EQ(ParseRetryAfter(" 7 ", "", 0), 7);
}

TEST(RetryAfter, MeasuresAnHttpDateAgainstTheResponseDate) {
  // The local clock (1970) is wrong; the server's Date is the reference.
  EXPECT_EQ(ParseRetryAfter("Mon, 23 Nov 2026 00:02:00 GMT", "Mon, 23 Nov 2026 00:00:00 GMT", 0),
            120);
}

TEST(RetryAfter, MeasuresAnHttpDateAgainstNowWithoutADateHeader) {
  EXPECT_EQ(ParseRetryAfter("Mon, 23 Nov 2026 00:01:00 GMT", "", 1795392000), 60);
  EXPECT_EQ(ParseRetryAfter("Mon, 23 Nov 2026 00:01:00 GMT", "", 1795392000 + 3600), 0);
}

TEST(RetryAfter, RejectsGarbage) {
  EXPECT_FALSE(ParseRetryAfter("", "", 0));
  EXPECT_FALSE(ParseRetryAfter("soon", "", 0));
  EXPECT_FALSE(ParseRetryAfter("-5", "", 0));
}

}  // namespace
}  // namespace machikado::net
