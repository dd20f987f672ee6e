// What each real JMA sample (../shared/testdata/jma, JMA's own サンプル電文) must yield for named
// areas: level and its 相当 basis, takeover, status, and what ends a warning (解除,
// 発表警報・注意報は なし, 取消, a later tsunami forecast). Every sample converts and its feed
// passes the validator.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "ingest/ingest_test_util.h"
#include "ingest/jma_message.h"

namespace machikado::ingest {
namespace {

using namespace machikado::ingest::testing;

std::string Jma(const std::string& name) {
  return ReadBytes(TestdataDir("jma") + "/" + name);
}

Conversion Convert(const std::vector<std::string>& files, const AreaFilter& filter,
                   UnixSeconds now) {
  std::vector<NamedInput> in;
  for (const auto& f : files) in.push_back({f, Jma(f)});
  AlertState state;
  return ConvertMessages(in, &ParseJmaMessage, filter, now, &state);
}

Conversion ConvertBytes(const std::vector<NamedInput>& in, const AreaFilter& filter,
                        UnixSeconds now) {
  AlertState state;
  return ConvertMessages(in, &ParseJmaMessage, filter, now, &state);
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

std::string TitleJa(const OfficialAlert& a) {
  return a.title.empty() ? "" : a.title[0].second;
}

const UnixSeconds k2017 = At("2017-01-26T18:00:00+09:00");

TEST(JmaSamples, EverySampleConvertsAndItsFeedValidates) {
  MACHIKADO_NEED_TESTDATA("jma");
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(TestdataDir("jma"))) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    auto effect = ReadMessage(ReadBytes(entry.path().string()), &ParseJmaMessage);
    ASSERT_TRUE(effect.ok()) << name << ": " << effect.status().message();
    AlertState state;
    state.Apply(*effect);
    const auto alerts = state.InForce(AllAreas(), effect->report_time);
    const feed::ParseOutcome o = Validate(alerts, effect->report_time);
    EXPECT_TRUE(o.ok()) << name << ": " << (o.errors.empty() ? "" : o.errors[0].message);
    EXPECT_EQ(o.items_valid, alerts.size()) << name;
  }
  EXPECT_EQ(files, 14u);
}

TEST(JmaSamples, SpecialHeavyRainWarningIsLevel5EquivalentOncePerArea) {
  MACHIKADO_NEED_TESTDATA("jma");
  // 新宿区 appears at four area levels of the message (東京都, 東京地方, ２３区西部, 新宿区).
  auto c = Convert({"15_14_01_170216_VPWW53.xml"}, Areas({"1310400"}), k2017);
  ASSERT_TRUE(c.problems.empty());
  ASSERT_EQ(c.alerts.size(), 1u);
  const OfficialAlert& a = c.alerts[0];
  EXPECT_EQ(a.level, 5);
  EXPECT_TRUE(a.level_equivalent);
  EXPECT_EQ(a.hazard, feed::Hazard::kLandslide);
  EXPECT_EQ(a.status, feed::ItemStatus::kActual);
  EXPECT_FALSE(a.takeover);  // level ≥ 4 takes over by the feed's own rule
  EXPECT_EQ(TitleJa(a), "大雨特別警報（土砂災害）");
  EXPECT_EQ(a.area_names, std::vector<std::string>{"新宿区"});
  EXPECT_EQ(a.id, "jma-warning-1310400");
  const feed::ParseOutcome o = Validate(c.alerts, k2017);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.feed->items[0].alert.level_basis, feed::LevelBasis::kEquivalent);
}

TEST(JmaSamples, FloodWarningIsLevel3AndInundationOnlyRainWarningHasNoLevel) {
  MACHIKADO_NEED_TESTDATA("jma");
  auto c = Convert({"15_14_01_170216_VPWW53.xml"}, Areas({"1311800"}), k2017);
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].level, 3);
  EXPECT_EQ(c.alerts[0].hazard, feed::Hazard::kFlood);
  EXPECT_EQ(TitleJa(c.alerts[0]), "洪水警報");
  // The body still lists every warning in force there.
  EXPECT_NE(c.alerts[0].body[0].second.find("大雨警報（浸水害）"), std::string::npos);
}

