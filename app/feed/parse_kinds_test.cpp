// ParseFeed: the kind-specific parts (news, preparedness, alert, project).
#include <gtest/gtest.h>

#include "feed/feed_test_util.h"
#include "feed/parse.h"

namespace machikado::feed {
namespace {

using testing::AlertItem;
using testing::J;
using testing::NewsItem;
using testing::ParseOne;
using testing::PreparednessItem;
using testing::ProjectItem;

TEST(ParseNewsTest, ReadsEventAndSource) {
  J item = NewsItem();
  item["source"] = "地域課";
  item["event"] = {{"start", "2026-12-05T10:00:00+09:00"},
                   {"end", "2026-12-05T12:00:00+09:00"},
                   {"place", {{"ja", "多目的ホール"}, {"en", "Hall"}}},
                   {"fee", "無料"}};
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const NewsPart& n = o.feed->items.at(0).news;
  EXPECT_EQ(n.source.plain(), "地域課");
  ASSERT_TRUE(n.event.has_value());
  EXPECT_EQ(n.event->start_offset_s, 9 * 3600);
  EXPECT_EQ(*n.event->end - *n.event->start, 2 * 3600);
  EXPECT_EQ(n.event->place.plain("en"), "Hall");
  EXPECT_EQ(n.event->fee.plain(), "無料");
}

TEST(ParseNewsTest, EventEndBeforeStartIsAnError) {
  J item = NewsItem();
  item["event"] = {{"start", "2026-12-05T10:00:00+09:00"}, {"end", "2026-12-05T09:00:00+09:00"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/event/end", "ends");
  item["event"] = {{"start", "2026-12-05"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/event/start", "no time");
  item["event"] = "12月5日";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/event", "an object");
}

TEST(ParsePreparednessTest, ReadsHazardAndActions) {
  J item = PreparednessItem();
  item["actions"] = J::array({"家具の転倒防止", {{"ja", "水の備蓄"}, {"en", "Store water"}}});
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const PreparednessPart& p = o.feed->items.at(0).preparedness;
  EXPECT_EQ(p.hazard, Hazard::kEarthquake);
  ASSERT_EQ(p.actions.size(), 2u);
  EXPECT_EQ(p.actions[1].plain("en"), "Store water");
}

TEST(ParsePreparednessTest, ActionsOneToSix) {
  J item = PreparednessItem();
  item["actions"] = J::array();
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/actions", "1 to 6 entries, but it has 0");
  item["actions"] = J::array({"1", "2", "3", "4", "5", "6", "7"});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/actions", "1 to 6 entries, but it has 7");
  item["actions"] = J::array({"1", 2});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/actions/1", "expected text");
}

TEST(ParsePreparednessTest, HazardMustBeKnown) {
  J item = PreparednessItem();
  for (const char* h : {"flood", "inland_flood", "landslide", "storm_surge", "tsunami",
                        "earthquake", "fire", "storm", "snow", "heat", "volcano", "other"}) {
    item["hazard"] = h;
    EXPECT_TRUE(ParseOne(item).ok()) << h;
  }
  item["hazard"] = "meteor";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/hazard", "must be one of flood");
}

TEST(ParseAlertTest, ReadsAllFields) {
  J item = AlertItem();
  item["expires"] = "2026-11-24T09:00:00+09:00";
  item["issuer"] = "世田谷区災害対策本部";
  item["instructions"] = "{直|ただ}ちに{避難|ひなん}してください";
  item["areas"] = J::array({"北沢一丁目", {{"ja", "代沢"}, {"en", "Daizawa"}}});
  item["takeover"] = true;
  item["shelters"] =
      J::array({J{{"id", "s-01"},
                  {"name", {{"ja", "北沢小学校"}, {"en", "Kitazawa Elementary School"}}},
                  {"address", "北沢1-1-1"},
                  {"status", "open"},
                  {"hazards", J::array({"flood", "earthquake"})},
                  {"capacity", 450},
                  {"lat", 35.66},
                  {"lon", 139.67},
                  {"updated", "2026-11-23T08:50:00+09:00"}},
                J{{"id", "s-02"}, {"name", "代沢会館"}, {"status", "full"}}});
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const AlertPart& a = o.feed->items.at(0).alert;
  EXPECT_EQ(a.level, 4);
  EXPECT_EQ(a.hazard, Hazard::kFlood);
  EXPECT_EQ(a.issued, 1795392000);
  EXPECT_EQ(a.expires, 1795392000 + 86400);
  EXPECT_TRUE(a.takeover);
  EXPECT_EQ(a.areas.size(), 2u);
  ASSERT_EQ(a.shelters.size(), 2u);
  EXPECT_EQ(a.shelters[0].status, ShelterStatus::kOpen);
  EXPECT_EQ(a.shelters[0].hazards, (std::vector<Hazard>{Hazard::kFlood, Hazard::kEarthquake}));
  EXPECT_EQ(a.shelters[0].capacity, 450);
  EXPECT_DOUBLE_EQ(*a.shelters[0].lat, 35.66);
  EXPECT_EQ(a.shelters[1].status, ShelterStatus::kFull);
}

TEST(ParseAlertTest, ExpiresDefaultsToValidUntil) {
  J item = AlertItem();
  item["valid_until"] = "2026-11-23T21:00:00+09:00";
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.feed->items.at(0).alert.expires, o.feed->items.at(0).valid_until);
  item.erase("valid_until");
  EXPECT_FALSE(ParseOne(item).feed->items.at(0).alert.expires.has_value());
}

TEST(ParseAlertTest, ExpiresMustBeAfterIssued) {
  J item = AlertItem();
  item["expires"] = "2026-11-23T08:00:00+09:00";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/expires", "must be later than issued");
}

TEST(ParseAlertTest, HazardAndIssuedAreRequired) {
  J item = AlertItem();
  item.erase("hazard");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/hazard", "required but missing");
  item = AlertItem();
  item.erase("issued");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/issued", "required but missing");
}

TEST(ParseAlertTest, LevelOneToFiveOrAbsent) {
  J item = AlertItem();
  item.erase("level");
  EXPECT_FALSE(ParseOne(item).feed->items.at(0).alert.level.has_value());
  for (int ok : {1, 5}) {
    item["level"] = ok;
    EXPECT_TRUE(ParseOne(item).ok());
  }
  for (J bad : {J(0), J(6), J("4"), J(3.5)}) {
    item["level"] = bad;
    EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/level", "from 1 to 5");
  }
}

TEST(ParseAlertTest, AtMost50Shelters) {
  J item = AlertItem();
  J shelters = J::array();
  for (int i = 0; i < 50; ++i)
    shelters.push_back(J{{"id", "s" + std::to_string(i)}, {"name", "避難所"}});
  item["shelters"] = shelters;
  EXPECT_TRUE(ParseOne(item).ok());
  item["shelters"].push_back(J{{"id", "s50"}, {"name", "避難所"}});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/shelters", "0 to 50 entries, but it has 51");
}

TEST(ParseAlertTest, ShelterFieldsAreChecked) {
  J item = AlertItem();
  item["shelters"] = J::array({J{{"name", "避難所"},
                                 {"status", "opened"},
                                 {"lat", 95},
                                 {"capacity", -3},
                                 {"hazards", J::array({"flood", "lava"})},
                                 {"updated", "yesterday"}}});
  ParseOutcome o = ParseOne(item);
  EXPECT_ITEM_ERROR(o, "/items/0/shelters/0/id", "required but missing");
  EXPECT_NE(testing::FindError(o, "/items/0/shelters/0/status"), nullptr);
  EXPECT_NE(testing::FindError(o, "/items/0/shelters/0/lat"), nullptr);
  EXPECT_NE(testing::FindError(o, "/items/0/shelters/0/capacity"), nullptr);
  EXPECT_NE(testing::FindError(o, "/items/0/shelters/0/hazards/1"), nullptr);
  EXPECT_NE(testing::FindError(o, "/items/0/shelters/0/updated"), nullptr);
  item["shelters"] = J::array({J{{"id", "s1"}}});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/shelters/0/name", "required but missing");
}

TEST(ParseAlertTest, TakeoverMustBeBoolean) {
  J item = AlertItem();
  item["takeover"] = "true";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/takeover", "true or false");
}

TEST(ParseProjectTest, ReadsMetrics) {
  J item = ProjectItem();
  item["department"] = "危機管理課";
  item["plan"] = "西区 区ビジョンまちづくり計画 第4次実施計画";
  item["metrics"].push_back(J{{"label", "訓練の実施"}, {"note", "実施"}});
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const ProjectPart& p = o.feed->items.at(0).project;
  EXPECT_EQ(p.department.plain(), "危機管理課");
  ASSERT_EQ(p.metrics.size(), 2u);
  EXPECT_EQ(p.metrics[0].baseline->value, 57);
  ASSERT_EQ(p.metrics[0].targets.size(), 1u);
  EXPECT_EQ(p.metrics[0].targets[0].period.plain(), "R5");
  EXPECT_EQ(p.metrics[0].actual->value, 67);
  EXPECT_FALSE(p.metrics[1].baseline.has_value());
  EXPECT_EQ(p.metrics[1].note.plain(), "実施");
}

TEST(ParseProjectTest, AtMostSixMetrics) {
  J item = ProjectItem();
  for (int i = 0; i < 5; ++i) item["metrics"].push_back(J{{"label", "目標"}, {"note", "実施"}});
  EXPECT_TRUE(ParseOne(item).ok());
  item["metrics"].push_back(J{{"label", "目標"}, {"note", "実施"}});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/metrics", "0 to 6 entries, but it has 7");
}

TEST(ParseProjectTest, MetricNeedsValuesOrNote) {
  J item = ProjectItem();
  item["metrics"] = J::array({J{{"label", "目標"}}});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/metrics/0", "needs a note");
}

TEST(ParseProjectTest, MetricPointsAreChecked) {
  J item = ProjectItem();
  item["metrics"][0]["baseline"] = {{"period", "R3"}, {"value", "57地区"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/metrics/0/baseline/value", "a number");
  item = ProjectItem();
  item["metrics"][0]["targets"][0].erase("period");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/metrics/0/targets/0/period", "required but missing");
  item = ProjectItem();
  item["metrics"][0]["actual"] = 67;
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/metrics/0/actual",
                    "{\"period\": \"R5\", \"value\": 64}");
  item = ProjectItem();
  item["metrics"][0].erase("label");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/metrics/0/label", "required but missing");
}

TEST(ParseKindsTest, FieldsOfOtherKindsAreIgnored) {
  J item = NewsItem();
  item["hazard"] = "meteor";  // only preparedness and alert items have a hazard
  item["metrics"] = "many";
  EXPECT_TRUE(ParseOne(item).ok());
}

}  // namespace
}  // namespace machikado::feed
