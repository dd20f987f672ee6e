// What each real CAP 1.2 sample (../shared/testdata/cap) must yield: status, languages, expiry,
// geocode and polygon matching, and Update/Cancel through `references`. Every sample converts and
// its feed passes the validator.
#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/cap_message.h"
#include "ingest/ingest_test_util.h"

namespace machikado::ingest {
namespace {

using namespace machikado::ingest::testing;

std::string Cap(const std::string& name) {
  return ReadBytes(TestdataDir("cap") + "/" + name);
}

Conversion Convert(const std::vector<std::string>& files, const AreaFilter& filter,
                   UnixSeconds now) {
  std::vector<NamedInput> in;
  for (const auto& f : files) in.push_back({f, Cap(f)});
  AlertState state;
  return ConvertMessages(in, &ParseCapMessage, filter, now, &state);
}

std::string Text(const LangText& t, const std::string& lang) {
  for (const auto& [l, s] : t)
    if (l == lang) return s;
  return "";
}

TEST(CapSamples, EverySampleConvertsAndItsFeedValidates) {
  MACHIKADO_NEED_TESTDATA("cap");
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(TestdataDir("cap"))) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    auto effect = ReadMessage(ReadBytes(entry.path().string()), &ParseCapMessage);
    ASSERT_TRUE(effect.ok()) << name << ": " << effect.status().message();
    AlertState state;
    state.Apply(*effect);
    const auto alerts = state.InForce(AllAreas(), effect->report_time);
    EXPECT_EQ(alerts.size(), 1u) << name;
    const feed::ParseOutcome o = Validate(alerts, effect->report_time);
    EXPECT_TRUE(o.ok()) << name << ": " << (o.errors.empty() ? "" : o.errors[0].message);
    EXPECT_EQ(o.items_valid, alerts.size()) << name;
  }
  EXPECT_EQ(files, 7u);
}

TEST(CapSamples, TestStatusBecomesATestItem) {
  MACHIKADO_NEED_TESTDATA("cap");
  auto c = Convert({"alertswiss-TEST-1163.xml"}, AllAreas(), At("2025-06-21T08:10:00+02:00"));
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].status, feed::ItemStatus::kTest);
  const feed::ParseOutcome o = Validate(c.alerts, 0);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.feed->items[0].status, feed::ItemStatus::kTest);
}

TEST(CapSamples, TwoLanguagesBecomeOneAlertWithBothTexts) {
  MACHIKADO_NEED_TESTDATA("cap");
  const UnixSeconds now = At("2025-03-06T15:00:00+02:00");
  auto c = Convert({"il-488abaaf-cad5-4d2b-93b2-703016878453.xml"}, Areas({"IL043"}), now);
  ASSERT_EQ(c.alerts.size(), 1u);
  const OfficialAlert& a = c.alerts[0];
  EXPECT_EQ(Text(a.title, "en"), "Flash Floods");
  EXPECT_FALSE(Text(a.title, "he").empty());
  EXPECT_EQ(a.hazard, feed::Hazard::kFlood);
  EXPECT_EQ(a.status, feed::ItemStatus::kActual);
  ASSERT_TRUE(a.expires);
  EXPECT_EQ(*a.expires, At("2025-03-07T14:00:00+02:00"));
  EXPECT_FALSE(a.level);
  EXPECT_FALSE(a.takeover);
  const feed::ParseOutcome o = Validate(c.alerts, now);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.feed->items[0].title.languages(), (std::vector<std::string>{"en", "he"}));
  // Another area, or after `expires`: nothing.
  EXPECT_TRUE(Convert({"il-488abaaf-cad5-4d2b-93b2-703016878453.xml"}, Areas({"IL999"}), now)
                  .alerts.empty());
  EXPECT_TRUE(Convert({"il-488abaaf-cad5-4d2b-93b2-703016878453.xml"}, Areas({"IL043"}),
                      At("2025-03-07T14:00:01+02:00"))
                  .alerts.empty());
}

TEST(CapSamples, EnglishAndSpanishAmberAlert) {
  MACHIKADO_NEED_TESTDATA("cap");
  auto c = Convert({"v1dot2_appendix_adot4.xml"}, Areas({"006037"}), 0);
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(Text(c.alerts[0].title, "en"), "Amber Alert in Los Angeles County");
  EXPECT_EQ(Text(c.alerts[0].title, "es"), "Alerta Amber en el condado de Los Ángeles");
  EXPECT_EQ(c.alerts[0].area_names, std::vector<std::string>{"Los Angeles County"});
}

TEST(CapSamples, ThunderstormByGeocodeWithExpiry) {
  MACHIKADO_NEED_TESTDATA("cap");
  const UnixSeconds now = At("2003-06-17T15:00:00-07:00");
  auto c = Convert({"v1dot2_appendix_adot2.xml"}, Areas({"006009"}), now);
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].hazard, feed::Hazard::kStorm);
  EXPECT_EQ(*c.alerts[0].expires, At("2003-06-17T16:00:00-07:00"));
  EXPECT_TRUE(
      Convert({"v1dot2_appendix_adot2.xml"}, Areas({"006009"}), At("2003-06-17T16:00:00-07:00"))
          .alerts.empty());
}

