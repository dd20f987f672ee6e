// ParseFeed, item level: common fields of every item, duplicate ids, skipping only the bad item.
#include <gtest/gtest.h>

#include "feed/feed_test_util.h"
#include "feed/parse.h"

namespace machikado::feed {
namespace {

using testing::J;
using testing::MinimalFeed;
using testing::NewsItem;
using testing::Parse;
using testing::ParseOne;

TEST(ParseItemTest, ReadsAllCommonFields) {
  J item = NewsItem();
  item["summary"] = "{避難|ひなん}訓練";
  item["body"] = {{"ja", "本文"}, {"en", "Body"}};
  item["image"] = {{"url", "https://example.jp/a.png"}, {"alt", "ポスター"}};
  item["url"] = "https://www.city.example.jp/drill";
  item["published"] = "2026-11-01T10:00:00+09:00";
  item["valid_from"] = "2026-11-01T00:00:00+09:00";
  item["valid_until"] = "2026-12-01T00:00:00+09:00";
  item["priority"] = 70;
  item["districts"] = J::array({"nishi-1", "nishi-2"});
  item["duration"] = 12;
  item["status"] = "exercise";
  item["tags"] = J::array({"防災"});
  ParseOutcome o = ParseOne(item);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  const Item& it = o.feed->items.at(0);
  EXPECT_EQ(it.id, "news-1");
  EXPECT_EQ(it.kind, Kind::kNews);
  EXPECT_EQ(it.title.plain("en"), "Autumn drill");
  EXPECT_EQ(it.summary.plain(), "避難訓練");
  EXPECT_TRUE(it.summary.variants[0].has_ruby());
  EXPECT_EQ(it.body.languages(), (std::vector<std::string>{"ja", "en"}));
  ASSERT_TRUE(it.image.has_value());
  EXPECT_EQ(it.image->alt.plain(), "ポスター");
  EXPECT_EQ(it.url, "https://www.city.example.jp/drill");
  EXPECT_EQ(it.published, 1793494800);
  EXPECT_EQ(it.valid_until, 1796050800);
  EXPECT_EQ(it.priority, 70);
  EXPECT_EQ(it.districts, (std::vector<std::string>{"nishi-1", "nishi-2"}));
  EXPECT_EQ(it.duration_s, 12);
  EXPECT_EQ(it.status, ItemStatus::kExercise);
  EXPECT_EQ(it.tags, (std::vector<std::string>{"防災"}));
}

TEST(ParseItemTest, DefaultsWhenOptionalFieldsAreAbsent) {
  ParseOutcome o = ParseOne(NewsItem());
  ASSERT_TRUE(o.ok());
  const Item& it = o.feed->items.at(0);
  EXPECT_EQ(it.priority, 50);
  EXPECT_EQ(it.status, ItemStatus::kActual);
  EXPECT_FALSE(it.districts.has_value());
  EXPECT_FALSE(it.duration_s.has_value());
  EXPECT_FALSE(it.image.has_value());
  EXPECT_TRUE(it.url.empty());
}

TEST(ParseItemTest, BadItemIsSkippedAndTheRestKept) {
  J doc = MinimalFeed();
  doc["items"].push_back(NewsItem("a"));
  J bad = NewsItem("b");
  bad["priority"] = 101;
  doc["items"].push_back(bad);
  doc["items"].push_back(NewsItem("c"));
  ParseOutcome o = Parse(doc);
  ASSERT_TRUE(o.feed.has_value());
  EXPECT_EQ(o.items_total, 3u);
  EXPECT_EQ(o.items_valid, 2u);
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0].pointer, "/items/1/priority");
  EXPECT_EQ(o.errors[0].item_id, "b");
  EXPECT_EQ(o.feed->items[1].id, "c");
}

TEST(ParseItemTest, ReportsEveryProblemOfAnItem) {
  J item = NewsItem();
  item["priority"] = -1;
  item["duration"] = 2;
  item["status"] = "draft";
  ParseOutcome o = ParseOne(item);
  EXPECT_EQ(o.errors.size(), 3u) << testing::DumpErrors(o);
}

