#include "schedule/rotation.h"

#include <gtest/gtest.h>

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

// Drives a Rotation with a FakeClock.
class RotationTest : public ::testing::Test {
 protected:
  Now now() const { return Now::From(clock_); }
  void Update(std::vector<feed::Item> items) { rotation_.Update(std::move(items), now()); }
  bool Tick() { return rotation_.Tick(now()); }
  void Advance(int64_t ms) {
    clock_.advance_ms(ms);
    Tick();
  }
  std::string CurrentId() const {
    auto c = rotation_.Current(now());
    return c ? c->slide.key.id : "";
  }
  // Runs `ms` of time in 100 ms frames; returns the ids in the order they became current.
  std::vector<std::string> Run(int64_t ms) {
    std::vector<std::string> shown;
    for (int64_t t = 0; t < ms; t += 100) {
      clock_.advance_ms(100);
      if (Tick()) shown.push_back(CurrentId());
    }
    return shown;
  }

  FakeClock clock_;
  Rotation rotation_;
};

TEST_F(RotationTest, EmptyRotationHasNoSlide) {
  Update({});
  EXPECT_FALSE(rotation_.Current(now()).has_value());
  EXPECT_FALSE(rotation_.Next(now()).has_value());
  EXPECT_FALSE(Tick());
}

TEST_F(RotationTest, StartsWithFirstPlannedSlideAndAdvancesAfterItsDuration) {
  Update({News("n1"), News("n2")});
  auto c = rotation_.Current(now());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->slide.key.id, "n1");
  EXPECT_EQ(c->slide.duration_ms, 10000);
  EXPECT_EQ(c->position, 1);
  EXPECT_EQ(c->count, 2);
  EXPECT_EQ(c->cycle, 1u);
  Advance(9999);
  EXPECT_EQ(CurrentId(), "n1");
  Advance(1);
  EXPECT_EQ(CurrentId(), "n2");
  EXPECT_EQ(rotation_.Current(now())->position, 2);
  Advance(10000);
  EXPECT_EQ(CurrentId(), "n1");
  EXPECT_EQ(rotation_.Current(now())->cycle, 2u);
}

TEST_F(RotationTest, ProgressAndCrossfadeFollowTheClock) {
  Update({News("n1"), News("n2")});
  const int64_t start = clock_.monotonic_ms();
  clock_.advance_ms(5000);
  auto c = rotation_.Current(now());
  EXPECT_DOUBLE_EQ(c->progress, 0.5);
  EXPECT_EQ(c->ends_ms, start + 10000);
  EXPECT_EQ(c->fade_starts_ms, start + 9200);  // 0.8 s crossfade by default
  EXPECT_EQ(c->fade, 0);
  clock_.advance_ms(4600);  // 9.6 s: halfway through the fade
  EXPECT_DOUBLE_EQ(rotation_.Current(now())->fade, 0.5);
  EXPECT_EQ(rotation_.Next(now())->key.id, "n2");
}

TEST_F(RotationTest, ItemDurationOverridesKindDefault) {
  auto quick = News("quick");
  quick.duration_s = 4;
  Update({quick, Prep("p")});
  Advance(4000);
  EXPECT_EQ(CurrentId(), "p");
  Advance(11999);
  EXPECT_EQ(CurrentId(), "p");
  Advance(1);
  EXPECT_EQ(CurrentId(), "quick");
}

TEST_F(RotationTest, NextIsWhatTickAdvancesToOverSeveralCycles) {
  Update({News("n1", 80), News("n2"), Prep("p1"), Project("j1"), Alert("a", 3)});
  for (int i = 0; i < 30; ++i) {
    auto expected = rotation_.Next(now());
    ASSERT_TRUE(expected.has_value());
    auto c = rotation_.Current(now());
    clock_.advance_ms(c->ends_ms - clock_.monotonic_ms());
    ASSERT_TRUE(Tick());
    EXPECT_EQ(rotation_.Current(now())->slide.key, expected->key) << "at slide " << i;
  }
}

