// `machikado check-config [--lenient] FILE` as an installer calls it: a good config (exit 0, "OK"
// with the feed count), an unknown key named with its place and the likely key (an error unless
// --lenient), no feed (exit 1, even lenient; the demo only with "demo": true), a bad one (exit 1,
// every problem with its place), broken JSON explained and a missing file (exit 1), usage errors
// (exit 2) and --help (exit 0). In process.
#include <gtest/gtest.h>

#include "commands/command_test_util.h"

namespace machikado {
namespace {

using testing::Call;
using testing::Contains;
using testing::WriteFile;

TEST(CheckConfigCommandTest, AGoodConfigIsOkWithItsFeedCount) {
  ScopedTempDir tmp;
  const std::string path = WriteFile(tmp, "config.json", R"({
    // comments are allowed
    "feeds": ["https://example.jp/news.json", {"url": "file:///srv/alerts.json", "poll_interval_s": 30}],
    "district": "ikejiri", "language": "ja"})");
  const auto r = Call(CheckConfigCommand, {path});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(Contains(r.out, path + ": OK — 2 feed(s)\n")) << r.out;
}

TEST(CheckConfigCommandTest, AnUnknownKeyIsNamedWithItsPlaceAndTheLikelyKey) {
  ScopedTempDir tmp;
  const std::string path = WriteFile(tmp, "typo.json", R"({"feeds": ["https://example.jp/a.json"],
      "distrct": "ikejiri"})");
  const auto r = Call(CheckConfigCommand, {path});
  EXPECT_TRUE(Contains(r.out, " at /distrct: unknown setting \"distrct\"")) << r.out;
  EXPECT_TRUE(Contains(r.out, "did you mean \"district\"")) << r.out;
}

TEST(CheckConfigCommandTest, ABadConfigIsExit1WithEveryProblemAndItsPlace) {
  ScopedTempDir tmp;
  const std::string path = WriteFile(tmp, "bad.json", R"({
    "feeds": [{"poll_interval_s": 60}, {"url": "https://example.jp/a.json", "poll_interval_s": 1}],
    "idle_return_s": "soon"})");
  const auto r = Call(CheckConfigCommand, {path});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.out, path + ": error at /feeds/0: a feed needs a \"url\"")) << r.out;
  EXPECT_TRUE(Contains(r.out, "error at /feeds/1/poll_interval_s")) << r.out;
  EXPECT_TRUE(Contains(r.out, "error at /idle_return_s")) << r.out;
  EXPECT_TRUE(Contains(r.out, path + ": not usable — fix the errors above")) << r.out;
}

TEST(CheckConfigCommandTest, BrokenJsonAndAMissingFileAreExit1) {
  ScopedTempDir tmp;
  const auto broken = Call(CheckConfigCommand, {WriteFile(tmp, "broken.json", R"({"feeds": [)")});
  EXPECT_EQ(broken.code, 1);
  EXPECT_TRUE(Contains(broken.out, "broken.json: error")) << broken.out;
  const auto missing = Call(CheckConfigCommand, {tmp.file("none.json")});
  EXPECT_EQ(missing.code, 1);
  EXPECT_TRUE(Contains(missing.out, "none.json: error")) << missing.out;
  EXPECT_TRUE(Contains(missing.out, "not usable")) << missing.out;
}

TEST(CheckConfigCommandTest, UnknownKeysAreErrorsUnlessLenient) {
  ScopedTempDir tmp;
  const std::string path = WriteFile(tmp, "typo.json", R"({"feeds": ["https://example.jp/a.json"],
      "distrct": "ikejiri"})");
  const auto strict = Call(CheckConfigCommand, {path});
  EXPECT_EQ(strict.code, 1) << strict.out;
  EXPECT_TRUE(Contains(strict.out, path + ": error at /distrct")) << strict.out;
  EXPECT_TRUE(Contains(strict.out, "1 unknown key(s)")) << strict.out;
  const auto lenient = Call(CheckConfigCommand, {"--lenient", path});
  EXPECT_EQ(lenient.code, 0) << lenient.out;
  EXPECT_TRUE(Contains(lenient.out, path + ": warning at /distrct")) << lenient.out;
  EXPECT_TRUE(Contains(lenient.out, path + ": OK — 1 feed(s)")) << lenient.out;
}

TEST(CheckConfigCommandTest, NoFeedIsExit1EvenLenientAndTheDemoOnlyOnRequest) {
  ScopedTempDir tmp;
  const std::string typo =
      WriteFile(tmp, "feds.json", R"({"feds": ["https://example.jp/a.json"]})");
  for (const Args& args : {Args{typo}, Args{"--lenient", typo}}) {
    const auto r = Call(CheckConfigCommand, args);
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_TRUE(Contains(r.out, "the configuration names no feed")) << r.out;
    EXPECT_TRUE(Contains(r.out, "did you mean \"feeds\"")) << r.out;
    EXPECT_TRUE(Contains(r.out, "この画面は設定されていません")) << r.out;
  }
  const auto demo = Call(CheckConfigCommand, {WriteFile(tmp, "demo.json", R"({"demo": true})")});
  EXPECT_EQ(demo.code, 0) << demo.out;
  EXPECT_TRUE(Contains(demo.out, "the bundled demo feeds")) << demo.out;
}

TEST(CheckConfigCommandTest, SyntaxErrorsAreExplainedWithLineAndColumn) {
  ScopedTempDir tmp;
  const auto r = Call(CheckConfigCommand,
                      {WriteFile(tmp, "comma.json", "{\n  \"feeds\": [\"a.json\",],\n}\n")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.out, "line 2, column 21: there is a comma before ]")) << r.out;
}

TEST(CheckConfigCommandTest, UsageErrorsAreExit2AndHelpIsExit0) {
  const auto unknown = Call(CheckConfigCommand, {"--strict", "a.json"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(Contains(unknown.err, "unknown option --strict")) << unknown.err;
  for (const Args& args : {Args{}, Args{"a.json", "b.json"}}) {
    const auto r = Call(CheckConfigCommand, args);
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(Contains(r.err, "usage: machikado check-config")) << r.err;
  }
  const auto help = Call(CheckConfigCommand, {"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_TRUE(Contains(help.out, "usage: machikado check-config")) << help.out;
}

}  // namespace
}  // namespace machikado
