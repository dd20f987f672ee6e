// ImportShelters on small CSVs that each show one rule, and the feed it writes read back through
// the feed parser (the validator of `machikado validate`).
#include "opendata/shelter_import.h"

#include <gtest/gtest.h>

#include "feed/parse.h"
#include "opendata/feed_document.h"

namespace machikado::opendata {
namespace {

const char kHeader[] =
    "全国地方公共団体コード,ID,名称,名称_カナ,所在地_連結表記,緯度,経度,電話番号,"
    "災害種別_洪水,災害種別_崖崩れ、土石流及び地滑り,災害種別_高潮,災害種別_地震,災害種別_津波,"
    "災害種別_大規模な火事,災害種別_内水氾濫,災害種別_火山現象,,想定収容人数,URL\n";

TEST(OpendataShelters, ReadsTheCurrentStandardColumns) {
  const std::string csv = std::string(kHeader) +
                          "382019,E1,城山公園,ｼﾛﾔﾏｺｳｴﾝ,愛媛県松山市堀之内,33.84199297,132.7618544,"
                          "(089)000-0000,,1,,1,○,,,,,\"50,700 \",https://example.jp/a\n";
  auto im = ImportShelters(csv);
  ASSERT_TRUE(im.ok()) << im.status().message();
  ASSERT_EQ(im->shelters.size(), 1u);
  const ShelterRecord& s = im->shelters[0];
  EXPECT_EQ(s.line, 2u);
  EXPECT_EQ(s.id, "E1");
  EXPECT_EQ(s.name, "城山公園");
  EXPECT_EQ(s.name_kana, "シロヤマコウエン");
  EXPECT_EQ(s.address, "愛媛県松山市堀之内");
  EXPECT_DOUBLE_EQ(*s.lat, 33.84199297);
  EXPECT_EQ(s.hazards,
            (std::vector<feed::Hazard>{feed::Hazard::kLandslide, feed::Hazard::kEarthquake,
                                       feed::Hazard::kTsunami}));
  EXPECT_EQ(s.capacity, 50700);
  EXPECT_EQ(s.phone, "(089)000-0000");
  EXPECT_EQ(s.url, "https://example.jp/a");
  EXPECT_TRUE(im->skipped.empty());
  EXPECT_TRUE(im->notes.empty());
}

TEST(OpendataShelters, ReadsTheOlderFormWithUnprefixedHazardColumns) {
  auto im = ImportShelters(
      "NO,名称,住所,緯度,経度,洪水,崖崩れ、土石流及び地滑り,高潮,地震,津波,大規模な火事,"
      "内水氾濫,火山現象\n"
      "7,本町小学校,横浜市中区本町1-1,35.44,139.63,○,,,○,,○,,\n");
  ASSERT_TRUE(im.ok()) << im.status().message();
  ASSERT_EQ(im->shelters.size(), 1u);
  EXPECT_EQ(im->shelters[0].id, "7");
  EXPECT_EQ(im->shelters[0].address, "横浜市中区本町1-1");
  EXPECT_EQ(im->shelters[0].hazards,
            (std::vector<feed::Hazard>{feed::Hazard::kFlood, feed::Hazard::kEarthquake,
                                       feed::Hazard::kFire}));
}

TEST(OpendataShelters, GeneratesAStableIdWhenTheIdIsEmpty) {
  const std::string csv =
      std::string(kHeader) + "122033,,大町小学校,,千葉県市川市大町84-10,,,,,,,,,,,,,,\n";
  auto a = ImportShelters(csv);
  auto b = ImportShelters(csv);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->shelters.size(), 1u);
  EXPECT_EQ(a->shelters[0].id.substr(0, 7), "122033-");
  EXPECT_EQ(a->shelters[0].id.size(), 15u);
  EXPECT_EQ(a->shelters[0].id, b->shelters[0].id);
}

TEST(OpendataShelters, SkipsRowsWithoutANameOrWithARepeatedIdAndSaysWhere) {
  const std::string csv = std::string(kHeader) +
                          "1,A1,一,,,,,,,,,,,,,,,,\n"
                          "1,A2,,,,,,,,,,,,,,,,,\n"
                          "1,A1,二,,,,,,,,,,,,,,,,\n";
  auto im = ImportShelters(csv);
  ASSERT_TRUE(im.ok());
  EXPECT_EQ(im->shelters.size(), 1u);
  ASSERT_EQ(im->skipped.size(), 2u);
  EXPECT_EQ(im->skipped[0].line, 3u);
  EXPECT_NE(im->skipped[0].message.find("name"), std::string::npos);
  EXPECT_EQ(im->skipped[1].line, 4u);
  EXPECT_NE(im->skipped[1].message.find("line 2"), std::string::npos);
}

TEST(OpendataShelters, ConditionalAndUnreadableValuesAreNotedNotGuessed) {
  const std::string csv =
      std::string(kHeader) + "1,B1,三,,,35.0,north,,△,2階以上,,1,,,,,,約100,ftp://x\n";
  auto im = ImportShelters(csv);
  ASSERT_TRUE(im.ok());
  ASSERT_EQ(im->shelters.size(), 1u);
  const ShelterRecord& s = im->shelters[0];
  EXPECT_EQ(s.hazards, std::vector<feed::Hazard>{feed::Hazard::kEarthquake});
  EXPECT_FALSE(s.lat);
  EXPECT_FALSE(s.lon);
  EXPECT_FALSE(s.capacity);
  EXPECT_TRUE(s.url.empty());
  EXPECT_EQ(im->notes.size(), 5u);  // △, 2階以上, position, capacity, URL
  for (const auto& n : im->notes) EXPECT_EQ(n.line, 2u);
}

TEST(OpendataShelters, FailsTheFileWithoutAHeader) {
  auto im = ImportShelters("a,b,c\n1,2,3\n");
  ASSERT_FALSE(im.ok());
  EXPECT_NE(im.status().message().find("header"), std::string::npos);
}

TEST(OpendataShelters, WritesARegisterTheFeedParserAccepts) {
  const std::string csv = std::string(kHeader) +
                          "382019,E1,城山公園 {本丸},ｼﾛﾔﾏ,松山市,33.8,132.7,089,1,,,1,,,,,,900,\n"
                          "382019,E2,東雲公園,,,,,,,,,,,,,,,,\n";
  auto im = ImportShelters(csv);
  ASSERT_TRUE(im.ok());
  const std::string json =
      ShelterFeedJson({"test-shelters", "避難場所", 1795392000, {}}, im->shelters);
  const feed::ParseOutcome out = feed::ParseFeed(json);
  ASSERT_TRUE(out.ok()) << (out.errors.empty() ? json : out.errors[0].message);
  ASSERT_EQ(out.feed->shelters.size(), 2u);
  const feed::Shelter& s = out.feed->shelters[0];
  EXPECT_EQ(s.id, "E1");
  EXPECT_EQ(s.name.plain("ja"), "城山公園 {本丸}");  // braces escaped, not read as furigana
  EXPECT_EQ(s.name.plain("ja-Kana"), "シロヤマ");
  EXPECT_EQ(s.hazards,
            (std::vector<feed::Hazard>{feed::Hazard::kFlood, feed::Hazard::kEarthquake}));
  EXPECT_EQ(s.capacity, 900);
  EXPECT_EQ(s.phone, "089");
  EXPECT_EQ(out.shelters_total, 2u);
}

}  // namespace
}  // namespace machikado::opendata