TEST_F(RotationTest, FollowsPlanAtOrder) {
  std::vector<feed::Item> items = {News("n1"), News("n2", 75), Prep("p1"), Project("j1"),
                                   Alert("a", 2)};
  Update(items);
  auto plan = PlanAt(items, {}, WallTime::Trusted(kT0));
  std::vector<std::string> expected;
  for (const auto& s : plan) expected.push_back(s.key.id);
  std::vector<std::string> seen = {CurrentId()};
  for (auto id : Run(CycleDurationMs(plan) - 100)) seen.push_back(id);
  EXPECT_EQ(seen, expected);
}

TEST_F(RotationTest, MissedTicksAreCaughtUpSlideBySlide) {
  std::vector<feed::Item> items = {News("n1"), Prep("p1"), Project("j1"), News("n2")};
  Rotation frequent;
  frequent.Update(items, now());
  Update(items);
  const Now start = now();
  for (int i = 1; i <= 350; ++i) frequent.Tick(Now{start.mono_ms + i * 100, start.wall});
  clock_.advance_ms(35000);
  Tick();  // one tick after 35 s
  auto a = frequent.Current(now());
  auto b = rotation_.Current(now());
  EXPECT_EQ(a->slide.key, b->slide.key);
  EXPECT_EQ(a->started_ms, b->started_ms);
}

TEST_F(RotationTest, MergeKeepsCurrentSlideItsStartAndPosition) {
  Update({News("n1"), News("n2"), News("n3")});
  Advance(10000);
  ASSERT_EQ(CurrentId(), "n2");
  const auto before = *rotation_.Current(now());
  clock_.advance_ms(3000);
  auto changed = News("n2");
  changed.title = testing::Txt({{"ja", "更新された見出し"}});
  Update({News("n1"), changed, News("n3"), News("n4")});
  auto after = rotation_.Current(now());
  EXPECT_EQ(after->slide.key.id, "n2");
  EXPECT_EQ(after->started_ms, before.started_ms);
  EXPECT_EQ(after->position, 2);
  EXPECT_EQ(after->count, 4);
  EXPECT_EQ(after->cycle, 1u);
  EXPECT_EQ(rotation_.Find(after->slide.key)->title.plain(), "更新された見出し");
  // The rest of the cycle continues from there, with the new item in it.
  EXPECT_EQ(Run(30000), (std::vector<std::string>{"n3", "n4", "n1"}));
}

TEST_F(RotationTest, IdenticalSnapshotChangesNothing) {
  std::vector<feed::Item> items = {News("n1"), Prep("p1"), Project("j1")};
  Update(items);
  Advance(10000);
  const auto before = *rotation_.Current(now());
  Update(items);
  const auto after = *rotation_.Current(now());
  EXPECT_EQ(after.slide, before.slide);
  EXPECT_EQ(after.started_ms, before.started_ms);
  EXPECT_EQ(after.position, before.position);
  EXPECT_EQ(after.cycle, before.cycle);
}

TEST_F(RotationTest, RunningSlideKeepsItsDurationWhenItemChangesIt) {
  Update({News("n1"), News("n2")});
  clock_.advance_ms(2000);
  auto shorter = News("n1");
  shorter.duration_s = 3;
  Update({shorter, News("n2")});
  EXPECT_EQ(rotation_.Current(now())->slide.duration_ms, 10000);
  Advance(7999);
  EXPECT_EQ(CurrentId(), "n1");
  Advance(1);
  EXPECT_EQ(CurrentId(), "n2");
  Advance(10000);
  EXPECT_EQ(rotation_.Current(now())->slide.duration_ms, 3000);  // next time it has its new time
}