TEST(JmaSamples, AreaWithNothingInForceGetsNoAlert) {
  MACHIKADO_NEED_TESTDATA("jma");
  EXPECT_TRUE(Convert({"15_14_01_170216_VPWW53.xml"}, Areas({"1310100"}), k2017).alerts.empty());
}

TEST(JmaSamples, TheSameWarningsInBothFormatsAppearOnce) {
  MACHIKADO_NEED_TESTDATA("jma");
  auto c = Convert({"15_14_01_170216_VPWW53.xml", "15_14_01_170216_VPWW54.xml"},
                   Areas({"1310400", "1330800"}), k2017);
  ASSERT_EQ(c.alerts.size(), 2u);
  EXPECT_EQ(c.alerts[0].level, 5);
  EXPECT_EQ(c.alerts[1].level, 5);
  EXPECT_NE(c.alerts[0].id, c.alerts[1].id);
}

TEST(JmaSamples, LiftedWarningsEnd) {
  MACHIKADO_NEED_TESTDATA("jma");
  const std::string lifted = Jma("15_08_05_130412_VPWW53.xml");
  // The same message an hour earlier, when the lifted warnings were still issued.
  std::string issued = Replace(lifted, "<Status>解除</Status>", "<Status>発表</Status>");
  issued = Replace(issued, "2011-09-07T11:46:00+09:00", "2011-09-07T10:46:00+09:00");
  const UnixSeconds now = At("2011-09-07T12:00:00+09:00");
  auto before = ConvertBytes({{"issued", issued}}, Areas({"2944900"}), now);
  ASSERT_EQ(before.alerts.size(), 1u);
  EXPECT_EQ(before.alerts[0].level, 5);  // 十津川村: 大雨特別警報
  auto after = ConvertBytes({{"lifted", lifted}, {"issued", issued}}, Areas({"2944900"}), now);
  EXPECT_TRUE(after.problems.empty());
  EXPECT_TRUE(after.alerts.empty());
  EXPECT_TRUE(Convert({"15_08_05_130412_VPWW53.xml"}, AllAreas(), now).alerts.empty());
}

TEST(JmaSamples, NoWarningsInForceForTheAreaEndsItsWarning) {
  MACHIKADO_NEED_TESTDATA("jma");
  const std::string issued = Jma("15_14_01_170216_VPWW53.xml");
  // An hour later 新宿区's municipal entry says 「発表警報・注意報はなし」.
  const size_t area = issued.rfind("<Name>新宿区</Name>");
  const size_t item = issued.rfind("<Item>", area);
  const size_t kind = issued.find("<Kind>", item);
  const size_t kind_end = issued.rfind("</Kind>", area) + 7;
  std::string none = issued;
  none.replace(kind, kind_end - kind, "<Kind><Status>発表警報・注意報はなし</Status></Kind>");
  none = Replace(none, "2017-01-26T17:20:00+09:00", "2017-01-26T18:20:00+09:00");
  const UnixSeconds now = At("2017-01-26T18:30:00+09:00");
  auto c = ConvertBytes({{"issued", issued}, {"none", none}}, Areas({"1310400", "1330800"}), now);
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].area_names[0], "奥多摩町");
}

TEST(JmaSamples, AnOlderMessageReadLaterChangesNothing) {
  MACHIKADO_NEED_TESTDATA("jma");
  const std::string lifted = Jma("15_08_05_130412_VPWW53.xml");
  std::string issued = Replace(lifted, "<Status>解除</Status>", "<Status>発表</Status>");
  issued = Replace(issued, "2011-09-07T11:46:00+09:00", "2011-09-07T10:46:00+09:00");
  AlertState state;
  const UnixSeconds now = At("2011-09-07T12:00:00+09:00");
  ConvertMessages({{"lifted", lifted}}, &ParseJmaMessage, AllAreas(), now, &state);
  auto c = ConvertMessages({{"issued-late", issued}}, &ParseJmaMessage, AllAreas(), now, &state);
  EXPECT_EQ(c.stale, std::vector<std::string>{"issued-late"});
  EXPECT_TRUE(c.alerts.empty());
}

