// ImportEvents on small CSVs that each show one rule, and the feed it writes read back through the
// feed parser.
#include "opendata/event_import.h"

#include <gtest/gtest.h>

#include "feed/datetime.h"
#include "feed/parse.h"
#include "opendata/feed_document.h"

namespace machikado::opendata {
namespace {

std::string Jst(int64_t t) {
  return feed::FormatRfc3339(t, 9 * 3600);
}

const char kStandardHeader[] =
    "全国地方公共団体コード,ID,地方公共団体名,イベント名,イベント名_英字,開始日,終了日,開始時間,"
    "終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,主催者,"
    "場所名称,所在地_連結表記,URL\n";

TEST(OpendataEvents, ReadsTheCurrentStandardColumns) {
  const std::string csv =
      std::string(kStandardHeader) +
      "141046,ev1,横浜市中区,防災訓練,Drill,2026-11-23,2026-11-23,09:00,12:00,雨天中止,"
      "\"説明の\n二行目\",0,,中区役所,045-000-0000,中区,本町小学校,,https://example.jp/e\n";
  auto im = ImportEvents(csv);
  ASSERT_TRUE(im.ok()) << im.status().message();
  ASSERT_EQ(im->events.size(), 1u);
  const EventRecord& e = im->events[0];
  EXPECT_EQ(e.id, "event-141046-ev1");
  EXPECT_EQ(e.title, "防災訓練");
  EXPECT_EQ(e.title_en, "Drill");
  EXPECT_EQ(Jst(e.start), "2026-11-23T09:00:00+09:00");
  EXPECT_EQ(Jst(*e.end), "2026-11-23T12:00:00+09:00");
  EXPECT_EQ(Jst(e.valid_until), "2026-11-23T12:00:00+09:00");
  EXPECT_EQ(e.summary, "説明の\n二行目");
  EXPECT_EQ(e.body, "説明の\n二行目\n\n雨天中止");
  EXPECT_EQ(e.fee, "無料");
  EXPECT_EQ(e.contact, "中区役所 045-000-0000");
  EXPECT_EQ(e.source, "中区");
  EXPECT_EQ(e.place, "本町小学校");
  EXPECT_EQ(e.url, "https://example.jp/e");
}

TEST(OpendataEvents, ReadsHeadersFromAPropertyMetadataRow) {
  const std::string csv =
      "#LINK,,,,,\n"
      "#property,no,eventName,venue,startDate,startTime,endDate,endTime\n"
      "#object_type_xsd,string,string,string,string,string,string,string\n"
      "1,0001,まちあるき,商店街,5/16/2020,09:30,5/23/2020,12:00\n";
  auto im = ImportEvents(csv);
  ASSERT_TRUE(im.ok()) << im.status().message();
  EXPECT_EQ(im->header_line, 2u);
  ASSERT_EQ(im->events.size(), 1u);
  EXPECT_EQ(im->events[0].line, 4u);
  EXPECT_EQ(im->events[0].place, "商店街");
  EXPECT_EQ(Jst(im->events[0].start), "2020-05-16T09:30:00+09:00");
  EXPECT_EQ(Jst(*im->events[0].end), "2020-05-23T12:00:00+09:00");
}

TEST(OpendataEvents, DateOnlyEventsStartAtMidnightAndLastTheWholeDay) {
  auto im =
      ImportEvents("イベント名,開始日,終了日\n展示,2020/9/1,2020/9/30\n一日,2020/9/1,2020/9/1\n");
  ASSERT_TRUE(im.ok());
  ASSERT_EQ(im->events.size(), 2u);
  EXPECT_EQ(Jst(im->events[0].start), "2020-09-01T00:00:00+09:00");
  EXPECT_EQ(Jst(*im->events[0].end), "2020-09-30T00:00:00+09:00");
  EXPECT_EQ(Jst(im->events[0].valid_until), "2020-10-01T00:00:00+09:00");
  EXPECT_FALSE(im->events[1].end);  // same day: the date alone says it
  EXPECT_EQ(Jst(im->events[1].valid_until), "2020-09-02T00:00:00+09:00");
}

TEST(OpendataEvents, SkipsRowsThatEndBeforeTheyStartOrHaveUnreadableDates) {
  auto im = ImportEvents(
      "イベント名,開始日,終了日,開始時間,終了時間\n"
      "逆,2020/9/1,2020/3/31,,\n"
      "時刻逆,2020/9/1,2020/9/1,15:00,14:00\n"
      "読めない,いつか,,,\n"
      ",2020/9/1,,,\n"
      "時刻不明,2020/9/1,,10時頃,\n");
  ASSERT_TRUE(im.ok());
  ASSERT_EQ(im->skipped.size(), 4u);
  EXPECT_EQ(im->skipped[0].line, 2u);
  EXPECT_NE(im->skipped[0].message.find("before it starts"), std::string::npos);
  EXPECT_EQ(im->skipped[1].line, 3u);
  EXPECT_EQ(im->skipped[2].line, 4u);
  EXPECT_NE(im->skipped[2].message.find("いつか"), std::string::npos);
  EXPECT_EQ(im->skipped[3].line, 5u);
  ASSERT_EQ(im->events.size(), 1u);  // 時刻不明: kept, date only, noted
  EXPECT_EQ(Jst(im->events[0].start), "2020-09-01T00:00:00+09:00");
  ASSERT_EQ(im->notes.size(), 1u);
  EXPECT_EQ(im->notes[0].line, 6u);
}

TEST(OpendataEvents, TakesTheTimeAnExportWroteIntoTheEndDate) {
  auto im =
      ImportEvents("イベント名,開始日,終了日,開始時間\n講座,8/2/2020,8/2/2020  3:30:00 PM,10:00\n");
  ASSERT_TRUE(im.ok());
  ASSERT_EQ(im->events.size(), 1u);
  EXPECT_EQ(Jst(*im->events[0].end), "2020-08-02T15:30:00+09:00");
}

TEST(OpendataEvents, CutsLongTextsToTheFeedLimits) {
  const std::string long_title(200, 'a'), long_text(5000, 'b');
  auto im = ImportEvents("イベント名,開始日,説明\n" + long_title + ",2020/1/1," + long_text + "\n");
  ASSERT_TRUE(im.ok());
  ASSERT_EQ(im->events.size(), 1u);
  EXPECT_EQ(im->events[0].title, std::string(119, 'a') + "…");
  EXPECT_EQ(im->events[0].summary, std::string(399, 'b') + "…");
  EXPECT_EQ(im->events[0].body, std::string(3999, 'b') + "…");
}

TEST(OpendataEvents, WritesNewsItemsTheFeedParserAccepts) {
  const std::string csv =
      std::string(kStandardHeader) +
      "141046,ev1,横浜市中区,防災訓練 {本番},,2026-11-23,2026-11-24,09:00,12:00,,説明,500,"
      "資料代,中区役所,045,中区,本町小学校,,https://example.jp/e\n";
  auto im = ImportEvents(csv);
  ASSERT_TRUE(im.ok());
  const std::string json =
      EventFeedJson({"test-events", "", 1795392000, std::string("naka")}, im->events);
  const feed::ParseOutcome out = feed::ParseFeed(json);
  ASSERT_TRUE(out.ok()) << (out.errors.empty() ? json : out.errors[0].message);
  ASSERT_EQ(out.feed->items.size(), 1u);
  const feed::Item& item = out.feed->items[0];
  EXPECT_EQ(item.kind, feed::Kind::kNews);
  EXPECT_EQ(item.title.plain(), "防災訓練 {本番}");
  ASSERT_TRUE(item.districts);
  EXPECT_EQ(*item.districts, std::vector<std::string>{"naka"});
  ASSERT_TRUE(item.news.event);
  EXPECT_EQ(item.news.event->fee.plain(), "500円（資料代）");
  EXPECT_EQ(item.news.event->contact.plain(), "中区役所 045");
  EXPECT_EQ(item.news.event->url, "https://example.jp/e");
  EXPECT_EQ(item.url, "https://example.jp/e");
  EXPECT_EQ(item.news.source.plain(), "中区");
}

}  // namespace
}  // namespace machikado::opendata