TEST_F(RotationTest, NewAlertIsShownRightAfterCurrentSlide) {
  Update({News("n1"), News("n2"), News("n3")});
  Advance(10000);
  ASSERT_EQ(CurrentId(), "n2");
  Update({News("n1"), News("n2"), News("n3"), Alert("a", 3)});
  EXPECT_EQ(CurrentId(), "n2");
  EXPECT_EQ(rotation_.Next(now())->key.id, "a");
  // …and then first in the next cycle, as always.
  EXPECT_EQ(Run(10000 + 15000 + 10000 + 100), (std::vector<std::string>{"a", "n3", "a"}));
}

TEST_F(RotationTest, WithdrawnCurrentItemLeavesAtOnce) {
  Update({News("n1"), News("n2"), News("n3")});
  clock_.advance_ms(4000);
  Update({News("n2"), News("n3")});
  auto c = rotation_.Current(now());
  EXPECT_EQ(c->slide.key.id, "n2");
  EXPECT_EQ(c->started_ms, clock_.monotonic_ms());
  EXPECT_EQ(c->position, 1);
  EXPECT_EQ(c->count, 2);
}

TEST_F(RotationTest, WithdrawnLastItemOfCycleStartsNextCycle) {
  Update({News("n1"), News("n2")});
  Advance(10000);
  ASSERT_EQ(CurrentId(), "n2");
  Update({News("n1")});
  EXPECT_EQ(CurrentId(), "n1");
  EXPECT_EQ(rotation_.Current(now())->cycle, 2u);
}

TEST_F(RotationTest, WithdrawingEverythingEmptiesTheRotation) {
  Update({News("n1")});
  Update({});
  EXPECT_FALSE(rotation_.Current(now()).has_value());
  Update({News("n9")});
  EXPECT_EQ(CurrentId(), "n9");
}

TEST_F(RotationTest, WithdrawnUpcomingItemIsSkipped) {
  Update({News("n1"), News("n2"), News("n3")});
  Update({News("n1"), News("n3")});
  EXPECT_EQ(Run(10000), (std::vector<std::string>{"n3"}));
}

TEST_F(RotationTest, ExpiredAlertLeavesWithoutNewSnapshot) {
  auto a = Alert("a", 3);
  a.alert.expires = kT0 + 5;
  Update({a, News("n1")});
  ASSERT_EQ(CurrentId(), "a");
  clock_.advance_ms(4900);
  EXPECT_FALSE(Tick());
  clock_.advance_ms(100);  // wall clock reaches `expires`; the feed is never fetched again
  EXPECT_TRUE(Tick());
  EXPECT_EQ(CurrentId(), "n1");
  // The cached snapshot still holds the alert, but it never comes back.
  EXPECT_EQ(Run(30000), (std::vector<std::string>{"n1", "n1", "n1"}));
}

TEST_F(RotationTest, ItemThatBecomesValidLaterJoinsAndEmptyRotationWakesUp) {
  auto later = News("later");
  later.valid_from = kT0 + 60;
  Update({later});
  EXPECT_FALSE(rotation_.Current(now()).has_value());
  clock_.advance_s(59);
  EXPECT_FALSE(Tick());
  clock_.advance_s(1);
  EXPECT_TRUE(Tick());
  EXPECT_EQ(CurrentId(), "later");
}

TEST_F(RotationTest, AlertRaisedToTakeoverLeavesTheRotation) {
  Update({Alert("a", 3), News("n1")});
  ASSERT_EQ(CurrentId(), "a");
  Update({Alert("a", 4), News("n1")});
  EXPECT_EQ(CurrentId(), "n1");
}

TEST_F(RotationTest, AlertLoweredBelowTakeoverComesRightAfterCurrentSlide) {
  Update({Alert("a", 4), News("n1"), News("n2"), News("n3")});
  Advance(10000);
  ASSERT_EQ(CurrentId(), "n2");
  Update({Alert("a", 3), News("n1"), News("n2"), News("n3")});
  EXPECT_EQ(CurrentId(), "n2");
  EXPECT_EQ(rotation_.Next(now())->key.id, "a");
}