TEST(JmaSamples, LandslideAlertInformationIsLevel4Equivalent) {
  MACHIKADO_NEED_TESTDATA("jma");
  const UnixSeconds now = At("2013-08-23T16:00:00+09:00");
  auto c = Convert({"17_02_01_190529_VXWW50.xml"}, Areas({"0133100", "0120200"}), now);
  ASSERT_EQ(c.alerts.size(), 1u);  // 松前町 yes, 函館市 (なし) no
  EXPECT_EQ(c.alerts[0].level, 4);
  EXPECT_TRUE(c.alerts[0].level_equivalent);
  EXPECT_EQ(c.alerts[0].hazard, feed::Hazard::kLandslide);
  EXPECT_EQ(TitleJa(c.alerts[0]), "土砂災害警戒情報");
  EXPECT_EQ(c.alerts[0].area_names[0], "松前町");
}

TEST(JmaSamples, RevisedLevelNamesGiveTheirLevel) {
  MACHIKADO_NEED_TESTDATA("jma");
  // The revised system names the level: 「レベル４土砂災害危険警報」 instead of 「警戒」, code 3.
  std::string revised = Replace(Jma("17_02_01_190529_VXWW50.xml"), "<Name>警戒</Name>",
                                "<Name>レベル４土砂災害危険警報</Name>");
  revised = Replace(revised, "<Code>3</Code>", "<Code>9</Code>");
  auto c =
      ConvertBytes({{"revised", revised}}, Areas({"0133100"}), At("2013-08-23T16:00:00+09:00"));
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].level, 4);
  EXPECT_EQ(TitleJa(c.alerts[0]), "レベル４土砂災害危険警報");
}

TEST(JmaSamples, RiverFloodForecastsMapToTheirLevels) {
  MACHIKADO_NEED_TESTDATA("jma");
  const UnixSeconds now = At("2019-05-27T10:00:00+09:00");
  auto caution = Convert({"16_01_01_220728_VXKOii.xml"}, Areas({"123456789012"}), now);
  ASSERT_EQ(caution.alerts.size(), 1u);
  EXPECT_EQ(caution.alerts[0].level, 2);  // 氾濫注意情報
  EXPECT_EQ(caution.alerts[0].hazard, feed::Hazard::kFlood);
  EXPECT_TRUE(caution.alerts[0].level_equivalent);
  // An empty <Body/>: the headline alone says 氾濫警戒情報.
  auto warning = Convert({"16_05_01_210630_VXKOii.xml"}, Areas({"123456789012"}), now);
  ASSERT_EQ(warning.alerts.size(), 1u);
  EXPECT_EQ(warning.alerts[0].level, 3);
  EXPECT_TRUE(Convert({"16_05_01_210630_VXKOii.xml"}, Areas({"1311200"}), now).alerts.empty());
}

TEST(JmaSamples, MajorTsunamiWarningTakesOverTheScreen) {
  MACHIKADO_NEED_TESTDATA("jma");
  const UnixSeconds now = At("2011-03-11T15:00:00+09:00");
  auto c = Convert({"32-39_11_02_250206_VTSE41.xml"}, Areas({"210"}), now);
  ASSERT_EQ(c.alerts.size(), 1u);
  const OfficialAlert& a = c.alerts[0];
  EXPECT_TRUE(a.takeover);
  EXPECT_FALSE(a.level);  // tsunami has no 警戒レベル
  EXPECT_EQ(a.hazard, feed::Hazard::kTsunami);
  EXPECT_EQ(TitleJa(a), "大津波警報");
  EXPECT_EQ(a.priority, 100);
  EXPECT_NE(a.instructions[0].second.find("ただちに高い所へ避難"), std::string::npos);
  EXPECT_FALSE(a.expires);
}

