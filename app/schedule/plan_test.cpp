#include "schedule/plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "schedule/testing_items.h"

namespace machikado::schedule {
namespace {

using testing::Alert;
using testing::kT0;
using testing::News;
using testing::Prep;
using testing::Project;

const WallTime kNow = WallTime::Trusted(kT0);

std::vector<std::string> Ids(const std::vector<Slide>& plan) {
  std::vector<std::string> out;
  for (const auto& s : plan) out.push_back(s.key.id);
  return out;
}

// A lobby-sized mix like the demo feeds: 12 news, 8 preparedness, 8 project.
std::vector<feed::Item> DemoLike() {
  std::vector<feed::Item> items;
  for (int i = 0; i < 12; ++i) items.push_back(News("n" + std::to_string(i)));
  for (int i = 0; i < 8; ++i) items.push_back(Prep("p" + std::to_string(i)));
  for (int i = 0; i < 8; ++i) items.push_back(Project("j" + std::to_string(i)));
  return items;
}

TEST(Plan, BannerAlertsComeFirstByLevelThenLatestIssued) {
  std::vector<feed::Item> items = {News("n"), Alert("l2", 2, kT0 - 100),
                                   Alert("l3old", 3, kT0 - 500), Alert("l3new", 3, kT0 - 50),
                                   Alert("nolevel", std::nullopt)};
  EXPECT_EQ(Ids(PlanAt(items, {}, kNow)),
            (std::vector<std::string>{"l3new", "l3old", "l2", "nolevel", "n"}));
}

TEST(Plan, ActualAlertComesBeforeExerciseOfHigherLevel) {
  auto drill = Alert("drill", 3);
  drill.status = feed::ItemStatus::kExercise;
  std::vector<feed::Item> items = {drill, Alert("real", 2)};
  auto plan = PlanAt(items, {}, kNow);
  EXPECT_EQ(Ids(plan), (std::vector<std::string>{"real", "drill"}));
  EXPECT_FALSE(plan[0].exercise);
  EXPECT_TRUE(plan[1].exercise);
}

TEST(Plan, TakeoverAlertsAreNotSlides) {
  auto forced = Alert("forced", 2);
  forced.alert.takeover = true;
  std::vector<feed::Item> items = {Alert("l4", 4), Alert("l5", 5), forced, News("n")};
  EXPECT_EQ(Ids(PlanAt(items, {}, kNow)), (std::vector<std::string>{"n"}));
}

TEST(Plan, TestItemsAreNotSlidesOutsidePreview) {
  auto test = News("test");
  test.status = feed::ItemStatus::kTest;
  std::vector<feed::Item> items = {test, News("real")};
  EXPECT_EQ(Ids(PlanAt(items, {}, kNow)), (std::vector<std::string>{"real"}));
  ScheduleConfig preview;
  preview.preview = true;
  EXPECT_EQ(PlanAt(items, preview, kNow).size(), 2u);
}

TEST(Plan, HigherPriorityFirstWithinKindThenNewestPublished) {
  auto older = News("older", 60);
  older.published = kT0 - 1000;
  auto newer = News("newer", 60);
  newer.published = kT0 - 10;
  std::vector<feed::Item> items = {News("low", 10), older, News("unpublished", 60), newer};
  EXPECT_EQ(Ids(PlanAt(items, {}, kNow)),
            (std::vector<std::string>{"newer", "older", "unpublished", "low"}));
}

TEST(Plan, KindsAreInterleavedNotClustered) {
  auto plan = PlanAt(DemoLike(), {}, kNow);
  ASSERT_EQ(plan.size(), 28u);
  size_t run = 1, longest = 1;
  for (size_t i = 1; i < plan.size(); ++i) {
    run = plan[i].kind == plan[i - 1].kind ? run + 1 : 1;
    longest = std::max(longest, run);
  }
  EXPECT_LE(longest, 2u);
  // Each kind shows up in the first quarter of the cycle.
  for (auto kind : {feed::Kind::kNews, feed::Kind::kPreparedness, feed::Kind::kProject})
    EXPECT_TRUE(std::any_of(plan.begin(), plan.begin() + 7,
                            [&](const Slide& s) { return s.kind == kind; }));
}

TEST(Plan, SmallKindIsSpreadAcrossTheCycle) {
  std::vector<feed::Item> items;
  for (int i = 0; i < 9; ++i) items.push_back(News("n" + std::to_string(i)));
  items.push_back(Project("j0"));
  items.push_back(Project("j1"));
  auto ids = Ids(PlanAt(items, {}, kNow));
  auto j0 = std::find(ids.begin(), ids.end(), "j0") - ids.begin();
  auto j1 = std::find(ids.begin(), ids.end(), "j1") - ids.begin();
  EXPECT_GE(j0, 1);
  EXPECT_LE(j0, 4);
  EXPECT_GE(j1, 6);
  EXPECT_LE(j1, 9);
}

TEST(Plan, HighPriorityItemsRepeatWithinTheCycleButNeverBackToBack) {
  std::vector<feed::Item> items = {News("top", 95), News("high", 75), News("a"),   News("b"),
                                   News("c"),       Prep("p"),        Project("j")};
  auto plan = PlanAt(items, {}, kNow);
  std::map<std::string, int> count;
  for (const auto& s : plan) ++count[s.key.id];
  EXPECT_EQ(count["top"], 3);
  EXPECT_EQ(count["high"], 2);
  EXPECT_EQ(count["a"], 1);
  EXPECT_EQ(plan.front().key.id, "top");
  for (size_t i = 1; i < plan.size(); ++i) EXPECT_NE(plan[i].key, plan[i - 1].key);
  EXPECT_NE(plan.front().key, plan.back().key);
}

TEST(Plan, SingleRepeatedItemIsShownOnce) {
  std::vector<feed::Item> items = {News("only", 100)};
  EXPECT_EQ(Ids(PlanAt(items, {}, kNow)), (std::vector<std::string>{"only"}));
}

TEST(Plan, ItemDurationOverridesKindDefault) {
  auto quick = News("quick");
  quick.duration_s = 5;
  std::vector<feed::Item> items = {quick, News("n"), Prep("p"), Project("j"), Alert("a", 3)};
  std::map<std::string, int64_t> ms;
  for (const auto& s : PlanAt(items, {}, kNow)) ms[s.key.id] = s.duration_ms;
  EXPECT_EQ(ms["quick"], 5000);
  EXPECT_EQ(ms["n"], 10000);
  EXPECT_EQ(ms["p"], 12000);
  EXPECT_EQ(ms["j"], 12000);
  EXPECT_EQ(ms["a"], 15000);
}

TEST(Plan, DurationsAreClampedToFeedRange) {
  ScheduleConfig c;
  c.news_s = 1;
  auto longer = Prep("long");
  longer.duration_s = 1000;
  EXPECT_EQ(SlideDurationMs(News("n"), c), 3000);
  EXPECT_EQ(SlideDurationMs(longer, c), 300000);
}

TEST(Plan, SoakFixedSlideTimeOverridesKindAndItemDurations) {
  ScheduleConfig c;
  c.fixed_slide_ms = 50;
  feed::Item own = Prep("p");
  own.duration_s = 20;
  EXPECT_EQ(SlideDurationMs(News("n"), c), 50);
  EXPECT_EQ(SlideDurationMs(own, c), 50);
}

TEST(Plan, IsDeterministicAndIndependentOfFeedOrder) {
  auto items = DemoLike();
  items.push_back(Alert("a", 3));
  auto first = PlanAt(items, {}, kNow);
  EXPECT_EQ(PlanAt(items, {}, kNow), first);
  std::reverse(items.begin(), items.end());
  EXPECT_EQ(PlanAt(items, {}, kNow), first);
}

TEST(Plan, KindFilterKeepsOnlyThoseKinds) {
  auto items = DemoLike();
  items.push_back(Alert("a", 3));
  auto plan = PlanAt(items, {}, kNow, KindMask::Only(feed::Kind::kPreparedness));
  ASSERT_EQ(plan.size(), 8u);
  for (const auto& s : plan) EXPECT_EQ(s.kind, feed::Kind::kPreparedness);
}

TEST(Plan, SameIdInTwoFeedsAreTwoSlides) {
  auto a = testing::MakeItem("event-1", feed::Kind::kNews, 50, "ward");
  auto b = testing::MakeItem("event-1", feed::Kind::kNews, 50, "center");
  auto plan = PlanAt({a, b}, {}, kNow);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].key.feed_id, "center");
  EXPECT_EQ(plan[1].key.feed_id, "ward");
}

TEST(Plan, OnlyEligibleItemsAtThatTime) {
  auto later = News("later");
  later.valid_from = kT0 + 3600;
  std::vector<feed::Item> items = {later, News("now")};
  EXPECT_EQ(Ids(PlanAt(items, {}, kNow)), (std::vector<std::string>{"now"}));
  EXPECT_EQ(PlanAt(items, {}, WallTime::Trusted(kT0 + 3600)).size(), 2u);
}

TEST(Plan, CycleDurationSumsSlides) {
  std::vector<feed::Item> items = {News("n"), Prep("p"), Alert("a", 3)};
  EXPECT_EQ(CycleDurationMs(PlanAt(items, {}, kNow)), 10000 + 12000 + 15000);
}

}  // namespace
}  // namespace machikado::schedule
