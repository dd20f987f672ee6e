// The top-level shelter register (`shelters` of the document) and the event block's contact / url:
// accepted, checked entry by entry, wrong entries reported at their place and left out.
#include <gtest/gtest.h>

#include "feed/parse.h"

namespace machikado::feed {
namespace {

std::string Doc(const std::string& shelters, const std::string& items = "[]") {
  return R"({"format": "machikado-feed/1", "id": "reg", "generated": "2026-11-23T09:00:00+09:00",
             "items": )" +
         items + (shelters.empty() ? "" : ", \"shelters\": " + shelters) + "}";
}

TEST(FeedShelterRegister, ReadsEveryField) {
  const ParseOutcome out = ParseFeed(Doc(R"([{"id": "E1",
      "name": {"ja": "城山公園", "ja-Kana": "シロヤマコウエン"}, "address": "松山市堀之内",
      "lat": 33.8, "lon": 132.7, "hazards": ["earthquake", "tsunami"], "capacity": 50700,
      "phone": "(089)000-0000", "url": "https://example.jp/"}])"));
  ASSERT_TRUE(out.ok()) << out.errors.front().message;
  ASSERT_EQ(out.feed->shelters.size(), 1u);
  const Shelter& s = out.feed->shelters[0];
  EXPECT_EQ(s.id, "E1");
  EXPECT_EQ(s.name.plain("ja-Kana"), "シロヤマコウエン");
  EXPECT_EQ(s.hazards, (std::vector<Hazard>{Hazard::kEarthquake, Hazard::kTsunami}));
  EXPECT_EQ(s.capacity, 50700);
  EXPECT_EQ(s.phone, "(089)000-0000");
  EXPECT_EQ(s.url, "https://example.jp/");
  EXPECT_EQ(out.shelters_total, 1u);
  EXPECT_EQ(out.shelters_valid, 1u);
}

TEST(FeedShelterRegister, LeavesOutAWrongEntryAndARepeatedIdAndSaysWhere) {
  const ParseOutcome out = ParseFeed(Doc(R"([{"id": "A", "name": "一"},
      {"id": "B", "name": "二", "lat": 95},
      {"id": "A", "name": "三"},
      {"id": "C", "name": "四", "url": "ftp://x"}])"));
  ASSERT_TRUE(out.feed.has_value());
  EXPECT_EQ(out.feed->shelters.size(), 1u);
  EXPECT_EQ(out.shelters_total, 4u);
  ASSERT_EQ(out.errors.size(), 3u);
  EXPECT_EQ(out.errors[0].pointer, "/shelters/1/lat");
  EXPECT_EQ(out.errors[1].pointer, "/shelters/2/id");
  EXPECT_NE(out.errors[1].message.find("/shelters/0"), std::string::npos);
  EXPECT_EQ(out.errors[2].pointer, "/shelters/3/url");
  for (const auto& e : out.errors) EXPECT_EQ(e.level, FeedError::Level::kItem);
}

TEST(FeedShelterRegister, AnOversizeRegisterIsIgnoredButTheItemsStay) {
  FeedLimits limits;
  limits.max_register_shelters = 1;
  const ParseOutcome out =
      ParseFeed(Doc(R"([{"id": "A", "name": "一"}, {"id": "B", "name": "二"}])",
                    R"([{"id": "n", "kind": "news", "title": "お知らせ"}])"),
                limits);
  ASSERT_TRUE(out.feed.has_value());
  EXPECT_TRUE(out.feed->shelters.empty());
  EXPECT_EQ(out.feed->items.size(), 1u);
  ASSERT_FALSE(out.errors.empty());
  EXPECT_EQ(out.errors[0].pointer, "/shelters");
}

TEST(FeedShelterRegister, ReadsLargeFireAsFire) {
  const ParseOutcome out =
      ParseFeed(Doc(R"([{"id": "A", "name": "一", "hazards": ["large_fire", "fire"]}])"));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out.feed->shelters[0].hazards, (std::vector<Hazard>{Hazard::kFire, Hazard::kFire}));
}

TEST(FeedShelterRegister, AFeedWithoutARegisterHasNone) {
  const ParseOutcome out = ParseFeed(Doc(""));
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out.feed->shelters.empty());
  EXPECT_EQ(out.shelters_total, 0u);
}

TEST(FeedEventBlock, ReadsContactAndUrl) {
  const ParseOutcome out = ParseFeed(Doc("", R"([{"id": "e", "kind": "news", "title": "講座",
      "event": {"start": "2026-11-23T10:00:00+09:00", "contact": "区役所 045-000-0000",
                "url": "https://example.jp/e"}}])"));
  ASSERT_TRUE(out.ok()) << out.errors.front().message;
  const Event& e = *out.feed->items[0].news.event;
  EXPECT_EQ(e.contact.plain(), "区役所 045-000-0000");
  EXPECT_EQ(e.url, "https://example.jp/e");
}

TEST(FeedEventBlock, RejectsAnEventUrlThatIsNotWeb) {
  const std::string items =
      R"J([{"id": "e", "kind": "news", "title": "t", "event": {"url": "javascript:x"}}])J";
  const ParseOutcome out = ParseFeed(Doc("", items));
  ASSERT_TRUE(out.feed.has_value());
  EXPECT_TRUE(out.feed->items.empty());
  ASSERT_FALSE(out.errors.empty());
  EXPECT_EQ(out.errors[0].pointer, "/items/0/event/url");
}

}  // namespace
}  // namespace machikado::feed
