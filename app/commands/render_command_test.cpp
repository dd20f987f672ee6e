// `machikado render` as staff call it: every option (--feed, --config, --out, --size, --lang, --at,
// --district, --include-test, --offline-since, --wareki, --detail, --near, --help), its exit codes
// (0 drawn, 1 a feed or config that cannot be used, 2 usage) and its messages. In process, on a
// small feed at a small size, so that the whole file runs in about a second.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "commands/command_test_util.h"

namespace machikado {
namespace {

using testing::Call;
using testing::Contains;
using testing::ReadFile;
using testing::WriteFile;
namespace fs = std::filesystem;

// Three news items: one for every district, one for "ikejiri" only, one with status "test".
const char kFeed[] = R"({
  "format": "machikado-feed/1", "id": "cli", "title": {"ja": "池尻センター", "en": "Ikejiri Center"},
  "generated": "2026-11-23T09:00:00+09:00", "ttl": 300,
  "items": [
    {"id": "all", "kind": "news", "title": {"ja": "餅つき大会", "en": "Rice cake party"},
     "summary": {"ja": "どなたでも", "en": "Everyone welcome"}},
    {"id": "local", "kind": "news", "districts": ["ikejiri"],
     "title": {"ja": "池尻の回覧", "en": "Ikejiri notice"}, "summary": {"ja": "池尻のみ"}},
    {"id": "trial", "kind": "news", "status": "test", "title": {"ja": "試しの項目"}}
  ]})";

const char kAt[] = "2026-11-23T14:05:00+09:00";

class RenderCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { feed_ = WriteFile(tmp_, "feed.json", kFeed); }

  // Renders with `extra` options into a fresh directory; returns the outcome.
  testing::CommandOutcome Render(Args extra) {
    out_ = tmp_.file("out" + std::to_string(++runs_));
    Args args = {"--feed", feed_, "--out", out_, "--size", "480x270", "--at", kAt};
    args.insert(args.end(), extra.begin(), extra.end());
    return Call(RenderCommand, args);
  }
  nlohmann::json Manifest() const {
    return nlohmann::json::parse(ReadFile(out_ + "/manifest.json"));
  }
  std::vector<std::string> SlideIds() const {
    std::vector<std::string> ids;
    const nlohmann::json manifest = Manifest();  // not a temporary: the loop refers into it
    for (const auto& s : manifest["slides"]) ids.push_back(s["id"]);
    return ids;
  }
  // Every text drawn on slide NNN (its layout.json), joined.
  std::string Texts(const std::string& base) const {
    std::string all;
    const nlohmann::json layout =
        nlohmann::json::parse(ReadFile(out_ + "/" + base + ".layout.json"));
    for (const auto& t : layout["texts"]) all += t.value("text", "") + "\n";
    return all;
  }

  ScopedTempDir tmp_;
  std::string feed_, out_;
  int runs_ = 0;
};

TEST_F(RenderCommandTest, DrawsEachSlideWithItsLayoutAndAManifest) {
  const auto r = Render({});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "1 slide(s) written to " + out_)) << r.out;
  const auto m = Manifest();
  EXPECT_EQ(m["width"], 480);
  EXPECT_EQ(m["height"], 270);
  EXPECT_EQ(m["lang"], "ja");
  EXPECT_EQ(m["at"], kAt);
  EXPECT_EQ(SlideIds(), std::vector<std::string>{"all"});  // no district given: "local" is not
  EXPECT_TRUE(fs::exists(out_ + "/001-all.png"));
  EXPECT_TRUE(Contains(Texts("001-all"), "餅つき大会"));
  EXPECT_FALSE(fs::exists(out_ + "/001-all.detail.png"));  // only with --detail
}

TEST_F(RenderCommandTest, DistrictShowsTheItemsOfThatDistrict) {
  ASSERT_EQ(Render({"--district", "ikejiri"}).code, 0);
  EXPECT_EQ(SlideIds(), (std::vector<std::string>{"all", "local"}));
  ASSERT_EQ(Render({"--district", "daita"}).code, 0);
  EXPECT_EQ(SlideIds(), std::vector<std::string>{"all"});
}

