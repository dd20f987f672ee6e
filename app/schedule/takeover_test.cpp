#include "schedule/takeover.h"

#include <gtest/gtest.h>

#include "schedule/rotation.h"
#include "schedule/testing_items.h"

namespace machikado::schedule {
namespace {

using testing::Alert;
using testing::kT0;
using testing::News;
using testing::Txt;

const WallTime kNow = WallTime::Trusted(kT0);

std::vector<std::string> Ids(const std::vector<ActiveAlert>& alerts) {
  std::vector<std::string> out;
  for (const auto& a : alerts) out.push_back(a.key.id);
  return out;
}

TEST(Takeover, LevelFourAndFiveTakeOver) {
  EXPECT_TRUE(IsTakeoverAlert(Alert("a", 4)));
  EXPECT_TRUE(IsTakeoverAlert(Alert("a", 5)));
  EXPECT_FALSE(IsTakeoverAlert(Alert("a", 3)));
  EXPECT_FALSE(IsTakeoverAlert(Alert("a", std::nullopt)));
  EXPECT_FALSE(IsTakeoverAlert(News("n")));
}

TEST(Takeover, TakeoverFlagTakesOverAtAnyLevel) {
  auto a = Alert("missile", std::nullopt);
  a.alert.takeover = true;
  EXPECT_TRUE(IsTakeoverAlert(a));
  EXPECT_FALSE(IsBannerAlert(a));
  EXPECT_EQ(RankLevel(a), 5);
}

TEST(Takeover, LevelThreeAndUnleveledAlertsAreBanners) {
  std::vector<feed::Item> items = {Alert("l3", 3), Alert("none", std::nullopt), Alert("l4", 4),
                                   News("n")};
  auto s = AssessAlerts(items, {}, kNow);
  EXPECT_EQ(Ids(s.takeover), (std::vector<std::string>{"l4"}));
  EXPECT_EQ(Ids(s.banners), (std::vector<std::string>{"l3", "none"}));
  EXPECT_TRUE(s.emergency());
}

TEST(Takeover, SortedHighestLevelFirstThenLatestIssued) {
  std::vector<feed::Item> items = {Alert("l4old", 4, kT0 - 900), Alert("l5", 5, kT0 - 2000),
                                   Alert("l4new", 4, kT0 - 100)};
  EXPECT_EQ(Ids(AssessAlerts(items, {}, kNow).takeover),
            (std::vector<std::string>{"l5", "l4new", "l4old"}));
}

TEST(Takeover, RealAlertOutranksExercise) {
  auto drill = Alert("drill", 5);
  drill.status = feed::ItemStatus::kExercise;
  std::vector<feed::Item> items = {drill, Alert("real", 4)};
  auto s = AssessAlerts(items, {}, kNow);
  EXPECT_EQ(Ids(s.takeover), (std::vector<std::string>{"real", "drill"}));
  EXPECT_FALSE(s.takeover[0].exercise);
  EXPECT_TRUE(s.takeover[1].exercise);
}

TEST(Takeover, TestAlertsNeverTakeOverOrBannerOutsidePreview) {
  auto test4 = Alert("test4", 4);
  test4.status = feed::ItemStatus::kTest;
  auto test2 = Alert("test2", 2);
  test2.status = feed::ItemStatus::kTest;
  std::vector<feed::Item> items = {test4, test2};
  auto s = AssessAlerts(items, {}, kNow);
  EXPECT_FALSE(s.emergency());
  EXPECT_TRUE(s.banners.empty());
  ScheduleConfig preview;
  preview.preview = true;
  auto p = AssessAlerts(items, preview, kNow);
  EXPECT_EQ(Ids(p.takeover), (std::vector<std::string>{"test4"}));
  EXPECT_EQ(Ids(p.banners), (std::vector<std::string>{"test2"}));
}

TEST(Takeover, AlertsOfOtherDistrictsAreIgnored) {
  auto there = Alert("there", 4);
  there.districts = std::vector<std::string>{"higashi"};
  ScheduleConfig c;
  c.district = "nishi";
  EXPECT_FALSE(AssessAlerts({there}, c, kNow).emergency());
}

TEST(Takeover, ExpiredTakeoverAlertGoesAwayWithoutNewSnapshot) {
  auto a = Alert("l4", 4);
  a.alert.expires = kT0 + 1800;
  std::vector<feed::Item> cached = {a};  // offline: the same cached snapshot all along
  EXPECT_TRUE(AssessAlerts(cached, {}, WallTime::Trusted(kT0 + 1799)).emergency());
  EXPECT_FALSE(AssessAlerts(cached, {}, WallTime::Trusted(kT0 + 1800)).emergency());
}

TEST(Takeover, LastConfirmedIsWhenItsFeedLastFetchedOk) {
  std::vector<feed::Item> items = {Alert("a", 4, kT0 - 60, "alerts"),
                                   Alert("b", 3, kT0 - 60, "other")};
  LastConfirmed confirmed = {{"alerts", kT0 - 42}};
  auto s = AssessAlerts(items, {}, kNow, confirmed);
  ASSERT_EQ(s.takeover.size(), 1u);
  EXPECT_EQ(s.takeover[0].last_confirmed, kT0 - 42);
  ASSERT_EQ(s.banners.size(), 1u);
  EXPECT_FALSE(s.banners[0].last_confirmed.has_value());
}

TEST(Takeover, LanguagesAreTitleThenInstructionsWithJapaneseFirst) {
  auto a = Alert("a", 4);
  a.title = Txt({{"en", "Evacuate"}, {"ja", "避難指示"}});
  a.alert.instructions = Txt({{"ja", "…"}, {"ko", "…"}, {"en", "…"}});
  auto s = AssessAlerts({a}, {}, kNow);
  EXPECT_EQ(s.takeover[0].languages, (std::vector<std::string>{"ja", "en", "ko"}));
}

TEST(Takeover, PagesCycleThroughEachAlertInEachLanguage) {
  auto l5 = Alert("l5", 5);
  l5.title = Txt({{"ja", "緊急安全確保"}, {"en", "Emergency"}});
  auto l4 = Alert("l4", 4);
  l4.title = Txt({{"ja", "避難指示"}, {"en", "Evacuate"}, {"vi", "Sơ tán"}});
  std::vector<feed::Item> items = {l4, l5};
  auto s = AssessAlerts(items, {}, kNow);
  const int64_t page = 8000;
  std::vector<std::pair<std::string, std::string>> seen;
  for (int i = 0; i < 6; ++i) {
    auto p = PageAfter(s, i * page + 100, page);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->pages, 5);
    EXPECT_EQ(p->page, i % 5);
    seen.emplace_back(s.takeover[p->alert_index].key.id, p->lang);
  }
  EXPECT_EQ(
      seen,
      (std::vector<std::pair<std::string, std::string>>{
          {"l5", "ja"}, {"l5", "en"}, {"l4", "ja"}, {"l4", "en"}, {"l4", "vi"}, {"l5", "ja"}}));
  EXPECT_FALSE(PageAfter(AlertSituation{}, 0, page).has_value());
}

TEST(TakeoverCycle, StartsAtFirstPageWhenEmergencyBeginsAndUsesConfiguredPageTime) {
  auto a = Alert("a", 4);
  a.title = Txt({{"ja", "避難指示"}, {"en", "Evacuate"}});
  auto s = AssessAlerts({a}, {}, kNow);
  ScheduleConfig c;  // 8 s pages
  TakeoverCycle cycle;
  cycle.Observe(s, 50000);
  EXPECT_EQ(cycle.since_ms(), 50000);
  auto p = cycle.PageAt(s, 50000, c);
  EXPECT_EQ(p->lang, "ja");
  EXPECT_EQ(p->started_ms, 50000);
  EXPECT_EQ(p->ends_ms, 58000);
  EXPECT_EQ(cycle.PageAt(s, 57999, c)->lang, "ja");
  EXPECT_EQ(cycle.PageAt(s, 58000, c)->lang, "en");
  EXPECT_EQ(cycle.PageAt(s, 66000, c)->lang, "ja");
}

TEST(TakeoverCycle, MoreSeriousNewAlertRestartsAtOnceOthersKeepRhythm) {
  std::vector<feed::Item> one = {Alert("l4", 4)};
  TakeoverCycle cycle;
  cycle.Observe(AssessAlerts(one, {}, kNow), 1000);
  // A lower-ranked alert joins: the rhythm continues.
  std::vector<feed::Item> two = {Alert("l4", 4), Alert("l4b", 4, kT0 - 7200)};
  cycle.Observe(AssessAlerts(two, {}, kNow), 20000);
  EXPECT_EQ(cycle.since_ms(), 1000);
  // A level 5 arrives on top: the view restarts with it.
  std::vector<feed::Item> three = {Alert("l4", 4), Alert("l5", 5)};
  auto s = AssessAlerts(three, {}, kNow);
  cycle.Observe(s, 30000);
  EXPECT_EQ(cycle.since_ms(), 30000);
  auto p = cycle.PageAt(s, 30000, ScheduleConfig{});
  EXPECT_EQ(s.takeover[p->alert_index].key.id, "l5");
  // The emergency ends.
  cycle.Observe(AssessAlerts({News("n")}, {}, kNow), 40000);
  EXPECT_FALSE(cycle.since_ms().has_value());
}

TEST(Takeover, EntersAndLeavesWithTheSnapshotThatCarriesIt) {
  FakeClock clock;
  Rotation rotation;
  rotation.Update({News("n1"), News("n2")}, Now::From(clock));
  EXPECT_FALSE(AssessAlerts(rotation.items(), {}, Now::From(clock).wall).emergency());

  clock.advance_ms(300);
  rotation.Update({News("n1"), News("n2"), Alert("l4", 4)}, Now::From(clock));
  EXPECT_TRUE(AssessAlerts(rotation.items(), {}, Now::From(clock).wall).emergency());
  // The takeover alert is not a slide of the rotation underneath.
  for (const auto& slide : rotation.plan()) EXPECT_NE(slide.key.id, "l4");

  clock.advance_ms(300);
  rotation.Update({News("n1"), News("n2")}, Now::From(clock));
  EXPECT_FALSE(AssessAlerts(rotation.items(), {}, Now::From(clock).wall).emergency());
}

TEST(Takeover, NeverInventsAnAllClear) {
  FakeClock clock;
  Rotation rotation;
  rotation.Update({News("n1"), Alert("l3", 3), Alert("l4", 4)}, Now::From(clock));
  clock.advance_s(5);
  rotation.Update({News("n1")}, Now::From(clock));
  rotation.Tick(Now::From(clock));
  auto s = AssessAlerts(rotation.items(), {}, Now::From(clock).wall);
  EXPECT_FALSE(s.emergency());
  EXPECT_TRUE(s.banners.empty());
  // Nothing but what the feed holds: one news slide, no synthetic item.
  ASSERT_EQ(rotation.plan().size(), 1u);
  EXPECT_EQ(rotation.plan()[0].key.id, "n1");
  EXPECT_EQ(rotation.items().size(), 1u);
}

}  // namespace
}  // namespace machikado::schedule