TEST(CapSamples, PolygonMatchesAPointInside) {
  MACHIKADO_NEED_TESTDATA("cap");
  AreaFilter inside;
  inside.point = std::make_pair(-22.1, -179.5);
  auto c = Convert({"gdacs-cap_1470644.xml"}, inside, At("2025-03-01T23:00:00Z"));
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].hazard, feed::Hazard::kEarthquake);
  EXPECT_EQ(c.alerts[0].url.rfind("https://www.gdacs.org/", 0), 0u);
  AreaFilter outside;
  outside.point = std::make_pair(35.6465, 139.6533);
  EXPECT_TRUE(Convert({"gdacs-cap_1470644.xml"}, outside, 0).alerts.empty());
}

TEST(CapSamples, UpdateNamesWhatItReplaces) {
  MACHIKADO_NEED_TESTDATA("cap");
  auto e = ReadMessage(Cap("v1dot2_appendix_adot3.xml"), &ParseCapMessage);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->withdraw_scopes, std::vector<std::string>{"cap|trinet@caltech.edu|TRI13970876.1"});
  EXPECT_FALSE(e->withdraw);
}

std::string Alert(const std::string& id, const std::string& sent, const std::string& type,
                  const std::string& refs, const std::string& status = "Actual") {
  return "<?xml version=\"1.0\"?><cap:alert xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\">"
         "<cap:identifier>" +
         id +
         "</cap:identifier><cap:sender>ward@example.jp</cap:sender>"
         "<cap:sent>" +
         sent + "</cap:sent><cap:status>" + status + "</cap:status><cap:msgType>" + type +
         "</cap:msgType><cap:scope>Public</cap:scope>" +
         (refs.empty() ? "" : "<cap:references>" + refs + "</cap:references>") +
         "<cap:info><cap:language>ja-JP</cap:language><cap:event>津波</cap:event>"
         "<cap:headline>" +
         id +
         "</cap:headline><cap:area><cap:areaDesc>港区</cap:areaDesc>"
         "<cap:geocode><cap:valueName>JIS</cap:valueName><cap:value>131032</cap:value>"
         "</cap:geocode></cap:area></cap:info></cap:alert>";
}

TEST(CapMessages, UpdateReplacesAndCancelWithdrawsThroughReferences) {
  AlertState state;
  const AreaFilter area = Areas({"131032"});
  const std::string a1 = Alert("A1", "2026-11-23T09:00:00+09:00", "Alert", "");
  const std::string a2 = Alert("A2", "2026-11-23T09:10:00+09:00", "Update",
                               "ward@example.jp,A1,2026-11-23T09:00:00+09:00");
  const std::string a3 = Alert("A3", "2026-11-23T09:20:00+09:00", "Cancel",
                               "ward@example.jp,A2,2026-11-23T09:10:00+09:00");
  auto c1 = ConvertMessages({{"a1", a1}, {"a2", a2}}, &ParseCapMessage, area, 0, &state);
  ASSERT_EQ(c1.alerts.size(), 1u);  // the prefixed cap: namespace reads the same
  EXPECT_EQ(c1.alerts[0].title[0], (std::pair<std::string, std::string>{"ja", "A2"}));
  EXPECT_EQ(c1.alerts[0].hazard, feed::Hazard::kTsunami);
  auto c2 = ConvertMessages({{"a3", a3}}, &ParseCapMessage, area, 0, &state);
  EXPECT_TRUE(c2.alerts.empty());
  // The original arriving again late does not come back.
  auto c3 = ConvertMessages({{"a1-again", a1}}, &ParseCapMessage, area, 0, &state);
  EXPECT_TRUE(c3.alerts.empty());
  EXPECT_EQ(c3.stale, std::vector<std::string>{"a1-again"});
}

TEST(CapMessages, ExerciseIsMarkedAndSystemOrDraftAreNeverShown) {
  AlertState state;
  auto c =
      ConvertMessages({{"ex", Alert("E", "2026-11-23T09:00:00+09:00", "Alert", "", "Exercise")},
                       {"sys", Alert("S", "2026-11-23T09:00:00+09:00", "Alert", "", "System")},
                       {"draft", Alert("D", "2026-11-23T09:00:00+09:00", "Alert", "", "Draft")}},
                      &ParseCapMessage, AllAreas(), 0, &state);
  EXPECT_TRUE(c.problems.empty());
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_EQ(c.alerts[0].status, feed::ItemStatus::kExercise);
}

TEST(CapMessages, UnknownStatusIsAnError) {
  auto r =
      ReadMessage(Alert("X", "2026-11-23T09:00:00+09:00", "Alert", "", "Maybe"), &ParseCapMessage);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Maybe"), std::string::npos);
}

TEST(CapMessages, LanguageTags) {
  EXPECT_EQ(CapLanguage("en-US"), "en");
  EXPECT_EQ(CapLanguage(""), "en");
  EXPECT_EQ(CapLanguage("ja-JP"), "ja");
  EXPECT_EQ(CapLanguage("zh-TW"), "zh-TW");
}

TEST(CapMessages, CircleContainsItsCentre) {
  GeoShape c;
  c.points = {{35.0, 139.0}};
  c.radius_km = 5;
  EXPECT_TRUE(ShapeContains(c, 35.01, 139.01));
  EXPECT_FALSE(ShapeContains(c, 35.2, 139.0));
}

}  // namespace
}  // namespace machikado::ingest