TEST_F(RenderCommandTest, LangDrawsTheScreenInThatLanguage) {
  ASSERT_EQ(Render({"--lang", "en"}).code, 0);
  EXPECT_EQ(Manifest()["lang"], "en");
  const std::string texts = Texts("001-all");
  EXPECT_TRUE(Contains(texts, "Rice cake party")) << texts;
  EXPECT_FALSE(Contains(texts, "餅つき大会")) << texts;
}

TEST_F(RenderCommandTest, IncludeTestDrawsTestItemsMarked) {
  ASSERT_EQ(Render({"--include-test"}).code, 0);
  EXPECT_EQ(SlideIds(), (std::vector<std::string>{"all", "trial"}));
  EXPECT_TRUE(Contains(Texts("002-trial"), "試験"));
}

TEST_F(RenderCommandTest, WarekiAndOfflineSinceChangeTheHeader) {
  ASSERT_EQ(Render({}).code, 0);
  const std::string plain = Texts("001-all");
  EXPECT_FALSE(Contains(plain, "令和")) << plain;
  EXPECT_FALSE(Contains(plain, "オフライン")) << plain;
  ASSERT_EQ(Render({"--wareki", "--offline-since", "2026-11-23T12:00:00+09:00"}).code, 0);
  const std::string marked = Texts("001-all");
  EXPECT_TRUE(Contains(marked, "令和8年")) << marked;
  EXPECT_TRUE(Contains(marked, "オフライン")) << marked;
}

TEST_F(RenderCommandTest, DetailDrawsWhatATapOpens) {
  ASSERT_EQ(Render({"--detail"}).code, 0);
  EXPECT_TRUE(fs::exists(out_ + "/001-all.detail.png"));
  EXPECT_TRUE(fs::exists(out_ + "/001-all.detail.layout.json"));
}

TEST_F(RenderCommandTest, ConfigGivesFeedsLanguageDistrictWarekiAndCenterName) {
  const std::string config = WriteFile(tmp_, "config.json", R"({"feeds": [")" + feed_ + R"("],
      "language": "en", "district": "ikejiri", "center_name": "テスト会館"})");
  out_ = tmp_.file("from-config");
  const auto r =
      Call(RenderCommand, {"--config", config, "--out", out_, "--size", "480x270", "--at", kAt});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Manifest()["lang"], "en");
  EXPECT_EQ(SlideIds(), (std::vector<std::string>{"all", "local"}));
  const std::string texts = Texts("001-all");
  EXPECT_TRUE(Contains(texts, "テスト会館")) << texts;
  EXPECT_TRUE(Contains(texts, "Rice cake party")) << texts;
  // show_wareki (a Japanese screen's header; --lang overrides the config's language).
  const std::string wareki =
      WriteFile(tmp_, "wareki.json", R"({"feeds": [")" + feed_ + R"("], "show_wareki": true})");
  out_ = tmp_.file("wareki");
  ASSERT_EQ(Call(RenderCommand, {"--config", wareki, "--out", out_, "--size", "480x270", "--at",
                                 kAt, "--lang", "ja"})
                .code,
            0);
  EXPECT_TRUE(Contains(Texts("001-all"), "令和8年")) << Texts("001-all");
}

TEST_F(RenderCommandTest, ABadConfigIsExit1WithItsProblems) {
  const std::string config = WriteFile(tmp_, "bad.json", R"({"feeds": [{"poll_interval_s": 60}]})");
  const auto r = Call(RenderCommand, {"--config", config, "--out", tmp_.file("x")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "bad.json: /feeds/0: a feed needs a \"url\"")) << r.err;
  const auto missing = Call(RenderCommand, {"--config", tmp_.file("none.json"), "--out", "x"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_TRUE(Contains(missing.err, "none.json")) << missing.err;
}

TEST_F(RenderCommandTest, AMissingOrRejectedFeedIsExit1) {
  auto r = Call(RenderCommand, {"--feed", tmp_.file("none.json"), "--out", tmp_.file("x")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "there is no file " + tmp_.file("none.json"))) << r.err;
  const std::string bad =
      WriteFile(tmp_, "bad.json", R"({"format": "machikado-feed/1", "id": "x")");
  r = Call(RenderCommand, {"--feed", bad, "--out", tmp_.file("x")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, bad + ": feed rejected")) << r.err;
  r = Call(RenderCommand, {"--feed", "https://example.jp/news.json", "--out", tmp_.file("x")});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "download it first")) << r.err;
}

