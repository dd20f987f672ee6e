// `machikado validate` as staff call it before publishing, in process: a valid feed (exit 0), an
// item skipped and a feed rejected (exit 1, each problem with its place), --json with one and with
// several sources, a missing file (exit 1), "--" before a name that starts with "-", usage
// errors (exit 2), staff warnings with --at, and local images checked against their sha256.
// tests/validate_cli.test.sh runs the process on the broken-feed corpus and over HTTP.
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

TEST(ValidateCommandTest, WarningsNameTheWrongWeekdayAndNeverChangeTheExitStatus) {
  ScopedTempDir tmp;
  const std::string path =
      WriteFile(tmp, "drill.json", R"({"format": "machikado-feed/1", "id": "cli",
    "generated": "2026-11-23T09:00:00+09:00",
    "items": [{"id": "drill", "kind": "news", "title": {"ja": "12月6日(土)防災訓練"},
               "valid_until": "2026-12-07T00:00:00+09:00"}]})");
  // As of 2026-11-25: the weekday is wrong (the 6th is a Sunday); valid_until is still ahead.
  const auto before = Call(ValidateCommand, {"--at", "2026-11-25T09:00:00+09:00", path});
  EXPECT_EQ(before.code, 0) << before.out;
  EXPECT_TRUE(Contains(before.out,
                       "warning [drill] title (ja): 「12月6日(土)」: 2026-12-06 is a "
                       "Sunday (日曜日), not 土曜日"))
      << before.out;
  EXPECT_FALSE(Contains(before.out, "in the past")) << before.out;
  EXPECT_TRUE(Contains(before.out, "; 1 warning.")) << before.out;
  // As of 2026-12-10 it has also expired.
  const auto after = Call(ValidateCommand, {"--json", "--at", "2026-12-10T09:00:00+09:00", path});
  EXPECT_EQ(after.code, 0) << after.out;
  const auto d = nlohmann::json::parse(after.out);
  ASSERT_EQ(d["warnings"].size(), 2u) << after.out;
  EXPECT_EQ(d["warnings"][1]["field"], "valid_until");
  // A bad --at is a usage error.
  EXPECT_EQ(Call(ValidateCommand, {"--at", "tomorrow", path}).code, 2);
  EXPECT_EQ(Call(ValidateCommand, {path, "--at"}).code, 2);
}

TEST(ValidateCommandTest, LocalImagesMustExistAndMatchTheirDigest) {
  ScopedTempDir tmp;
  const std::string png(
      "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
      "\0\0\0\rIDATx\x9c"
      "c\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xae"
      "B`\x82",
      67);
  WriteFile(tmp, "dot.png", png);
  auto feed = [](const std::string& image, const std::string& sha256) {
    return std::string(R"({"format": "machikado-feed/1", "id": "cli",
      "generated": "2026-11-23T09:00:00+09:00",
      "items": [{"id": "pic", "kind": "news", "title": "写真", "image": {"url": ")") +
           image + "\"" + (sha256.empty() ? "" : ", \"sha256\": \"" + sha256 + "\"") + "}}]}";
  };
  const auto ok = Call(ValidateCommand, {WriteFile(tmp, "ok.json", feed("dot.png", ""))});
  EXPECT_EQ(ok.code, 0) << ok.out;
  const auto missing =
      Call(ValidateCommand, {WriteFile(tmp, "missing.json", feed("none.png", ""))});
  EXPECT_EQ(missing.code, 1) << missing.out;
  EXPECT_TRUE(Contains(missing.out, "none.png")) << missing.out;
  EXPECT_TRUE(Contains(missing.out, "the kiosk would show this item without it")) << missing.out;
  const auto wrong =
      Call(ValidateCommand, {WriteFile(tmp, "wrong.json", feed("dot.png", std::string(64, 'a')))});
  EXPECT_EQ(wrong.code, 1) << wrong.out;
  EXPECT_TRUE(Contains(wrong.out, "not the one the feed names")) << wrong.out;
}

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
