// Regression test (found while writing docs/caps.md): the number of listed problems is capped, so a
// feed packed with millions of small wrong values cannot make the parser allocate hundreds of MB.
#include <gtest/gtest.h>

#include <string>

#include "feed/field_reader.h"
#include "feed/parse.h"

namespace machikado::feed {
namespace {

std::string FeedWithTags(const std::string& tags) {
  return R"({"format":"machikado-feed/1","id":"amp","generated":"2026-11-23T09:00:00+09:00",)"
         R"("items":[{"id":"a","kind":"news","title":"t","tags":[)" +
         tags + R"(]},{"id":"b","kind":"news","title":"ok"}]})";
}

TEST(FeedErrorCapTest, ListsAtMost1000ProblemsForAFeedOfMillionsOfWrongValues) {
  std::string tags = "1";
  tags.reserve(4 * 1024 * 1024);
  while (tags.size() < 4 * 1024 * 1024 - 400) tags += ",1";  // ~2 million wrong tags
  ParseOutcome out = ParseFeed(FeedWithTags(tags));
  ASSERT_TRUE(out.feed.has_value());
  EXPECT_EQ(kMaxReportedErrors, out.errors.size());
  EXPECT_NE(std::string::npos, out.errors.back().message.find("further problems are not listed"));
  // The item with the bad tags is still skipped; the good one is kept.
  EXPECT_EQ(2u, out.items_total);
  ASSERT_EQ(1u, out.feed->items.size());
  EXPECT_EQ("b", out.feed->items[0].id);
}

TEST(FeedErrorCapTest, FewProblemsAreListedInFull) {
  ParseOutcome out = ParseFeed(FeedWithTags("1,2,\"x\""));
  EXPECT_EQ(2u, out.errors.size());
  for (const FeedError& e : out.errors) EXPECT_EQ(std::string::npos, e.message.find("not listed"));
}

}  // namespace
}  // namespace machikado::feed
