// The screen step: mode precedence, slide identity, what to prepare next, when the plan changes by
// itself, and the preview cycle. On a FakeClock; nothing sleeps.
#include "schedule/screen_plan.h"

#include <gtest/gtest.h>

#include "schedule/testing_items.h"

namespace machikado::schedule {
namespace {

using testing::Alert;
using testing::kT0;
using testing::News;
using testing::Prep;
using testing::Txt;

class ScreenStepTest : public ::testing::Test {
 protected:
  ScreenPlan Step(bool detail_open = false) {
    ScreenInputs in;
    in.now = Now::From(clock_);
    in.visitor = {detail_open, "ja"};
    return screen_.Step(in);
  }
  void Update(std::vector<feed::Item> items) {
    screen_.Update(std::move(items), Now::From(clock_));
  }

  FakeClock clock_{kT0};  // 09:00 in Japan
  ScreenScheduler screen_{[] {
    ScreenConfig c;
    c.quiet_hours.ranges.push_back({0x7F, 22 * 60, 7 * 60});  // 22:00–07:00 local
    return c;
  }()};
};

TEST_F(ScreenStepTest, RotationNamesTheSlideAndWhatToPrepareNext) {
  Update({News("a"), News("b"), Prep("p")});
  const ScreenPlan p = Step();
  EXPECT_EQ(p.mode, Mode::kRotation);
  ASSERT_TRUE(p.slide.item);
  EXPECT_EQ(p.slide.id.source, SlideId::Source::kRotation);
  EXPECT_EQ(p.slide.id.position, 1);
  EXPECT_EQ(p.slide.id.count, 3);
  ASSERT_TRUE(p.next);
  EXPECT_EQ(p.next->id.position, 2);
  EXPECT_NE(p.next->id, p.slide.id);
  // The same moment gives the same slide; the next slide's id is the one it will have on screen.
  EXPECT_EQ(Step().slide.id, p.slide.id);
  clock_.advance_ms(p.rotation->ends_ms - clock_.monotonic_ms());
  EXPECT_EQ(Step().slide.id, p.next->id);
}

TEST_F(ScreenStepTest, ADetailViewPausesAndPreparesNothingNext) {
  Update({News("a"), News("b")});
  screen_.rotation().Pause(Now::From(clock_));
  const ScreenPlan p = Step(/*detail_open=*/true);
  EXPECT_EQ(p.mode, Mode::kDetail);
  EXPECT_TRUE(p.slide.item);
  EXPECT_FALSE(p.next);
}

TEST_F(ScreenStepTest, QuietHoursBlankTheScreenAndSayWhenTheyEnd) {
  Update({News("a")});
  clock_.advance_ms(14 * 3600 * 1000);  // 23:00 local
  const ScreenPlan p = Step();
  EXPECT_EQ(p.mode, Mode::kIdle);
  EXPECT_FALSE(p.slide.item);
  EXPECT_EQ(p.slide.id, SlideId{});
  ASSERT_TRUE(p.changes_at_ms);
  EXPECT_EQ(*p.changes_at_ms, clock_.monotonic_ms() + 8 * 3600 * 1000);  // 07:00
}

TEST_F(ScreenStepTest, ATakeoverAlertOverridesQuietHoursPageByPage) {
  feed::Item big = Alert("big", 5);
  big.title = Txt({{"ja", "大雨"}, {"en", "Heavy rain"}});
  Update({News("a"), big, Alert("small", 2)});
  clock_.advance_ms(14 * 3600 * 1000);  // quiet hours
  const ScreenPlan p = Step();
  EXPECT_EQ(p.mode, Mode::kEmergency);
  EXPECT_EQ(p.slide.id.source, SlideId::Source::kTakeover);
  EXPECT_EQ(p.slide.id.item.id, "big");
  EXPECT_EQ(p.lang, "ja");
  EXPECT_FALSE(p.next);
  ASSERT_EQ(p.banners.size(), 1u);
  EXPECT_EQ(p.banners[0]->id, "small");
  ASSERT_TRUE(p.page && p.changes_at_ms);
  EXPECT_EQ(*p.changes_at_ms, p.page->ends_ms);
  clock_.advance_ms(p.page->ends_ms - clock_.monotonic_ms());
  const ScreenPlan second = Step();
  EXPECT_EQ(second.lang, "en");
  EXPECT_NE(second.slide.id, p.slide.id);
}

TEST_F(ScreenStepTest, AVideoRotatesOnlyWhilePlayableAndLastsAsLongAsTheClip) {
  feed::Item v = News("v");
  v.kind = feed::Kind::kVideo;
  v.video.url = "http://media.test/v.mp4";
  v.video.max_seconds = 40;
  Update({News("a"), v});
  EXPECT_EQ(Step().slide.id.count, 1);  // not cached: only the news
  screen_.SetPlayableVideos({{v.video.url, 0}}, Now::From(clock_));
  const auto find_v = [&] {
    for (const Slide& s : screen_.rotation().plan())
      if (s.key.id == "v") return s.duration_ms;
    return int64_t{-1};
  };
  Step();
  EXPECT_EQ(find_v(), 40'000);  // length not known yet: its cap
  screen_.SetPlayableVideos({{v.video.url, 12.2}}, Now::From(clock_));
  Step();
  clock_.advance_ms(200'000);  // the next cycle plans with the new length
  Step();
  EXPECT_EQ(find_v(), 13'000);
  screen_.SetPlayableVideos({}, Now::From(clock_));  // refused by the player, or evicted
  const ScreenPlan p = Step();
  EXPECT_EQ(p.slide.id.count, 1);
  EXPECT_EQ(p.slide.item->id, "a");
}

TEST(PreviewCycle, TakeoverPagesThenOneRotationCycleWithRepeats) {
  feed::Item big = Alert("big", 4);
  big.title = Txt({{"ja", "避難指示"}, {"en", "Evacuate"}});
  const std::vector<feed::Item> items = {News("top", 95), News("plain"), Prep("p"), big,
                                         Alert("small", 3)};
  const Preview v = PreviewCycle(items, {}, WallTime::Trusted(kT0), "ja");
  std::vector<std::string> ids;
  for (const PreviewSlide& s : v.slides) {
    ASSERT_TRUE(s.slide.item);
    EXPECT_GE(s.slide.item, &items.front());  // points into the caller's items
    EXPECT_LE(s.slide.item, &items.back());
    ids.push_back(s.slide.item->id + (s.mode == Mode::kEmergency ? "!" + s.lang : ""));
  }
  EXPECT_EQ(ids.front(), "big!ja");
  EXPECT_EQ(ids[1], "big!en");
  EXPECT_EQ(ids[2], "small");
  // The rotation part is the rotation's plan of the cycle, repeats and all.
  std::vector<std::string> planned = {"big!ja", "big!en"};
  for (const Slide& s : PlanAt(items, {}, WallTime::Trusted(kT0))) planned.push_back(s.key.id);
  EXPECT_EQ(ids, planned);
  EXPECT_GE(std::count(ids.begin(), ids.end(), "top"), 2);
  ASSERT_EQ(v.banners.size(), 1u);
  EXPECT_EQ(v.banners[0], &items[4]);
}

}  // namespace
}  // namespace machikado::schedule