TEST(ParseItemTest, LaterDuplicateIdIsSkipped) {
  J doc = MinimalFeed();
  J first = NewsItem("same");
  J second = NewsItem("same");
  second["title"] = "二つ目";
  doc["items"] = J::array({first, second});
  ParseOutcome o = Parse(doc);
  ASSERT_EQ(o.feed->items.size(), 1u);
  EXPECT_EQ(o.feed->items[0].title.plain(), "秋の防災訓練");
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0].pointer, "/items/1/id");
  EXPECT_EQ(o.errors[0].level, FeedError::Level::kItem);
  EXPECT_EQ(o.errors[0].item_id, "same");
  EXPECT_NE(o.errors[0].message.find("already used by /items/0"), std::string::npos);
}

TEST(ParseItemTest, DuplicateOfAnInvalidItemIsStillADuplicate) {
  J doc = MinimalFeed();
  J first = NewsItem("same");
  first["priority"] = 900;
  doc["items"] = J::array({first, NewsItem("same")});
  ParseOutcome o = Parse(doc);
  EXPECT_EQ(o.items_valid, 0u);
  EXPECT_NE(testing::FindError(o, "/items/1/id"), nullptr);
}

TEST(ParseItemTest, RejectsMissingOrMalformedId) {
  J item = NewsItem();
  item.erase("id");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/id", "required but missing");
  for (J bad : {J(""), J("has space"), J("日本語"), J(std::string(129, 'a')), J(7)}) {
    item["id"] = bad;
    EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/id", "1 to 128 characters");
  }
  item["id"] = "Nishi:news_2026-11.v2";
  EXPECT_TRUE(ParseOne(item).ok());
  item["id"] = std::string(128, 'a');
  EXPECT_TRUE(ParseOne(item).ok());
}

TEST(ParseItemTest, ErrorsCarryTheItemId) {
  J item = NewsItem("n-7");
  item["priority"] = "high";
  ParseOutcome o = ParseOne(item);
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0].item_id, "n-7");
  EXPECT_NE(o.errors[0].message.find("the text \"high\""), std::string::npos);
}

TEST(ParseItemTest, NonObjectItemIsAnItemError) {
  J doc = MinimalFeed();
  doc["items"] = J::array({42, NewsItem()});
  ParseOutcome o = Parse(doc);
  EXPECT_EQ(o.items_valid, 1u);
  ASSERT_NE(testing::FindError(o, "/items/0"), nullptr);
  EXPECT_NE(testing::FindError(o, "/items/0")->message.find("must be an object"),
            std::string::npos);
}

TEST(ParseItemTest, UnknownKindSkipsTheItem) {
  J item = NewsItem();
  item["kind"] = "weather";
  item["priority"] = 500;  // not judged: the kind's rules are unknown
  ParseOutcome o = ParseOne(item);
  EXPECT_ITEM_ERROR(o, "/items/0/kind", "\"weather\" is not known");
  EXPECT_EQ(o.errors.size(), 1u);
}

TEST(ParseItemTest, MissingOrWrongKindIsAnItemError) {
  J item = NewsItem();
  item.erase("kind");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/kind", "required but missing");
  item["kind"] = J::array({"news"});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/kind", "must be one of");
}

TEST(ParseItemTest, TitleIsRequiredAndNotEmpty) {
  J item = NewsItem();
  item.erase("title");
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "required but missing");
  item["title"] = "  ";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title", "empty");
  item["title"] = {{"ja", "見出し"}, {"en", ""}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/title/en", "empty");
}

TEST(ParseItemTest, ValidUntilMustBeAfterValidFrom) {
  J item = NewsItem();
  item["valid_from"] = "2026-11-23T09:00:00+09:00";
  item["valid_until"] = "2026-11-23T00:00:00Z";  // the same instant
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/valid_until", "must be later than valid_from");
  item["valid_until"] = "2026-11-22T09:00:00+09:00";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/valid_until", "never be shown");
  item["valid_until"] = "2026-11-23T09:00:01+09:00";
  EXPECT_TRUE(ParseOne(item).ok());
}

