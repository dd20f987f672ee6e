// `machikado ingest` as cron or the service calls it: --once against a JMA-like Atom feed served
// in process on 127.0.0.1 (publishes the alerts in force, exit 0; a feed that cannot be fetched is
// exit 1), a configuration that is missing or wrong (exit 2, with the reason), usage errors (exit
// 2) and --help. The long-running loop is the same PollOnce (app/ingest/ingester_test.cpp);
// tests/ingest_once.test.sh runs the process with restarts and conditional requests.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "commands/command_test_util.h"
#include "loopback_server.h"
#include "platform/build_paths.h"

namespace machikado {
namespace {

using testing::Call;
using testing::Contains;
using testing::ReadFile;
using testing::WriteFile;
namespace fs = std::filesystem;

const std::string kSample =
    std::string(MACHIKADO_SOURCE_DIR) + "/../shared/testdata/jma/17_02_01_190529_VXWW50.xml";

class IngestCommandTest : public ::testing::Test {
 protected:
  // A config polling `feed_url` for area 0133100; returns its path.
  std::string Config(const std::string& feed_url) {
    return WriteFile(tmp_, "ingest.json",
                     nlohmann::json{{"jma_feeds", {feed_url}},
                                    {"areas", {"0133100"}},
                                    {"state_dir", tmp_.file("state")},
                                    {"out", tmp_.file("out/jma.json")}}
                         .dump());
  }
  ScopedTempDir tmp_;
};

TEST_F(IngestCommandTest, OncePublishesTheAlertsInForce) {
  machikado::testing::LoopbackServer server;
  const bool have_sample = fs::exists(kSample);
  const std::string atom =
      std::string(
          R"(<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">)") +
      "<title>高頻度（随時）</title>" +
      (have_sample ? "<entry><title>土砂災害警戒情報</title><id>a</id><updated>2013-08-23T06:15:14Z"
                     "</updated><link type=\"application/xml\" href=\"URL\"/></entry>"
                   : "") +
      "</feed>";
  server.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    std::string body = atom;
    if (const size_t at = body.find("URL"); at != std::string::npos)
      body.replace(at, 3, server.Url("/a.xml"));
    res.set_content(body, "application/atom+xml");
  });
  server.server().Get("/a.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(ReadFile(kSample), "application/xml");
  });
  ASSERT_GT(server.Start(), 0);
  const auto r = Call(IngestCommand, {"--config", Config(server.Url("/feed.xml")), "--once"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(ReadFile(tmp_.file("out/jma.json")));
  EXPECT_EQ(Call(ValidateCommand, {tmp_.file("out/jma.json")}).code, 0);
  if (!have_sample)
    GTEST_SKIP() << "published an empty feed; no JMA sample to convert at " << kSample;
  ASSERT_EQ(doc["items"].size(), 1u) << doc.dump();
  EXPECT_EQ(doc["items"][0]["id"], "jma-landslide-0133100");
}

TEST_F(IngestCommandTest, OnceWithAFeedThatCannotBeFetchedIsExit1) {
  const std::string url =
      "http://127.0.0.1:" + std::to_string(machikado::testing::UnusedLoopbackPort()) + "/feed.xml";
  const auto r = Call(IngestCommand, {"--config=" + Config(url), "--once"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Contains(r.err, "error(s) in this poll")) << r.err;
}

TEST_F(IngestCommandTest, AMissingOrWrongConfigIsExit2WithTheReason) {
  const auto missing = Call(IngestCommand, {"--config", tmp_.file("none.json"), "--once"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_TRUE(Contains(missing.err, "machikado ingest: " + tmp_.file("none.json") + ": "))
      << missing.err;
  const struct {
    const char* config;
    const char* message;
  } cases[] = {
      {"[]", "the ingest configuration is not a JSON object"},
      {R"({"jma_feeds": ["http://x/f.xml"], "areas": ["1"], "out": "o.json"})",
       "state_dir is required"},
      {R"({"jma_feeds": ["http://x/f.xml"], "areas": ["1"], "state_dir": "s"})",
       "out (the published feed's path) is required"},
      {R"({"areas": ["1"], "state_dir": "s", "out": "o.json"})", "name at least one feed"},
      {R"({"jma_feeds": ["http://x/f.xml"], "state_dir": "s", "out": "o.json"})",
       "name the kiosks' areas"},
      {R"({"jma_feeds": ["http://x/f.xml"], "areas": ["1"], "state_dir": "s", "out": "o.json", "poll_seconds": 5})",
       "poll_seconds must be a whole number"},
  };
  for (const auto& c : cases) {
    const auto r =
        Call(IngestCommand, {"--config", WriteFile(tmp_, "bad.json", c.config), "--once"});
    EXPECT_EQ(r.code, 2) << c.config;
    EXPECT_TRUE(Contains(r.err, c.message)) << r.err;
  }
}

TEST_F(IngestCommandTest, UsageErrorsAreExit2AndHelpIsExit0) {
  for (const Args& args : {Args{}, Args{"--once"}, Args{"--config"}, Args{"--every", "5"}}) {
    const auto r = Call(IngestCommand, args);
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(Contains(r.err, "usage: machikado ingest --config FILE [--once]")) << r.err;
  }
  const auto help = Call(IngestCommand, {"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_TRUE(Contains(help.out, "--once")) << help.out;
}

}  // namespace
}  // namespace machikado
