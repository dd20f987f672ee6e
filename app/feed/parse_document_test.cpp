// ParseFeed, document level: format, required feed fields, limits on the whole document, encoding.
#include <gtest/gtest.h>

#include "feed/feed_test_util.h"
#include "feed/parse.h"

namespace machikado::feed {
namespace {

using testing::J;
using testing::MinimalFeed;
using testing::NewsItem;
using testing::Parse;

TEST(ParseDocumentTest, AcceptsMinimalFeed) {
  ParseOutcome o = Parse(MinimalFeed());
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  EXPECT_EQ(o.feed->format, "machikado-feed/1");
  EXPECT_EQ(o.feed->id, "nishi.news");
  EXPECT_EQ(o.feed->generated, 1795392000);
  EXPECT_TRUE(o.feed->items.empty());
  EXPECT_FALSE(o.feed->ttl_s.has_value());
}

TEST(ParseDocumentTest, ReadsTitleTtlAndSetsFeedIdOnItems) {
  J doc = MinimalFeed();
  doc["title"] = {{"ja", "西区まちづくりセンター"}, {"en", "Nishi Community Center"}};
  doc["ttl"] = 300;
  doc["items"].push_back(NewsItem());
  ParseOutcome o = Parse(doc);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  EXPECT_EQ(o.feed->title.plain("en"), "Nishi Community Center");
  EXPECT_EQ(o.feed->ttl_s, 300);
  ASSERT_EQ(o.feed->items.size(), 1u);
  EXPECT_EQ(o.feed->items[0].feed_id, "nishi.news");
  EXPECT_EQ(o.items_total, 1u);
  EXPECT_EQ(o.items_valid, 1u);
}

TEST(ParseDocumentTest, RejectsNewerMajorFormatWithClearMessage) {
  J doc = MinimalFeed();
  doc["format"] = "machikado-feed/2";
  EXPECT_FEED_REJECTED(Parse(doc), "/format",
                       "\"machikado-feed/2\" is newer than this kiosk understands");
}

TEST(ParseDocumentTest, AcceptsMinorVersionOfFormat1) {
  J doc = MinimalFeed();
  doc["format"] = "machikado-feed/1.3";
  EXPECT_TRUE(Parse(doc).ok());
}

TEST(ParseDocumentTest, RejectsMissingOrForeignFormat) {
  J doc = MinimalFeed();
  doc.erase("format");
  EXPECT_FEED_REJECTED(Parse(doc), "/format", "format is missing");
  for (J bad :
       {J("rss-2.0"), J("machikado-feed/0"), J("machikado-feed/x"), J("machikado-feed/1."), J(1)}) {
    doc["format"] = bad;
    EXPECT_FEED_REJECTED(Parse(doc), "/format", "machikado-feed/1");
  }
}

TEST(ParseDocumentTest, RejectsMissingOrWrongIdGeneratedItems) {
  for (const char* key : {"id", "generated", "items"}) {
    J doc = MinimalFeed();
    doc.erase(key);
    EXPECT_FEED_REJECTED(Parse(doc), std::string("/") + key, "is required but missing");
  }
  J doc = MinimalFeed();
  doc["id"] = "Nishi News";  // upper case and a space: not [a-z0-9._-]
  EXPECT_FEED_REJECTED(Parse(doc), "/id", "lower-case letters");
  doc["id"] = std::string(65, 'a');
  EXPECT_FEED_REJECTED(Parse(doc), "/id", "1 to 64 characters");
  doc = MinimalFeed();
  doc["generated"] = "2026-11-23 09:00";
  EXPECT_FEED_REJECTED(Parse(doc), "/generated", "letter T");
  doc = MinimalFeed();
  doc["items"] = J::object();
  EXPECT_FEED_REJECTED(Parse(doc), "/items", "a list in square brackets");
  doc["items"] = nullptr;
  EXPECT_FEED_REJECTED(Parse(doc), "/items", "required but it is null");
}

TEST(ParseDocumentTest, ReportsEveryFeedLevelProblemAtOnce) {
  J doc = MinimalFeed();
  doc.erase("id");
  doc.erase("generated");
  ParseOutcome o = Parse(doc);
  EXPECT_FALSE(o.feed.has_value());
  EXPECT_EQ(o.errors.size(), 2u) << testing::DumpErrors(o);
}

TEST(ParseDocumentTest, RejectsNonObjectDocument) {
  EXPECT_FEED_REJECTED(ParseFeed("[]"), "", "must be a JSON object");
  EXPECT_FEED_REJECTED(ParseFeed("\"feed\""), "", "must be a JSON object");
  EXPECT_FEED_REJECTED(ParseFeed("null"), "", "must be a JSON object");
}

TEST(ParseDocumentTest, RejectsInvalidJsonWithLineAndColumn) {
  EXPECT_FEED_REJECTED(ParseFeed("{\"format\": \"machikado-feed/1\",\n \"id\": }"), "",
                       "not valid JSON");
  EXPECT_FEED_REJECTED(ParseFeed("{\"a\": 1,}"), "", "line 1");
  EXPECT_FEED_REJECTED(ParseFeed("{\"a\": 1e400}"), "", "not valid JSON");
  EXPECT_FEED_REJECTED(ParseFeed("{\"a\": \"\\ud800\"}"), "", "not valid JSON");
  EXPECT_FEED_REJECTED(ParseFeed("{} {}"), "", "not valid JSON");
}

TEST(ParseDocumentTest, RejectsEmptyBody) {
  EXPECT_FEED_REJECTED(ParseFeed(""), "", "empty");
  EXPECT_FEED_REJECTED(ParseFeed(" \n "), "", "empty");
  EXPECT_FEED_REJECTED(ParseFeed("\xEF\xBB\xBF"), "", "empty");
}

TEST(ParseDocumentTest, AcceptsLeadingUtf8Bom) {
  EXPECT_TRUE(ParseFeed("\xEF\xBB\xBF" + MinimalFeed().dump()).ok());
}

TEST(ParseDocumentTest, RejectsUtf16WithHint) {
  EXPECT_FEED_REJECTED(ParseFeed("\xFF\xFE{\0}"), "", "UTF-16");
}

TEST(ParseDocumentTest, RejectsInvalidUtf8InStringsAndOutside) {
  std::string body = MinimalFeed().dump();
  std::string in_string = body;
  in_string.replace(in_string.find("nishi.news"), 5, "\x93\xfa\x96\x7b\x20");  // Shift_JIS bytes
  EXPECT_FEED_REJECTED(ParseFeed(in_string), "", "not valid UTF-8");
  EXPECT_FEED_REJECTED(ParseFeed("{\xFF}"), "", "byte 0xFF");
  EXPECT_FEED_REJECTED(ParseFeed("{\"a\": \"\xED\xA0\x80\"}"), "",
                       "not valid UTF-8");  // CESU surrogate
}

TEST(ParseDocumentTest, RejectsBodyOverTheByteLimitBeforeParsing) {
  FeedLimits limits;
  limits.max_body_bytes = 100;
  std::string body = MinimalFeed().dump();
  body.append(100 - body.size(), ' ');
  EXPECT_TRUE(ParseFeed(body, limits).ok());
  body += ' ';
  EXPECT_FEED_REJECTED(ParseFeed(body, limits), "", "at most 100 bytes");
  // Not even looked at: garbage over the limit gives the size error, not a syntax error.
  const std::string garbage(4 * 1024 * 1024 + 1, '[');
  EXPECT_FEED_REJECTED(ParseFeed(garbage), "", "at most 4194304 bytes (4.0 MiB)");
}

TEST(ParseDocumentTest, ConfigMayLowerLimitsButNeverRaiseThem) {
  FeedLimits raised;
  raised.max_items = 5000;
  J doc = MinimalFeed();
  for (int i = 0; i < 1001; ++i) doc["items"].push_back(NewsItem("n" + std::to_string(i)));
  EXPECT_FEED_REJECTED(Parse(doc, raised), "/items", "at most 1000");
  FeedLimits lowered;
  lowered.max_items = 2;
  J small = MinimalFeed();
  for (int i = 0; i < 3; ++i) small["items"].push_back(NewsItem("n" + std::to_string(i)));
  EXPECT_FEED_REJECTED(Parse(small, lowered), "/items", "3 items; at most 2");
}

TEST(ParseDocumentTest, Accepts1000ItemsAndRejects1001) {
  J doc = MinimalFeed();
  for (int i = 0; i < 1000; ++i) doc["items"].push_back(NewsItem("n" + std::to_string(i)));
  ParseOutcome o = Parse(doc);
  ASSERT_TRUE(o.ok()) << testing::DumpErrors(o);
  EXPECT_EQ(o.items_valid, 1000u);
  doc["items"].push_back(NewsItem("n1000"));
  o = Parse(doc);
  EXPECT_FEED_REJECTED(o, "/items", "1001 items");
  EXPECT_EQ(o.items_total, 1001u);
  EXPECT_EQ(o.items_valid, 0u);
}

TEST(ParseDocumentTest, AcceptsNestingDepth32) {
  // Depth 1 is the document; an unknown field holding 31 nested arrays reaches depth 32.
  const std::string body =
      R"({"format":"machikado-feed/1","id":"a","generated":"2026-11-23T00:00:00Z",)"
      R"("items":[],"x":)" +
      std::string(31, '[') + std::string(31, ']') + "}";
  EXPECT_TRUE(ParseFeed(body).ok());
}

TEST(ParseDocumentTest, RejectsFeedNestedDeeperThan32) {
  const std::string body =
      R"({"format":"machikado-feed/1","id":"a","generated":"2026-11-23T00:00:00Z",)"
      R"("items":[],"x":)" +
      std::string(32, '[') + std::string(32, ']') + "}";
  EXPECT_FEED_REJECTED(ParseFeed(body), "", "nested more than 32 levels");
}

TEST(ParseDocumentTest, Rejects100000OpeningBracketsWithoutStackOverflow) {
  EXPECT_FEED_REJECTED(ParseFeed(std::string(100000, '[')), "", "nested more than 32 levels");
  EXPECT_FEED_REJECTED(ParseFeed("{\"a\":" + std::string(100000, '{')), "",
                       "nested more than 32 levels");
}

TEST(ParseDocumentTest, BracketsInsideStringsDoNotCountAsNesting) {
  J doc = MinimalFeed();
  doc["items"].push_back(NewsItem());
  doc["items"][0]["body"] = std::string(200, '[') + "\\\"[{{";  // {{ is a literal brace
  EXPECT_TRUE(Parse(doc).ok());
}

TEST(ParseDocumentTest, IgnoresUnknownFieldsEverywhere) {
  J doc = MinimalFeed();
  doc["x-publisher"] = {{"tool", "cms"}, {"v", J::array({1, 2, 3})}};
  J item = testing::AlertItem();
  item["color"] = "red";
  item["shelters"] = J::array({J{{"id", "s1"}, {"name", "小学校"}, {"floor", 3}}});
  doc["items"].push_back(item);
  ParseOutcome o = Parse(doc);
  EXPECT_TRUE(o.ok()) << testing::DumpErrors(o);
}

TEST(ParseDocumentTest, BadOptionalFeedFieldsAreReportedButDoNotRejectTheFeed) {
  J doc = MinimalFeed();
  doc["ttl"] = 2;
  doc["title"] = 5;
  doc["items"].push_back(NewsItem());
  ParseOutcome o = Parse(doc);
  ASSERT_TRUE(o.feed.has_value());
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.items_valid, 1u);
  const FeedError* ttl = testing::FindError(o, "/ttl");
  ASSERT_NE(ttl, nullptr);
  EXPECT_EQ(ttl->level, FeedError::Level::kItem);
  EXPECT_FALSE(ttl->item_id.has_value());
  EXPECT_NE(ttl->message.find("5 to 86400"), std::string::npos);
  EXPECT_NE(testing::FindError(o, "/title"), nullptr);
  EXPECT_FALSE(o.feed->ttl_s.has_value());
}

TEST(ParseDocumentTest, TtlBounds) {
  J doc = MinimalFeed();
  for (int ok : {5, 86400}) {
    doc["ttl"] = ok;
    EXPECT_TRUE(Parse(doc).ok()) << ok;
  }
  for (J bad : {J(4), J(86401), J(30.5), J("300")}) {
    doc["ttl"] = bad;
    EXPECT_NE(testing::FindError(Parse(doc), "/ttl"), nullptr) << bad.dump();
  }
}

TEST(ParseDocumentTest, DuplicateKeysKeepTheLastValue) {
  const std::string body = R"({"format":"machikado-feed/1","id":"first","id":"second",)"
                           R"("generated":"2026-11-23T00:00:00Z","items":[]})";
  ParseOutcome o = ParseFeed(body);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.feed->id, "second");
}

}  // namespace
}  // namespace machikado::feed