TEST_F(RotationTest, WithdrawnCurrentItemLeavesAlsoWhilePaused) {
  Update({News("n1"), News("n2")});
  rotation_.Pause(now());
  clock_.advance_ms(3000);
  Update({News("n2")});
  EXPECT_EQ(CurrentId(), "n2");
  EXPECT_TRUE(rotation_.paused());
  Advance(60000);
  EXPECT_EQ(CurrentId(), "n2");
  EXPECT_DOUBLE_EQ(rotation_.Current(now())->progress, 0.0);
}

TEST_F(RotationTest, SameIdFromAnotherFeedIsAnotherItem) {
  auto ward = testing::MakeItem("event-1", feed::Kind::kNews, 50, "ward");
  auto center = testing::MakeItem("event-1", feed::Kind::kNews, 50, "center");
  Update({ward, center});
  ASSERT_EQ(rotation_.Current(now())->slide.key.feed_id, "center");
  Update({center});  // the ward withdrew its item of the same id
  EXPECT_EQ(rotation_.Current(now())->slide.key.feed_id, "center");
  EXPECT_EQ(rotation_.Current(now())->count, 1);
}

TEST_F(RotationTest, TestItemsNeverRotateAndExerciseIsFlagged) {
  auto test = News("test");
  test.status = feed::ItemStatus::kTest;
  auto drill = Alert("drill", 3);
  drill.status = feed::ItemStatus::kExercise;
  Update({test, drill, News("n1")});
  ASSERT_EQ(CurrentId(), "drill");
  EXPECT_TRUE(rotation_.Current(now())->slide.exercise);
  EXPECT_EQ(Run(60000), (std::vector<std::string>{"n1", "drill", "n1", "drill"}));
}

TEST_F(RotationTest, UntrustedClockIn1970StillShowsContent) {
  auto windowed = News("windowed");
  windowed.valid_from = kT0 - 86400;
  windowed.valid_until = kT0 + 86400;
  auto old_alert = Alert("old", 3);
  old_alert.alert.expires = kT0 - 3600;
  clock_.set_wall(0);
  Now boot{clock_.monotonic_ms(), WallTime::Untrusted(clock_.now(), /*newest generated*/ kT0)};
  rotation_.Update({windowed, old_alert}, boot);
  auto c = rotation_.Current(boot);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->slide.key.id, "windowed");
  EXPECT_EQ(c->count, 1);
}

TEST_F(RotationTest, PauseFreezesTheSlideAndResumeContinuesWithTimeLeft) {
  Update({News("n1"), News("n2")});
  clock_.advance_ms(4000);
  rotation_.Pause(now());
  EXPECT_TRUE(rotation_.paused());
  Advance(60000);
  EXPECT_EQ(CurrentId(), "n1");
  EXPECT_DOUBLE_EQ(rotation_.Current(now())->progress, 0.4);
  EXPECT_TRUE(rotation_.Current(now())->paused);
  rotation_.Resume(now());
  Advance(5999);
  EXPECT_EQ(CurrentId(), "n1");
  Advance(1);
  EXPECT_EQ(CurrentId(), "n2");
}

TEST_F(RotationTest, StepMovesAtOnceBothWaysAndWraps) {
  Update({News("n1"), News("n2"), News("n3")});
  clock_.advance_ms(3000);
  rotation_.Step(+1, now());
  EXPECT_EQ(CurrentId(), "n2");
  EXPECT_EQ(rotation_.Current(now())->started_ms, clock_.monotonic_ms());
  rotation_.Step(-1, now());
  EXPECT_EQ(CurrentId(), "n1");
  rotation_.Step(-1, now());
  EXPECT_EQ(CurrentId(), "n3");  // back from the first slide wraps to the last
  rotation_.Step(+1, now());
  EXPECT_EQ(CurrentId(), "n1");
  rotation_.Step(+2, now());
  EXPECT_EQ(CurrentId(), "n3");
  Advance(9999);
  EXPECT_EQ(CurrentId(), "n3");  // a stepped-to slide gets its full time
}