TEST(JmaSamples, TsunamiWarningTakesOverAndAdvisoryDoesNot) {
  MACHIKADO_NEED_TESTDATA("jma");
  const UnixSeconds now = At("2011-03-11T15:00:00+09:00");
  auto warning = Convert({"32-39_11_02_250206_VTSE41.xml"}, Areas({"101"}), now);
  ASSERT_EQ(warning.alerts.size(), 1u);
  EXPECT_TRUE(warning.alerts[0].takeover);
  EXPECT_EQ(TitleJa(warning.alerts[0]), "津波警報");
  auto advisory = Convert({"32-39_11_02_250206_VTSE41.xml"}, Areas({"100"}), now);
  ASSERT_EQ(advisory.alerts.size(), 1u);
  EXPECT_FALSE(advisory.alerts[0].takeover);
  EXPECT_EQ(TitleJa(advisory.alerts[0]), "津波注意報");
  // 津波予報（若干の海面変動）is no alert.
  EXPECT_TRUE(Convert({"32-39_11_02_250206_VTSE41.xml"}, Areas({"110"}), now).alerts.empty());
}

TEST(JmaSamples, LaterTsunamiForecastEndsTheWarnings) {
  MACHIKADO_NEED_TESTDATA("jma");
  auto c = Convert({"32-39_11_13_250206_VTSE41.xml", "32-39_11_02_250206_VTSE41.xml"},
                   Areas({"210", "101", "100"}), At("2011-03-13T18:00:00+09:00"));
  EXPECT_TRUE(c.problems.empty());
  EXPECT_TRUE(c.alerts.empty());
}

TEST(JmaSamples, StrongShakingInADrillIsAnExerciseAlertBelowTakeover) {
  MACHIKADO_NEED_TESTDATA("jma");
  const UnixSeconds now = At("2009-10-01T14:00:00+09:00");
  auto city = Convert({"32-35_01_03_240613_VXSE53.xml"}, Areas({"2230600"}), now);
  ASSERT_EQ(city.alerts.size(), 1u);
  const OfficialAlert& a = city.alerts[0];
  EXPECT_EQ(a.status, feed::ItemStatus::kExercise);
  EXPECT_EQ(a.hazard, feed::Hazard::kEarthquake);
  EXPECT_FALSE(a.takeover);
  EXPECT_FALSE(a.level);
  EXPECT_EQ(TitleJa(a), "震度5弱の揺れを観測");
  ASSERT_TRUE(a.expires);
  EXPECT_EQ(*a.expires - a.issued, kQuakeAlertHours * 3600);
  EXPECT_NE(a.id.find("-exercise"), std::string::npos);
  // The seismic intensity region code matches as well.
  EXPECT_EQ(Convert({"32-35_01_03_240613_VXSE53.xml"}, Areas({"440"}), now).alerts.size(), 1u);
  const feed::ParseOutcome o = Validate(city.alerts, now);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.feed->items[0].status, feed::ItemStatus::kExercise);
}

TEST(JmaSamples, WeakerShakingIsNoAlert) {
  MACHIKADO_NEED_TESTDATA("jma");
  auto c = Convert({"32-35_04_04_240613_VXSE53.xml"}, AllAreas(), At("2010-01-25T16:30:00+09:00"));
  EXPECT_TRUE(c.problems.empty());
  EXPECT_TRUE(c.alerts.empty());  // 震度4 at most
}

