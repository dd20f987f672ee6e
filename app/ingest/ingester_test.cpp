// The ingest service against a loopback JMA-like server (cpp-httplib on 127.0.0.1, started here):
// conditional polling, a restart (nothing fetched twice, nothing in force forgotten), an outage of
// the feed and of a document (no loss), and a 取消 (withdrawn, also after a restart).
#include "ingest/ingester.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <mutex>

#include "core/temp_dir.h"
#include "feed/parse.h"
#include "ingest/ingest_test_util.h"
#include "loopback_server.h"
#include "net/curl_http_client.h"
#include "trust/minisign.h"
#include "trust/minisign_signer.h"

namespace machikado::ingest {
namespace {

using namespace machikado::ingest::testing;
using machikado::testing::LoopbackServer;

// A JMA-like publisher: one Atom feed whose entries it can add, documents by path, and switches for
// outages. Answers If-Modified-Since with 304 while the feed is unchanged.
class FakeJma {
 public:
  FakeJma() {
    auto& s = server_.server();
    s.Get("/feed.xml", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      if (feed_down_) {
        res.status = 503;
        return;
      }
      const std::string lm = "Mon, 23 Nov 2026 00:00:" + std::to_string(10 + version_) + " GMT";
      if (req.get_header_value("If-Modified-Since") == lm) {
        res.status = 304;
        return;
      }
      res.set_header("Last-Modified", lm);
      std::string atom =
          "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
          "<title>高頻度（随時）</title>";
      for (const auto& e : entries_)
        atom += "<entry><title>" + e.title + "</title><id>" + e.id + "</id><updated>" + e.updated +
                "</updated><link type=\"application/xml\" href=\"" +
                server_.Url("/data/" + e.id + ".xml") + "\"/></entry>";
      atom += "</feed>";
      res.set_content(atom, "application/atom+xml");
    });
    s.Get(R"(/data/(.+)\.xml)", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      const auto it = docs_.find(req.matches[1]);
      if (docs_down_ || it == docs_.end()) {
        res.status = 503;
        return;
      }
      res.set_content(it->second, "application/xml");
    });
    server_.Start();
  }
  void Add(const std::string& id, const std::string& title, const std::string& updated,
           std::string doc) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.push_back({id, title, updated});
    docs_[id] = std::move(doc);
    ++version_;
  }
  void SetFeedDown(bool down) {
    std::lock_guard<std::mutex> lock(mu_);
    feed_down_ = down;
  }
  void SetDocsDown(bool down) {
    std::lock_guard<std::mutex> lock(mu_);
    docs_down_ = down;
  }
  std::string Url(const std::string& p) const { return server_.Url(p); }
  size_t Hits(const std::string& p) const { return server_.hits(p); }
  std::vector<LoopbackServer::Seen> Seen() const { return server_.seen(); }

 private:
  struct Entry {
    std::string id, title, updated;
  };
  LoopbackServer server_;
  std::mutex mu_;
  std::vector<Entry> entries_;
  std::map<std::string, std::string> docs_;
  int version_ = 0;
  bool feed_down_ = false;
  bool docs_down_ = false;
};

class IngesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MACHIKADO_NEED_TESTDATA("jma");
    ASSERT_TRUE(curl_.status().ok());
    config_.jma_feeds = {jma_.Url("/feed.xml")};
    config_.areas.codes = {"0133100", "210"};
    config_.state_dir = dir_.file("state");
    config_.out = dir_.file("alerts.json");
    config_.feed_id = "jma-alerts";
  }
  std::unique_ptr<Ingester> Start() {
    auto i = std::make_unique<Ingester>(config_, http_, fs_);
    EXPECT_TRUE(i->Load(kNow).ok());
    return i;
  }
  // The ids in the published feed (which must be valid).
  std::vector<std::string> Published() {
    auto bytes = fs_.ReadFile(config_.out, 4 << 20);
    if (!bytes.ok()) return {"(no feed)"};
    feed::ParseOutcome o = feed::ParseFeed(*bytes);
    EXPECT_TRUE(o.ok());
    std::vector<std::string> ids;
    if (o.feed)
      for (const auto& i : o.feed->items) ids.push_back(i.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  static std::string Jma(const std::string& name) {
    return ReadBytes(TestdataDir("jma") + "/" + name);
  }
  // The landslide information withdrawn: the same office's message, InfoType 取消, an hour later.
  static std::string LandslideCancelled() {
    std::string doc = Jma("17_02_01_190529_VXWW50.xml");
    const auto replace = [&](const std::string& from, const std::string& to) {
      const size_t at = doc.find(from);
      if (at != std::string::npos) doc.replace(at, from.size(), to);
    };
    replace("<InfoType>発表</InfoType>", "<InfoType>取消</InfoType>");
    replace("<ReportDateTime>2013-08-23T15:15:00+09:00",
            "<ReportDateTime>2013-08-23T16:15:00+09:00");
    const size_t body = doc.find("<Body");
    doc =
        doc.substr(0, body) +
        "<Body xmlns=\"http://xml.kishou.go.jp/jmaxml1/body/meteorology1/\"><Text>先ほどの土砂災害"
        "警戒情報を取り消します。</Text></Body></Report>";
    return doc;
  }

  static constexpr UnixSeconds kNow = 1'795'410'300;  // 2026-11-23T14:05:00+09:00
  net::CurlGlobal curl_;
  net::CurlHttpClient http_;
  PosixFileSystem fs_;
  ScopedTempDir dir_{"machikado-ingest"};
  FakeJma jma_;
  IngestConfig config_;
};

TEST_F(IngesterTest, FetchesEachNewEntryOnceAndPollsConditionally) {
  jma_.Add("landslide", "土砂災害警戒情報", "2013-08-23T06:15:14Z",
           Jma("17_02_01_190529_VXWW50.xml"));
  jma_.Add("season", "季節観測", "2013-08-23T06:16:00Z", Jma("01_01_03_091210_VGSK50.xml"));
  auto ingester = Start();
  ASSERT_TRUE(ingester->PollOnce(kNow).ok()) << ingester->status().last_error;
  EXPECT_EQ(Published(), std::vector<std::string>{"jma-landslide-0133100"});
  EXPECT_EQ(jma_.Hits("/data/landslide.xml"), 1u);
  EXPECT_EQ(jma_.Hits("/data/season.xml"), 0u);  // not a warning kind: never downloaded
  ASSERT_TRUE(ingester->PollOnce(kNow + 60).ok());
  EXPECT_EQ(jma_.Hits("/data/landslide.xml"), 1u);
  const auto seen = jma_.Seen();
  EXPECT_FALSE(seen.back().if_modified_since.empty()) << "the second poll must be conditional";
  EXPECT_EQ(ingester->status().entries_fetched, 1u);
}

TEST_F(IngesterTest, ARestartNeitherRepeatsNorForgets) {
  jma_.Add("landslide", "土砂災害警戒情報", "2013-08-23T06:15:14Z",
           Jma("17_02_01_190529_VXWW50.xml"));
  ASSERT_TRUE(Start()->PollOnce(kNow).ok());
  // The service restarts; meanwhile a tsunami warning was published.
  jma_.Add("tsunami", "津波警報・注意報・予報a", "2013-08-23T07:00:00Z",
           Jma("32-39_11_02_250206_VTSE41.xml"));
  auto again = Start();
  EXPECT_EQ(Published(), std::vector<std::string>{"jma-landslide-0133100"})
      << "what was in force is published at start, before any poll";
  ASSERT_TRUE(again->PollOnce(kNow + 60).ok()) << again->status().last_error;
  EXPECT_EQ(Published(), (std::vector<std::string>{"jma-landslide-0133100", "jma-tsunami-210"}));
  EXPECT_EQ(jma_.Hits("/data/landslide.xml"), 1u);
  EXPECT_EQ(jma_.Hits("/data/tsunami.xml"), 1u);
}

TEST_F(IngesterTest, AnOutageLosesNothing) {
  jma_.Add("landslide", "土砂災害警戒情報", "2013-08-23T06:15:14Z",
           Jma("17_02_01_190529_VXWW50.xml"));
  auto ingester = Start();
  ASSERT_TRUE(ingester->PollOnce(kNow).ok());
  jma_.SetFeedDown(true);
  EXPECT_FALSE(ingester->PollOnce(kNow + 60).ok());
  EXPECT_EQ(ingester->status().errors, 1u);
  EXPECT_EQ(Published(), std::vector<std::string>{"jma-landslide-0133100"})
      << "kept during an outage";
  // Back up, but the new document fails once: it is fetched again at the next poll.
  jma_.SetFeedDown(false);
  jma_.SetDocsDown(true);
  jma_.Add("tsunami", "津波警報・注意報・予報a", "2013-08-23T07:00:00Z",
           Jma("32-39_11_02_250206_VTSE41.xml"));
  EXPECT_FALSE(ingester->PollOnce(kNow + 120).ok());
  jma_.SetDocsDown(false);
  ASSERT_TRUE(ingester->PollOnce(kNow + 180).ok()) << ingester->status().last_error;
  EXPECT_EQ(Published(), (std::vector<std::string>{"jma-landslide-0133100", "jma-tsunami-210"}));
  EXPECT_EQ(jma_.Hits("/data/landslide.xml"), 1u);
}

TEST_F(IngesterTest, ACancellationWithdrawsAndStaysWithdrawnAfterARestart) {
  jma_.Add("landslide", "土砂災害警戒情報", "2013-08-23T06:15:14Z",
           Jma("17_02_01_190529_VXWW50.xml"));
  auto ingester = Start();
  ASSERT_TRUE(ingester->PollOnce(kNow).ok());
  jma_.Add("landslide-cancel", "土砂災害警戒情報", "2013-08-23T07:15:14Z", LandslideCancelled());
  ASSERT_TRUE(ingester->PollOnce(kNow + 60).ok()) << ingester->status().last_error;
  EXPECT_EQ(Published(), std::vector<std::string>{});
  ingester.reset();
  auto again = Start();
  ASSERT_TRUE(again->PollOnce(kNow + 120).ok());
  EXPECT_EQ(Published(), std::vector<std::string>{});
  EXPECT_EQ(jma_.Hits("/data/landslide.xml"), 1u);
  EXPECT_EQ(jma_.Hits("/data/landslide-cancel.xml"), 1u);
}

TEST_F(IngesterTest, AnUnreadableDocumentIsRecordedAndChangesNothing) {
  jma_.Add("landslide", "土砂災害警戒情報", "2013-08-23T06:15:14Z",
           Jma("17_02_01_190529_VXWW50.xml"));
  jma_.Add("broken", "土砂災害警戒情報", "2013-08-23T07:15:14Z",
           "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>");
  auto ingester = Start();
  ingester->PollOnce(kNow);
  EXPECT_EQ(Published(), std::vector<std::string>{"jma-landslide-0133100"});
  EXPECT_NE(ingester->status().last_error.find("entity"), std::string::npos)
      << ingester->status().last_error;
  ingester->PollOnce(kNow + 60);
  EXPECT_EQ(jma_.Hits("/data/broken.xml"), 1u) << "an unreadable document is not fetched again";
}

TEST_F(IngesterTest, PublishesASignatureKiosksVerifyWhenAKeyIsConfigured) {
  if (std::system("command -v minisign >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "minisign is not on PATH";
  const std::string cmd =
      "cd '" + dir_.path() + "' && minisign -G -W -p k.pub -s k.key </dev/null >/dev/null 2>&1";
  ASSERT_EQ(0, std::system(cmd.c_str()));
  auto key = trust::ParseSecretKey(fs_.ReadFile(dir_.file("k.key"), 4096).value());
  ASSERT_TRUE(key.ok()) << key.status().message();
  auto pub = trust::ParsePublicKey(fs_.ReadFile(dir_.file("k.pub"), 4096).value());
  ASSERT_TRUE(pub.ok());
  jma_.Add("landslide", "土砂災害警戒情報", "2013-08-23T06:15:14Z",
           Jma("17_02_01_190529_VXWW50.xml"));
  Ingester ingester(config_, http_, fs_, &*key);
  ASSERT_TRUE(ingester.Load(kNow).ok());
  ASSERT_TRUE(ingester.PollOnce(kNow).ok());
  const std::string body = fs_.ReadFile(config_.out, 4 << 20).value();
  const std::string sig = fs_.ReadFile(config_.out + ".minisig", 4096).value();
  trust::SignatureError err;
  auto v = trust::VerifySignature(body, sig, {*pub}, &err);
  ASSERT_TRUE(v.has_value()) << err.message;
  EXPECT_NE(v->trusted_comment.find("file:alerts.json"), std::string::npos);
  EXPECT_NE(body.find("jma-landslide-0133100"), std::string::npos);
}

TEST(IngestConfigTest, ReadsAndChecksKeys) {
  auto c = ParseIngestConfig(
      R"({"jma_feeds": ["https://www.data.jma.go.jp/developer/xml/feed/extra.xml"],
          "areas": ["1311200", "300"], "state_dir": "/var/lib/m", "out": "/srv/a.json"})");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->poll_seconds, 60);
  EXPECT_EQ(c->areas.codes.size(), 2u);
  EXPECT_FALSE(ParseIngestConfig(R"({"jma_feeds": ["x"], "areas": ["1"], "state_dir": "s",
                                     "out": "o"})")
                   .ok());
  EXPECT_FALSE(ParseIngestConfig(R"({"jma_feeds": ["https://a/f"], "areas": ["1"],
                                     "state_dir": "s", "out": "o", "poll_seconds": 5})")
                   .ok());
  EXPECT_FALSE(ParseIngestConfig(R"({"jma_feeds": ["https://a/f"], "state_dir": "s",
                                     "out": "o"})")
                   .ok());
}

}  // namespace
}  // namespace machikado::ingest