TEST_F(RotationTest, StepWhilePausedStaysPaused) {
  Update({News("n1"), News("n2")});
  rotation_.Pause(now());
  rotation_.Step(+1, now());
  Advance(60000);
  EXPECT_EQ(CurrentId(), "n2");
  EXPECT_DOUBLE_EQ(rotation_.Current(now())->progress, 0.0);
}

TEST_F(RotationTest, KindFilterBrowsesOneKind) {
  Update({News("n1"), Prep("p1"), News("n2"), Prep("p2"), Project("j1")});
  ASSERT_EQ(CurrentId(), "n1");
  rotation_.SetKindFilter(KindMask::Only(feed::Kind::kPreparedness), now());
  EXPECT_EQ(CurrentId(), "p1");
  EXPECT_EQ(rotation_.Current(now())->count, 2);
  EXPECT_EQ(Run(36000), (std::vector<std::string>{"p2", "p1", "p2"}));
}

TEST_F(RotationTest, KindFilterKeepsCurrentSlideWhenItsKindStaysIn) {
  Update({News("n1"), Prep("p1"), News("n2"), Project("j1")});
  const auto before = *rotation_.Current(now());
  clock_.advance_ms(2000);
  rotation_.SetKindFilter(KindMask::Only(feed::Kind::kNews), now());
  EXPECT_EQ(rotation_.Current(now())->started_ms, before.started_ms);
  rotation_.SetKindFilter(KindMask::All(), now());
  EXPECT_EQ(CurrentId(), "n1");
  EXPECT_EQ(rotation_.Current(now())->started_ms, before.started_ms);
  EXPECT_EQ(rotation_.Current(now())->count, 4);
}

TEST_F(RotationTest, FairMixOverManyCycles) {
  std::vector<feed::Item> items;
  for (int i = 0; i < 12; ++i) items.push_back(News("n" + std::to_string(i), i == 0 ? 95 : 50));
  for (int i = 0; i < 8; ++i) items.push_back(Prep("p" + std::to_string(i), i == 0 ? 75 : 50));
  for (int i = 0; i < 3; ++i) items.push_back(Project("j" + std::to_string(i), 10));
  items.push_back(Alert("a", 2));
  Update(items);

  std::map<std::string, int> per_item;
  std::map<feed::Kind, int> per_kind;
  int64_t last_project_ms = -1;
  int64_t longest_project_gap_ms = 0;
  const int64_t start = clock_.monotonic_ms();
  uint64_t cycles = 0;
  while (cycles < 20) {
    auto c = *rotation_.Current(now());
    ++per_item[c.slide.key.id];
    ++per_kind[c.slide.kind];
    if (c.slide.kind == feed::Kind::kProject) {
      if (last_project_ms >= 0)
        longest_project_gap_ms = std::max(longest_project_gap_ms, c.started_ms - last_project_ms);
      last_project_ms = c.started_ms;
    }
    clock_.advance_ms(c.ends_ms - clock_.monotonic_ms());
    Tick();
    cycles = rotation_.Current(now())->cycle - 1;
  }
  // Every item every cycle, as often as its priority asks; every kind shown.
  EXPECT_EQ(per_item["n0"], 60);
  EXPECT_EQ(per_item["p0"], 40);
  EXPECT_EQ(per_item["n5"], 20);
  EXPECT_EQ(per_item["j2"], 20);
  EXPECT_EQ(per_item["a"], 20);
  EXPECT_EQ(per_kind[feed::Kind::kNews], 20 * 14);
  EXPECT_EQ(per_kind[feed::Kind::kPreparedness], 20 * 9);
  EXPECT_EQ(per_kind[feed::Kind::kProject], 20 * 3);
  // The smallest, lowest-priority kind (3 of 27 slides) is spread out: never away for more than
  // about a third of a cycle plus a slide, not bunched together.
  const int64_t cycle_ms = (clock_.monotonic_ms() - start) / 20;
  EXPECT_LT(longest_project_gap_ms, cycle_ms / 3 + 15000);
}

}  // namespace
}  // namespace machikado::schedule