TEST(JmaSamples, CancellationWithdrawsTheQuakeReport) {
  MACHIKADO_NEED_TESTDATA("jma");
  auto cancel = ReadMessage(Jma("32-35_06_06_100915_VXSE53.xml"), &ParseJmaMessage);
  ASSERT_TRUE(cancel.ok());
  EXPECT_TRUE(cancel->withdraw);
  // The drill report, made real and given the cancelled report's EventID, issued earlier.
  std::string report = Replace(Jma("32-35_01_03_240613_VXSE53.xml"), "<Status>訓練</Status>",
                               "<Status>通常</Status>");
  report =
      Replace(report, "<EventID>20091001134500</EventID>", "<EventID>20080614084350</EventID>");
  report = Replace(report, "2009-10-01T13:", "2008-06-14T08:");
  const UnixSeconds now = At("2008-06-14T09:30:00+09:00");
  auto before = ConvertBytes({{"report", report}}, Areas({"2230600"}), now);
  ASSERT_EQ(before.alerts.size(), 1u);
  EXPECT_EQ(before.alerts[0].status, feed::ItemStatus::kActual);
  auto after = ConvertBytes({{"cancel", Jma("32-35_06_06_100915_VXSE53.xml")}, {"report", report}},
                            Areas({"2230600"}), now);
  EXPECT_TRUE(after.alerts.empty());
}

TEST(JmaSamples, DrillNeverEndsARealWarning) {
  MACHIKADO_NEED_TESTDATA("jma");
  const std::string real = Jma("15_14_01_170216_VPWW53.xml");
  std::string drill_all_clear = Replace(real, "<Status>通常</Status>", "<Status>訓練</Status>");
  drill_all_clear = Replace(drill_all_clear, "<Status>発表</Status>", "<Status>解除</Status>");
  drill_all_clear =
      Replace(drill_all_clear, "2017-01-26T17:20:00+09:00", "2017-01-26T17:50:00+09:00");
  auto c = ConvertBytes({{"real", real}, {"drill", drill_all_clear}}, Areas({"1310400"}), k2017);
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].status, feed::ItemStatus::kActual);
}

TEST(JmaSamples, TestMessageIsReadAndShowsNothing) {
  MACHIKADO_NEED_TESTDATA("jma");
  auto e = ReadMessage(Jma("54_01_01_100514_VXSE42.xml"), &ParseJmaMessage);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->status, feed::ItemStatus::kTest);
  EXPECT_TRUE(Convert({"54_01_01_100514_VXSE42.xml"}, AllAreas(), e->report_time).alerts.empty());
}

TEST(JmaSamples, KindsWithoutALevelAppearNowhere) {
  MACHIKADO_NEED_TESTDATA("jma");
  // 竜巻注意情報 and 季節観測 (a 訂正) are read and change nothing.
  auto c = Convert({"19_08_01_150916_VPHW50.xml", "01_01_03_091210_VGSK50.xml"}, AllAreas(),
                   At("2015-07-17T09:30:00+09:00"));
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(c.effects.size(), 2u);
  EXPECT_TRUE(c.alerts.empty());
}

TEST(JmaSamples, CorrectionReplacesTheWarning) {
  MACHIKADO_NEED_TESTDATA("jma");
  const std::string issued = Jma("15_14_01_170216_VPWW53.xml");
  // A 訂正 ten minutes later: 新宿区's 大雨特別警報 was really a 大雨警報（土砂災害）.
  std::string corrected = Replace(issued, "<InfoType>発表</InfoType>", "<InfoType>訂正</InfoType>");
  corrected = Replace(corrected, "2017-01-26T17:20:00+09:00", "2017-01-26T17:30:00+09:00");
  const size_t area = corrected.rfind("<Name>新宿区</Name>");
  const size_t item = corrected.rfind("<Item>", area);
  const size_t name = corrected.find("<Name>大雨特別警報</Name>", item);
  corrected.replace(name, std::string("<Name>大雨特別警報</Name>").size(), "<Name>大雨警報</Name>");
  const size_t code = corrected.find("<Code>33</Code>", item);
  corrected.replace(code, 15, "<Code>03</Code>");
  auto c = ConvertBytes({{"issued", issued}, {"corrected", corrected}}, Areas({"1310400"}), k2017);
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].level, 3);
  EXPECT_EQ(c.alerts[0].id, "jma-warning-1310400");
}

}  // namespace
}  // namespace machikado::ingest
