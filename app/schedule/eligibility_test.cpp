#include "schedule/eligibility.h"

#include <gtest/gtest.h>

#include "schedule/testing_items.h"

namespace machikado::schedule {
namespace {

using testing::Alert;
using testing::kT0;
using testing::News;

const WallTime kNow = WallTime::Trusted(kT0);

TEST(Eligibility, ItemWithoutWindowIsShown) {
  EXPECT_EQ(Judge(News("a"), {}, kNow), Verdict::kShown);
}

TEST(Eligibility, ValidFromIsInclusiveAndValidUntilExclusive) {
  auto item = News("a");
  item.valid_from = kT0;
  item.valid_until = kT0 + 60;
  EXPECT_EQ(Judge(item, {}, WallTime::Trusted(kT0 - 1)), Verdict::kNotYetValid);
  EXPECT_EQ(Judge(item, {}, WallTime::Trusted(kT0)), Verdict::kShown);
  EXPECT_EQ(Judge(item, {}, WallTime::Trusted(kT0 + 59)), Verdict::kShown);
  EXPECT_EQ(Judge(item, {}, WallTime::Trusted(kT0 + 60)), Verdict::kExpired);
}

TEST(Eligibility, ItemWithoutDistrictsShowsOnEveryKiosk) {
  ScheduleConfig with_district;
  with_district.district = "nishi-3";
  EXPECT_TRUE(IsEligible(News("a"), with_district, kNow));
  EXPECT_TRUE(IsEligible(News("a"), ScheduleConfig{}, kNow));
}

TEST(Eligibility, RestrictedItemShowsOnlyInListedDistricts) {
  auto item = News("a");
  item.districts = std::vector<std::string>{"nishi-1", "nishi-3"};
  ScheduleConfig here, there;
  here.district = "nishi-3";
  there.district = "higashi-2";
  EXPECT_EQ(Judge(item, here, kNow), Verdict::kShown);
  EXPECT_EQ(Judge(item, there, kNow), Verdict::kOtherDistrict);
}

TEST(Eligibility, KioskWithoutDistrictHidesRestrictedItems) {
  auto item = News("a");
  item.districts = std::vector<std::string>{"nishi-1"};
  ScheduleConfig none;
  ScheduleConfig empty;
  empty.district = "";
  EXPECT_EQ(Judge(item, none, kNow), Verdict::kNoKioskDistrict);
  EXPECT_EQ(Judge(item, empty, kNow), Verdict::kNoKioskDistrict);
}

TEST(Eligibility, TestItemsOnlyInPreview) {
  auto item = Alert("t", 4);
  item.status = feed::ItemStatus::kTest;
  ScheduleConfig kiosk, preview;
  preview.preview = true;
  EXPECT_EQ(Judge(item, kiosk, kNow), Verdict::kTestOnlyInPreview);
  EXPECT_EQ(Judge(item, preview, kNow), Verdict::kShown);
}

TEST(Eligibility, ExerciseItemsAreShown) {
  auto item = Alert("drill", 4);
  item.status = feed::ItemStatus::kExercise;
  EXPECT_TRUE(IsEligible(item, {}, kNow));
}

TEST(Eligibility, AlertGoneAtExpires) {
  auto item = Alert("a", 3);
  item.alert.expires = kT0 + 600;
  EXPECT_EQ(Judge(item, {}, WallTime::Trusted(kT0 + 599)), Verdict::kShown);
  EXPECT_EQ(Judge(item, {}, WallTime::Trusted(kT0 + 600)), Verdict::kAlertExpired);
}

TEST(Eligibility, TrustedClockIn1970HidesItemsNotYetValid) {
  // The reason the trust flag exists: taken at face value, 1970 hides every windowed item.
  auto item = News("a");
  item.valid_from = kT0 - 86400;
  EXPECT_EQ(Judge(item, {}, WallTime::Trusted(0)), Verdict::kNotYetValid);
}

TEST(Eligibility, UntrustedClockIn1970JudgesAtNewestGenerated) {
  const UnixSeconds generated = kT0;
  const WallTime t = WallTime::Untrusted(0, generated);
  auto current = News("current");
  current.valid_from = kT0 - 86400;
  current.valid_until = kT0 + 86400;
  auto ended = News("ended");
  ended.valid_until = kT0 - 1;
  EXPECT_EQ(Judge(current, {}, t), Verdict::kShown);
  EXPECT_EQ(Judge(ended, {}, t), Verdict::kExpired);
  EXPECT_EQ(ReferenceTime(t), generated);
}

TEST(Eligibility, UntrustedClockShowsNonAlertWhoseWindowStartsLater) {
  auto item = News("tomorrow");
  item.valid_from = kT0 + 86400;
  EXPECT_EQ(Judge(item, {}, WallTime::Untrusted(0, kT0)), Verdict::kShown);
}

TEST(Eligibility, UntrustedClockNeverShowsAlertBeforeValidFrom) {
  auto item = Alert("later", 3);
  item.valid_from = kT0 + 3600;
  EXPECT_EQ(Judge(item, {}, WallTime::Untrusted(0, kT0)), Verdict::kNotYetValid);
}

TEST(Eligibility, UntrustedClockHidesAlertExpiredBeforeFeedWasGenerated) {
  auto item = Alert("old", 4);
  item.alert.expires = kT0 - 60;
  EXPECT_EQ(Judge(item, {}, WallTime::Untrusted(0, kT0)), Verdict::kAlertExpired);
}

TEST(Eligibility, UntrustedClockAheadStillHidesAlertItSaysExpired) {
  auto item = Alert("a", 4);
  item.alert.expires = kT0 + 3600;
  EXPECT_EQ(Judge(item, {}, WallTime::Untrusted(kT0 + 7200, kT0)), Verdict::kAlertExpired);
  // A news item is judged at the floor only: a wrong clock must not blank the screen.
  auto news = News("n");
  news.valid_until = kT0 + 3600;
  EXPECT_EQ(Judge(news, {}, WallTime::Untrusted(kT0 + 7200, kT0)), Verdict::kShown);
}

TEST(Eligibility, StatusIsCheckedBeforeDistrictAndWindow) {
  auto item = News("a");
  item.status = feed::ItemStatus::kTest;
  item.districts = std::vector<std::string>{"x"};
  item.valid_until = kT0 - 1;
  EXPECT_EQ(Judge(item, {}, kNow), Verdict::kTestOnlyInPreview);
}

TEST(Eligibility, EligibleItemsKeepsInputOrder) {
  auto hidden = News("hidden");
  hidden.valid_until = kT0 - 1;
  std::vector<feed::Item> items = {News("c"), hidden, News("a"), News("b")};
  auto out = EligibleItems(items, {}, kNow);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]->id, "c");
  EXPECT_EQ(out[1]->id, "a");
  EXPECT_EQ(out[2]->id, "b");
}

TEST(Eligibility, VerdictNamesAreStable) {
  EXPECT_EQ(VerdictName(Verdict::kShown), "shown");
  EXPECT_EQ(VerdictName(Verdict::kAlertExpired), "alert_expired");
  EXPECT_EQ(VerdictName(Verdict::kNoKioskDistrict), "no_kiosk_district");
}

}  // namespace
}  // namespace machikado::schedule
