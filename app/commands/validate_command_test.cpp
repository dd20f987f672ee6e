// `machikado validate` as staff call it before publishing, in process: a valid feed (exit 0), an
// item skipped and a feed rejected (exit 1, each problem with its place), --json with one and with
// several sources, a missing file (exit 1), "--" before a name that starts with "-", and usage
// errors (exit 2). tests/validate_cli.test.sh runs the process on the broken-feed corpus and over
// HTTP.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "commands/command_test_util.h"

namespace machikado {
namespace {

using testing::Call;
using testing::Contains;
using testing::WriteFile;

const char kGood[] = R"({"format": "machikado-feed/1", "id": "cli",
  "generated": "2026-11-23T09:00:00+09:00",
  "items": [{"id": "a", "kind": "news", "title": {"ja": "お知らせ"}}]})";
// The second item has no title: skipped, the rest of the feed is kept.
const char kOneBadItem[] = R"({"format": "machikado-feed/1", "id": "cli",
  "generated": "2026-11-23T09:00:00+09:00",
  "items": [{"id": "a", "kind": "news", "title": {"ja": "お知らせ"}}, {"id": "b", "kind": "news"}]})";

TEST(ValidateCommandTest, AValidFeedIsExit0) {
  ScopedTempDir tmp;
  const auto r = Call(ValidateCommand, {WriteFile(tmp, "good.json", kGood)});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(
      Contains(r.out, "1 feed checked: 1 OK, 0 with problems (0 items skipped), 0 rejected"))
      << r.out;
}

TEST(ValidateCommandTest, ASkippedItemAndARejectedFeedAreExit1WithTheirPlace) {
  ScopedTempDir tmp;
  const auto item = Call(ValidateCommand, {WriteFile(tmp, "item.json", kOneBadItem)});
  EXPECT_EQ(item.code, 1);
  EXPECT_TRUE(Contains(item.out, "/items/1")) << item.out;
  EXPECT_TRUE(Contains(item.out, "1 with problems (1 item skipped)")) << item.out;
  const auto feed = Call(ValidateCommand, {WriteFile(tmp, "broken.json", R"({"format": )")});
  EXPECT_EQ(feed.code, 1);
  EXPECT_TRUE(Contains(feed.out, "1 rejected")) << feed.out;
}

TEST(ValidateCommandTest, JsonGivesOneObjectOrAnArrayWithSources) {
  ScopedTempDir tmp;
  const std::string good = WriteFile(tmp, "good.json", kGood);
  const std::string bad = WriteFile(tmp, "item.json", kOneBadItem);
  const auto one = Call(ValidateCommand, {"--json", bad});
  EXPECT_EQ(one.code, 1);
  const auto d = nlohmann::json::parse(one.out);
  EXPECT_EQ(d["ok"], false);
  EXPECT_EQ(d["items_total"], 2);
  EXPECT_EQ(d["items_valid"], 1);
  ASSERT_FALSE(d["errors"].empty());
  EXPECT_EQ(d["errors"][0]["item"], "b");
  EXPECT_EQ(d["errors"][0]["level"], "item");
  const auto both = Call(ValidateCommand, {good, "--json", bad});
  EXPECT_EQ(both.code, 1);  // the worst of the two
  const auto a = nlohmann::json::parse(both.out);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0]["source"], good);
  EXPECT_EQ(a[0]["ok"], true);
  EXPECT_EQ(a[1]["source"], bad);
}

TEST(ValidateCommandTest, AMissingFileIsExit1AndDoubleDashEndsTheOptions) {
  ScopedTempDir tmp;
  const auto r = Call(ValidateCommand, {tmp.file("none.json")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.out, "there is no file")) << r.out;
  const auto dashed = Call(ValidateCommand, {"--", "-odd.json"});
  EXPECT_EQ(dashed.code, 1) << "a file named -odd.json, not an option";
  EXPECT_TRUE(Contains(dashed.out, "-odd.json")) << dashed.out;
}

TEST(ValidateCommandTest, UsageErrorsAreExit2AndHelpIsExit0) {
  const auto none = Call(ValidateCommand, {});
  EXPECT_EQ(none.code, 2);
  EXPECT_TRUE(Contains(none.err, "name at least one feed file or URL to check")) << none.err;
  const auto unknown = Call(ValidateCommand, {"--strict", "x.json"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(Contains(unknown.err, "unknown option --strict")) << unknown.err;
  const auto help = Call(ValidateCommand, {"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_TRUE(Contains(help.out, "--json")) << help.out;
}

}  // namespace
}  // namespace machikado
