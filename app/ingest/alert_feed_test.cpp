// The feed writer: limits, ruby braces, control characters, level_basis.
#include "ingest/alert_feed.h"

#include <gtest/gtest.h>

#include "feed/parse.h"

namespace machikado::ingest {
namespace {

TEST(AlertFeed, CutsTextToTheLimitWithAnEllipsis) {
  EXPECT_EQ(FeedText("あいうえお", 3), "あい…");
  EXPECT_EQ(FeedText("あいう", 3), "あいう");
  EXPECT_EQ(FeedText("abc", 10), "abc");
}

TEST(AlertFeed, EscapesRubyBracesAndDropsControls) {
  EXPECT_EQ(FeedText("a{b}c\x01\x7f\td", 100), "a{{b}}c\td");
}

TEST(AlertFeed, WritesAValidFeedWithAnEquivalentLevel) {
  OfficialAlert a;
  a.id = "jma-landslide-0133100";
  a.level = 4;
  a.level_equivalent = true;
  a.hazard = feed::Hazard::kLandslide;
  a.title = {{"ja", std::string(300, 'x')}};
  a.summary = {{"ja", "{崖}の近く"}};
  a.issued = 1'700'000'000;
  a.expires = a.issued;  // not after issued: left out rather than invalid
  a.area_names = {"松前町"};
  AlertFeedOptions o;
  o.generated = a.issued;
  const std::string json = WriteAlertFeed({a}, o);
  const feed::ParseOutcome p = feed::ParseFeed(json);
  ASSERT_TRUE(p.ok()) << json;
  const feed::Item& item = p.feed->items.at(0);
  EXPECT_EQ(item.alert.level, 4);
  EXPECT_EQ(item.alert.level_basis, feed::LevelBasis::kEquivalent);
  EXPECT_EQ(item.title.plain().size(), 120u + 2);  // 119 × 'x' and "…" (3 bytes)
  EXPECT_EQ(item.summary.plain(), "{崖}の近く");
  EXPECT_FALSE(item.alert.expires);
}

}  // namespace
}  // namespace machikado::ingest