TEST_F(RenderCommandTest, NearDrawsTheShelterSlideForThatPosition) {
  // A register of two shelters in the same feed: --near gives the kiosk's position.
  const std::string reg = WriteFile(tmp_, "register.json", R"({
    "format": "machikado-feed/1", "id": "reg", "generated": "2026-11-23T09:00:00+09:00",
    "items": [],
    "shelters": [
      {"id": "S-1", "name": {"ja": "城山公園"}, "lat": 33.8456, "lon": 132.7661,
       "hazards": ["earthquake", "large_fire"]},
      {"id": "S-2", "name": {"ja": "番町小学校"}, "lat": 33.8404, "lon": 132.7625,
       "hazards": ["flood", "earthquake"]}]})");
  out_ = tmp_.file("near");
  const auto r = Call(RenderCommand, {"--feed", reg, "--out", out_, "--size", "960x540", "--at",
                                      kAt, "--near", "33.8416,132.7657"});
  EXPECT_EQ(r.code, 0) << r.err;
  const std::vector<std::string> ids = SlideIds();
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_TRUE(Contains(ids[0], "shelters-nearby")) << ids[0];
  // Without a position there is no shelter slide (and nothing else to draw).
  (void)Call(RenderCommand, {"--feed", reg, "--out", tmp_.file("none"), "--at", kAt});
  EXPECT_FALSE(fs::exists(tmp_.file("none") + "/manifest.json") &&
               Contains(ReadFile(tmp_.file("none") + "/manifest.json"), "shelters-nearby"));
}

TEST_F(RenderCommandTest, UsageErrorsAreExit2WithTheReasonAndTheUsage) {
  const std::string out = tmp_.file("x");
  const struct {
    Args args;
    const char* message;
  } cases[] = {
      {{"--feed", feed_}, "--out is required"},
      {{"--out", out}, "give feeds with --feed"},
      {{"--feed", feed_, "--out", out, "--bogus"}, "unknown option --bogus"},
      {{"--feed", feed_, "--out", out, "--size", "wide"}, "--size needs WxH"},
      {{"--feed", feed_, "--out", out, "--at", "yesterday"}, "--at: "},
      {{"--feed", feed_, "--out", out, "--offline-since", "2026-13-01"}, "--offline-since: "},
      {{"--feed", feed_, "--out", out, "--lang"}, "--lang needs a language tag"},
      {{"--feed", feed_, "--out", out, "--district"}, "--district needs an id"},
      {{"--feed", feed_, "--out", out, "--config"}, "--config needs a file"},
      {{"--feed"}, "--feed needs a file"},
      {{"--feed", feed_, "--out"}, "--out needs a directory"},
      {{"--feed", feed_, "--out", out, "--at"}, "--at needs an RFC 3339 time"},
      {{"--feed", feed_, "--out", out, "--near", "matsuyama"}, "--near needs LAT,LON"},
      {{"--feed", feed_, "--out", out, "--near"}, "--near needs LAT,LON"},
  };
  for (const auto& c : cases) {
    const auto r = Call(RenderCommand, c.args);
    EXPECT_EQ(r.code, 2) << c.message;
    EXPECT_TRUE(Contains(r.err, c.message)) << r.err;
    EXPECT_TRUE(Contains(r.err, "usage: machikado render")) << r.err;
  }
  EXPECT_FALSE(fs::exists(out)) << "a usage error wrote output";
}

TEST_F(RenderCommandTest, HelpIsExit0OnStdout) {
  const auto r = Call(RenderCommand, {"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* option :
       {"--feed", "--config", "--out", "--size", "--lang", "--at", "--district", "--include-test",
        "--offline-since", "--wareki", "--detail"})
    EXPECT_TRUE(Contains(r.out, option)) << option;
}

}  // namespace
}  // namespace machikado