TEST(ParseItemTest, BadDatetimesAreItemErrors) {
  for (const char* key : {"published", "valid_from", "valid_until"}) {
    J item = NewsItem();
    item[key] = "2026-02-30T09:00:00+09:00";
    EXPECT_ITEM_ERROR(ParseOne(item), std::string("/items/0/") + key, "not a real date");
    item[key] = "2026-11-23T09:00:00";
    EXPECT_ITEM_ERROR(ParseOne(item), std::string("/items/0/") + key, "has no offset");
    item[key] = "2026-11-23T09:00:00+25:00";
    EXPECT_ITEM_ERROR(ParseOne(item), std::string("/items/0/") + key, "offset hour 25");
    item[key] = 1795392000;
    EXPECT_ITEM_ERROR(ParseOne(item), std::string("/items/0/") + key, "date and time in quotes");
  }
}

TEST(ParseItemTest, PriorityRange) {
  J item = NewsItem();
  for (int ok : {0, 100}) {
    item["priority"] = ok;
    EXPECT_TRUE(ParseOne(item).ok());
  }
  item["priority"] = 60.0;
  EXPECT_TRUE(ParseOne(item).ok());
  for (J bad : {J(-1), J(101), J(50.5), J("50"), J(true), J(18446744073709551615ull)}) {
    item["priority"] = bad;
    EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/priority", "a whole number from 0 to 100");
  }
}

TEST(ParseItemTest, DurationRange) {
  J item = NewsItem();
  for (int ok : {3, 300}) {
    item["duration"] = ok;
    EXPECT_TRUE(ParseOne(item).ok());
  }
  for (int bad : {2, 301, 0}) {
    item["duration"] = bad;
    EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/duration", "from 3 to 300");
  }
}

TEST(ParseItemTest, StatusEnum) {
  J item = NewsItem();
  item["status"] = "test";
  EXPECT_EQ(ParseOne(item).feed->items.at(0).status, ItemStatus::kTest);
  item["status"] = "Actual";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/status",
                    "\"actual\", \"exercise\" (訓練) or \"test\"");
}

TEST(ParseItemTest, DistrictsAndTagsAreListsOfText) {
  J item = NewsItem();
  item["districts"] = "nishi-1";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/districts", "a list");
  item["districts"] = J::array({"nishi-1", 3});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/districts/1", "non-empty text");
  item["districts"] = J::array();  // shown nowhere, but valid
  EXPECT_TRUE(ParseOne(item).ok());
  item.erase("districts");
  item["tags"] = J::array({""});
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/tags/0", "non-empty text");
}

TEST(ParseItemTest, UrlMustBeAbsoluteHttp) {
  J item = NewsItem();
  item["url"] = "www.city.example.jp";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/url", "starting with https://");
  item["url"] = "mailto:info@example.jp";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/url", "https://");
  item["url"] = "/relative/page.html";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/url", "https://");
  item["url"] = "http://example.jp/ok";
  EXPECT_TRUE(ParseOne(item).ok());
}

TEST(ParseItemTest, ImageUrlResolvesAgainstBase) {
  J item = NewsItem();
  item["image"] = {{"url", "img/poster.png"}};
  EXPECT_EQ(ParseOne(item, "https://feeds.example.jp/nishi/news.json").feed->items.at(0).image->url,
            "https://feeds.example.jp/nishi/img/poster.png");
  EXPECT_EQ(ParseOne(item, "feeds/demo/news.json").feed->items.at(0).image->url,
            "feeds/demo/img/poster.png");
  EXPECT_EQ(ParseOne(item, "file:///srv/feeds/news.json").feed->items.at(0).image->url,
            "file:///srv/feeds/img/poster.png");
  EXPECT_EQ(ParseOne(item).feed->items.at(0).image->url, "img/poster.png");
}

TEST(ParseItemTest, ImageNeedsAUsableUrl) {
  J item = NewsItem();
  item["image"] = "poster.png";
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/image", "an object");
  item["image"] = {{"alt", "ポスター"}};
  EXPECT_ITEM_ERROR(ParseOne(item), "/items/0/image/url", "required but missing");
  item["image"] = {{"url", "file:///etc/passwd"}};
  EXPECT_ITEM_ERROR(ParseOne(item, "https://feeds.example.jp/a.json"), "/items/0/image/url",
                    "https://");
}

}  // namespace
}  // namespace machikado::feed
