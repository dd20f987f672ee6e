// `machikado run` as an installer or a developer calls it: usage errors (unknown options, missing
// or bad values: exit 2 with the reason and the usage), a configuration that cannot be used (exit
// 1, pointing at check-config) and one short headless run in process that honours --feed,
// --state-dir, --district, --lang, --size and --run-for (read back from the proof-of-play log it
// leaves). --config, --renderer, --windowed and stopping on SIGTERM are exercised end to end by
// the script tests (offline_status, renderer_choice, touch_e2e, cage_service).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "commands/command_test_util.h"

namespace machikado {
namespace {

using testing::Call;
using testing::Contains;
using testing::ReadFile;
using testing::WriteFile;

TEST(RunCommandTest, UsageErrorsAreExit2WithTheReasonAndTheUsage) {
  const struct {
    Args args;
    const char* message;
  } cases[] = {
      {{"--fullscreen"}, "unknown option --fullscreen"},
      {{"--config"}, "--config needs a value"},
      {{"--feed"}, "--feed needs a value"},
      {{"--state-dir"}, "--state-dir needs a value"},
      {{"--district"}, "--district needs a value"},
      {{"--lang"}, "--lang needs a value"},
      {{"--windowed", "big"}, "--windowed expects WxH"},
      {{"--windowed", "100x100"}, "--windowed expects WxH"},  // below 320 px
      {{"--size", "1920x"}, "--size expects WxH"},
      {{"--renderer", "vulkan"}, "--renderer expects auto, gpu or software"},
      {{"--run-for", "soon"}, "--run-for expects a number of seconds"},
      {{"--run-for", "-1"}, "--run-for expects a number of seconds"},
  };
  for (const auto& c : cases) {
    const auto r = Call(RunCommand, c.args);
    EXPECT_EQ(r.code, 2) << c.message;
    EXPECT_TRUE(Contains(r.err, "machikado run: " + std::string(c.message))) << r.err;
    EXPECT_TRUE(Contains(r.err, "usage: machikado run")) << r.err;
  }
}

TEST(RunCommandTest, HelpListsEveryOption) {
  const auto r = Call(RunCommand, {"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* option : {"--config", "--feed", "--state-dir", "--district", "--lang",
                             "--windowed", "--renderer", "--headless", "--size", "--run-for"})
    EXPECT_TRUE(Contains(r.out, option)) << option;
}

TEST(RunCommandTest, AConfigThatCannotBeUsedIsExit1) {
  ScopedTempDir tmp;
  const std::string bad = WriteFile(tmp, "bad.json", R"({"feeds": [{"poll_interval_s": 60}]})");
  const auto r = Call(RunCommand, {"--headless", "--config", bad, "--state-dir", tmp.file("s")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "a feed needs a \"url\"")) << r.err;
  EXPECT_TRUE(Contains(r.err, "machikado check-config " + bad)) << r.err;
  const auto missing = Call(RunCommand, {"--headless", "--config", tmp.file("none.json")});
  EXPECT_EQ(missing.code, 1);
  EXPECT_TRUE(Contains(missing.err, "none.json")) << missing.err;
}

// One headless run of about a second: the only item is for district "ikejiri", so it is shown only
// because of --district; the proof-of-play log says in which language.
TEST(RunCommandTest, AHeadlessRunHonoursFeedDistrictLangAndStateDir) {
  ScopedTempDir tmp;
  const std::string feed = WriteFile(tmp, "feed.json", R"({
    "format": "machikado-feed/1", "id": "cli", "title": {"ja": "池尻センター"},
    "generated": "2026-11-23T09:00:00+09:00", "ttl": 300,
    "items": [{"id": "local", "kind": "news", "districts": ["ikejiri"],
               "title": {"ja": "池尻の回覧", "en": "Ikejiri notice"}}]})");
  const auto r = Call(RunCommand,
                      {"--headless", "--feed", feed, "--state-dir", tmp.file("state"), "--district",
                       "ikejiri", "--lang", "en", "--size", "640x360", "--run-for", "1"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto status = nlohmann::json::parse(ReadFile(tmp.file("state/status.json")));
  ASSERT_EQ(status["feeds"].size(), 1u);
  EXPECT_EQ(status["feeds"][0]["state"], "ok") << status.dump();
  const std::string plays = ReadFile(tmp.file("state/play/play.jsonl"));
  ASSERT_FALSE(plays.empty()) << r.err;
  const auto first = nlohmann::json::parse(plays.substr(0, plays.find('\n')));
  EXPECT_EQ(first["item"], "local");
  EXPECT_EQ(first["lang"], "en");
}

}  // namespace
}  // namespace machikado
