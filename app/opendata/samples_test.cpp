// The importers over every real sample in ../shared/testdata/opendata (third-party files, kept
// beside the project, never copied in): row counts, chosen names, hazards, dates and spot values
// checked against the files (the figures were counted in the files independently of this code), and
// every written feed accepted by the feed parser. Skipped when the folder is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "feed/datetime.h"
#include "feed/parse.h"
#include "opendata/event_import.h"
#include "opendata/feed_document.h"
#include "opendata/shelter_import.h"
#include "platform/build_paths.h"

namespace machikado::opendata {
namespace {

namespace fs = std::filesystem;
using feed::Hazard;

const fs::path kDir = fs::path(MACHIKADO_SOURCE_DIR) / ".." / "shared" / "testdata" / "opendata";

std::string Slurp(const std::string& name) {
  std::ifstream in(kDir / name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

#define REQUIRE_SAMPLE(name) \
  if (!fs::exists(kDir / (name))) GTEST_SKIP() << "sample not found: " << (kDir / (name))

std::string Jst(int64_t t) {
  return feed::FormatRfc3339(t, 9 * 3600);
}

size_t CountHazard(const std::vector<ShelterRecord>& list, Hazard h) {
  return static_cast<size_t>(std::count_if(list.begin(), list.end(), [&](const ShelterRecord& s) {
    return std::find(s.hazards.begin(), s.hazards.end(), h) != s.hazards.end();
  }));
}

const ShelterRecord* ByName(const std::vector<ShelterRecord>& list, const std::string& name) {
  for (const auto& s : list)
    if (s.name == name) return &s;
  return nullptr;
}

void ExpectValidFeed(const std::string& json, size_t items, size_t shelters) {
  const feed::ParseOutcome out = feed::ParseFeed(json);
  ASSERT_TRUE(out.feed.has_value()) << out.errors.front().message;
  for (const auto& e : out.errors) ADD_FAILURE() << e.pointer << ": " << e.message;
  EXPECT_EQ(out.items_valid, items);
  EXPECT_EQ(out.shelters_valid, shelters);
}

// 松山市: current standard, UTF-8 with BOM, a blank header column, capacities like "50,700 ".
TEST(OpendataSamples, MatsuyamaShelters) {
  REQUIRE_SAMPLE("382019_evacuation_space.csv");
  auto im = ImportShelters(Slurp("382019_evacuation_space.csv"));
  ASSERT_TRUE(im.ok()) << im.status().message();
  EXPECT_EQ(im->encoding, SourceEncoding::kUtf8Bom);
  EXPECT_EQ(im->header_line, 1u);
  EXPECT_EQ(im->data_rows, 390u);
  EXPECT_EQ(im->shelters.size(), 390u);
  EXPECT_TRUE(im->skipped.empty());
  EXPECT_TRUE(im->notes.empty());
  const auto& list = im->shelters;
  EXPECT_EQ(CountHazard(list, Hazard::kFlood), 137u);
  EXPECT_EQ(CountHazard(list, Hazard::kLandslide), 319u);
  EXPECT_EQ(CountHazard(list, Hazard::kStormSurge), 282u);
  EXPECT_EQ(CountHazard(list, Hazard::kEarthquake), 390u);
  EXPECT_EQ(CountHazard(list, Hazard::kTsunami), 331u);
  EXPECT_EQ(CountHazard(list, Hazard::kFire), 6u);
  EXPECT_EQ(CountHazard(list, Hazard::kInlandFlood), 0u);
  EXPECT_EQ(CountHazard(list, Hazard::kVolcano), 0u);
  const ShelterRecord& first = list.front();
  EXPECT_EQ(first.line, 2u);
  EXPECT_EQ(first.id, "E3820100602201");
  EXPECT_EQ(first.name, "城山公園");
  EXPECT_EQ(first.name_kana, "シロヤマコウエン");
  EXPECT_EQ(first.address, "愛媛県松山市堀之内");
  EXPECT_DOUBLE_EQ(*first.lat, 33.84199297);
  EXPECT_DOUBLE_EQ(*first.lon, 132.7618544);
  EXPECT_EQ(first.capacity, 50700);  // written "50,700 "
  EXPECT_EQ(first.hazards, (std::vector<Hazard>{Hazard::kStormSurge, Hazard::kEarthquake,
                                                Hazard::kTsunami, Hazard::kFire}));
  const ShelterRecord* kuukou =
      ByName(list, "空港通1，2公園");  // 「空港通１，２公園」: digits narrowed
  ASSERT_NE(kuukou, nullptr);
  EXPECT_EQ(kuukou->capacity, 4000);
  ExpectValidFeed(ShelterFeedJson({"matsuyama", "", 0, {}}, list), 0, 390);
}

// 市川市: Shift_JIS, CRLF, every ID empty, half-width katakana readings.
TEST(OpendataSamples, IchikawaShelters) {
  REQUIRE_SAMPLE("122033_103_evacuation_space.csv");
  auto im = ImportShelters(Slurp("122033_103_evacuation_space.csv"));
  ASSERT_TRUE(im.ok()) << im.status().message();
  EXPECT_EQ(im->encoding, SourceEncoding::kCp932);
  EXPECT_EQ(im->data_rows, 121u);
  EXPECT_EQ(im->shelters.size(), 121u);
  EXPECT_TRUE(im->skipped.empty());
  const auto& list = im->shelters;
  EXPECT_EQ(CountHazard(list, Hazard::kFlood), 102u);
  EXPECT_EQ(CountHazard(list, Hazard::kLandslide), 88u);
  EXPECT_EQ(CountHazard(list, Hazard::kStormSurge), 119u);
  EXPECT_EQ(CountHazard(list, Hazard::kEarthquake), 119u);
  EXPECT_EQ(CountHazard(list, Hazard::kTsunami), 119u);
  EXPECT_EQ(CountHazard(list, Hazard::kInlandFlood), 109u);
  EXPECT_EQ(CountHazard(list, Hazard::kFire), 0u);
  const ShelterRecord& first = list.front();
  EXPECT_EQ(first.name, "県立国分高校");
  EXPECT_EQ(first.name_kana, "ケンリツコクブンコウコウ");  // ｹﾝﾘﾂｺｸﾌﾞﾝｺｳｺｳ widened
  EXPECT_EQ(first.address, "千葉県市川市稲越2丁目2-1");
  EXPECT_EQ(first.phone, "(047)371-6100");
  EXPECT_EQ(first.url, "http://cms1.chiba-c.ed.jp/kokubun-h/");
  EXPECT_EQ(first.id.rfind("122033-", 0), 0u) << first.id;  // generated: the file has no IDs
  EXPECT_EQ(first.hazards,
            (std::vector<Hazard>{Hazard::kFlood, Hazard::kLandslide, Hazard::kStormSurge,
                                 Hazard::kEarthquake, Hazard::kTsunami, Hazard::kInlandFlood}));
  EXPECT_EQ(list.back().line, 122u);
  EXPECT_EQ(list.back().name, "塩焼2丁目広場");  // 「塩焼２丁目広場」
  EXPECT_EQ(list.back().name_kana, "シオヤキニチョウメヒロバ");
  EXPECT_EQ(std::count_if(list.begin(), list.end(), [](auto& s) { return !s.phone.empty(); }),
            121 - 17);
  EXPECT_EQ(std::count_if(list.begin(), list.end(), [](auto& s) { return !s.url.empty(); }), 95);
  ExpectValidFeed(ShelterFeedJson({"ichikawa", "", 0, {}}, list), 0, 121);
}

// 高松市: `#` metadata rows carrying the column names (#property), 5/16/2020 dates, quoted line
// feeds in CRLF records, rows ending before they start.
TEST(OpendataSamples, TakamatsuEvents) {
  REQUIRE_SAMPLE("0081.csv");
  auto im = ImportEvents(Slurp("0081.csv"));
  ASSERT_TRUE(im.ok()) << im.status().message();
  EXPECT_EQ(im->encoding, SourceEncoding::kUtf8Bom);
  EXPECT_EQ(im->header_line, 7u);
  EXPECT_EQ(im->data_rows, 943u);
  // Seven rows end before they start (e.g. no 562 on line 3152: 2020/9/1 to 2020/3/31; no 713 on
  // line 3746: 11/21/2020 09:00 to 1/11/2020 16:30): skipped, each named.
  EXPECT_EQ(im->events.size(), 936u);
  std::vector<size_t> lines;
  for (const auto& p : im->skipped) {
    lines.push_back(p.line);
    EXPECT_NE(p.message.find("before it starts"), std::string::npos) << p.message;
  }
  EXPECT_EQ(lines, (std::vector<size_t>{2569, 2698, 2733, 3090, 3152, 3746, 4023}));
  const EventRecord& first = im->events.front();
  EXPECT_EQ(first.line, 10u);
  EXPECT_EQ(first.id, "event-372013-0001");
  EXPECT_EQ(first.title, "今昔まちあるきツアー");
  EXPECT_EQ(Jst(first.start), "2020-05-16T09:30:00+09:00");
  EXPECT_EQ(Jst(*first.end), "2020-05-23T12:00:00+09:00");
  EXPECT_EQ(first.place, "商店街周辺");
  EXPECT_EQ(first.source, "(公財)高松観光コンベンション・ビューロー");
  EXPECT_EQ(first.summary.rfind("設定日：5/16(土)、23(土)\n参加料金：", 0), 0u) << first.summary;
  const EventRecord& last = im->events.back();
  EXPECT_EQ(last.line, 5723u);
  EXPECT_EQ(last.title, "小学生ソフトテニス教室　新規受講生の募集");
  EXPECT_EQ(Jst(last.start), "2021-04-10T13:00:00+09:00");
  EXPECT_EQ(Jst(*last.end), "2022-03-26T15:00:00+09:00");
  for (const EventRecord& e : im->events) {
    if (e.line == 994) {  // no 223: end written "8/2/2020  3:30:00 PM", 終了時間 15:30
      EXPECT_EQ(Jst(*e.end), "2020-08-02T15:30:00+09:00");
    }
  }
  ExpectValidFeed(EventFeedJson({"takamatsu", "", 0, std::string("takamatsu")}, im->events), 936,
                  0);
}

// 市川市: the national catalogue's event schema, ISO dates, 場所名称 empty and 集合場所 given.
TEST(OpendataSamples, IchikawaEvents) {
  REQUIRE_SAMPLE("o1-122033_g1-000304.csv");
  auto im = ImportEvents(Slurp("o1-122033_g1-000304.csv"));
  ASSERT_TRUE(im.ok()) << im.status().message();
  EXPECT_EQ(im->encoding, SourceEncoding::kUtf8Bom);
  EXPECT_EQ(im->data_rows, 36u);
  EXPECT_EQ(im->events.size(), 36u);
  EXPECT_TRUE(im->skipped.empty());
  const EventRecord& first = im->events.front();
  EXPECT_EQ(first.id, "event-122033-0000000001");
  EXPECT_EQ(first.title.rfind("令和3年度 市川市こども発達センター", 0), 0u);
  EXPECT_EQ(Jst(first.start), "2022-03-10T00:00:00+09:00");  // no time: shown as a date
  EXPECT_EQ(Jst(*first.end), "2022-03-23T00:00:00+09:00");
  EXPECT_EQ(Jst(first.valid_until), "2022-03-24T00:00:00+09:00");
  EXPECT_EQ(first.place, "オンライン(市公式YouTubeチャンネル)");
  EXPECT_EQ(first.fee, "無料");
  EXPECT_EQ(first.url.rfind("https://event.city.ichikawa.lg.jp/portal/event.jsp?id=1418", 0), 0u);
  const EventRecord& second = im->events[1];
  EXPECT_EQ(second.line, 9u);
  EXPECT_EQ(Jst(second.start), "2022-03-07T10:30:00+09:00");
  EXPECT_EQ(Jst(*second.end), "2022-03-07T11:30:00+09:00");
  EXPECT_EQ(second.place, "南行徳保健センター");
  EXPECT_EQ(second.contact, "市川市保健センター　栄養担当 (047)377-4511");
  EXPECT_EQ(im->events.back().line, 288u);
  size_t with_detail_fee = 0;
  for (const auto& e : im->events) with_detail_fee += e.fee.find("全14回分") != std::string::npos;
  EXPECT_EQ(with_detail_fee, 1u);
  ExpectValidFeed(EventFeedJson({"ichikawa-events", "", 0, {}}, im->events), 36, 0);
}

}  // namespace
}  // namespace machikado::opendata
