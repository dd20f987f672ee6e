// FeedPipeline against a real libcurl client and an in-process server on 127.0.0.1, with a
// FakeClock driving the poll schedule: every fault keeps the last good content and reports the
// right state.
#include "pipeline/feed_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "feed/shelter_refs.h"
#include "gzip_bomb.h"
#include "loopback_server.h"
#include "net/curl_http_client.h"
#include "net/file_source.h"
#include "trust/image_digest.h"
#include "trust/minisign_signer.h"

#include <sodium.h>
#include <cstring>

namespace machikado::pipeline {
namespace {

using machikado::testing::LoopbackServer;
using namespace std::chrono_literals;

constexpr char kJson[] = "application/json; charset=utf-8";
constexpr UnixSeconds kNow = 1795392000;  // 2026-11-23T00:00:00Z

std::string Feed(const std::string& title, const std::string& image = "") {
  std::string item = R"({"id": "n1", "kind": "news", "title": ")" + title + "\"";
  if (!image.empty()) item += R"(, "image": {"url": ")" + image + R"(", "alt": "x"})";
  item += "}";
  return R"({"format": "machikado-feed/1", "id": "center", "generated": "2026-11-22T09:00:00+09:00",
            "items": [)" +
         item + "]}";
}

// A 1×1 PNG, and the header of a 5000×5000 one (stb reads only the header).
const std::string kPng1x1(
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
    "\0\0\0\rIDATx\x9c"
    "c\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xae"
    "B`\x82",
    67);
const std::string kPngHuge(
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x13\x88\0\0\x13\x88\x08\x06\0\0\0\0\0\0\0", 33);

enum class Mode {
  kServe,
  k500,
  k404,
  kStall,
  kDrip,
  kTruncated,
  kLoop,
  kBig,
  kBomb,
  kHtml,
  k429,
  kInvalid
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& s = server_.server();
    s.Get("/feed", [this](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Date", date_header_);
      switch (mode_.load()) {
        case Mode::kServe: {
          std::lock_guard<std::mutex> lock(mu_);
          if (use_etag_) res.set_header("ETag", etag_);
          if (!use_etag_) res.set_header("Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT");
          if ((use_etag_ && req.get_header_value("If-None-Match") == etag_) ||
              (!use_etag_ &&
               req.get_header_value("If-Modified-Since") == "Sun, 22 Nov 2026 10:00:00 GMT")) {
            res.status = 304;
            return;
          }
          res.set_content(body_, kJson);
          return;
        }
        case Mode::k500:
          res.status = 500;
          return;
        case Mode::k404:
          res.status = 404;
          return;
        case Mode::kStall:
          // Shutting down: the fixture's members may already be gone; touch nothing.
          if (!server_.Stalled(10s)) return;
          res.set_content(body_, kJson);
          return;
        case Mode::kDrip:
          res.set_chunked_content_provider(kJson, [this](size_t, httplib::DataSink& sink) {
            if (!server_.Stalled(300ms)) return false;
            sink.write(" ", 1);
            return true;
          });
          return;
        case Mode::kTruncated:
          res.set_content_provider(1000, kJson, [](size_t off, size_t, httplib::DataSink& sink) {
            if (off > 0) return false;
            sink.write("{\"format\": \"machikado-feed/1\",", 30);
            return true;
          });
          return;
        case Mode::kLoop:
          res.set_redirect("/feed");
          return;
        case Mode::kBig:
          res.set_content(std::string(5 << 20, ' '), kJson);
          return;
        case Mode::kBomb:
          res.set_header("Content-Encoding", "gzip");
          res.set_content(Bomb(), kJson);
          return;
        case Mode::kHtml:
          res.set_content("<html>Log in to the guest Wi-Fi</html>", "text/html");
          return;
        case Mode::k429:
          res.status = 429;
          res.set_header("Retry-After", "120");
          return;
        case Mode::kInvalid:
          res.set_content("{\"format\": \"machikado-feed/1\"", kJson);
          return;
      }
    });
    s.Get("/feed.minisig", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      if (!signer_) {
        res.status = 404;
        return;
      }
      res.set_content(trust::SignMinisign(*signer_, body_, "feed", kNow), "text/plain");
    });
    s.Get("/img/ok.png", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kPng1x1, "image/png");
    });
    s.Get("/img/huge.png", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kPngHuge, "image/png");
    });
    s.Get("/img/corrupt.png", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("not a png at all", "image/png");
    });
    server_.Start();
    body_ = Feed("v1");
  }

  static const std::string& Bomb() {
    static const std::string bomb =
        machikado::testing::GzipOfZeros(32u << 20) /* 32 MiB decoded vs the 4 MiB feed cap */;
    return bomb;
  }

  PipelineConfig Config() {
    PipelineConfig c;
    c.feeds.push_back({server_.Url("/feed"), 10, false});
    c.poll.start_jitter_max_s = 0;
    c.request.connect_timeout_ms = 1000;
    c.request.total_timeout_ms = 1500;
    c.request.low_speed_bytes_per_s = 100;
    c.request.low_speed_time_s = 1;
    c.seed = 1;
    return c;
  }
  std::unique_ptr<FeedPipeline> Make(PipelineConfig c, std::function<void()> wake = {}) {
    return std::make_unique<FeedPipeline>(std::move(c), client_, &store_, clock_, sanity_, log_,
                                          std::move(wake));
  }
  void Serve(const std::string& body, const std::string& etag) {
    std::lock_guard<std::mutex> lock(mu_);
    body_ = body;
    etag_ = etag;
  }
  static std::string Title(const Snapshot& s) {
    return s.items.empty() ? "" : s.items[0]->title.plain("ja");
  }
  // Primes the pipeline with good content "v1" from the server.
  std::unique_ptr<FeedPipeline> Primed() {
    auto p = Make(Config());
    p->LoadCache();
    p->RunDue();
    auto snap = p->Latest();
    EXPECT_EQ(snap->feeds[0].state, FeedReport::State::kOk) << snap->feeds[0].last_error;
    EXPECT_EQ(Title(*snap), "v1");
    return p;
  }

  // Makes a key pair: the server signs the feed with it; the returned config requires it.
  PipelineConfig SignedConfig() {
    EXPECT_GE(sodium_init(), 0);
    uint8_t pk[32];
    auto key = std::make_unique<trust::SecretKey>();
    crypto_sign_keypair(pk, key->secret.data());
    randombytes_buf(key->key_id.data(), key->key_id.size());
    trust::PublicKey pub;
    std::memcpy(pub.key_id.data(), key->key_id.data(), 8);
    std::memcpy(pub.key.data(), pk, 32);
    {
      std::lock_guard<std::mutex> lock(mu_);
      signer_ = std::move(key);
    }
    PipelineConfig c = Config();
    c.verifier = trust::FeedVerifier({pub});
    return c;
  }
  // A feed whose item names `image` with the given sha256 ("" = none).
  static std::string FeedWithDigest(const std::string& image, const std::string& sha256) {
    std::string item = R"({"id": "n1", "kind": "news", "title": "signed", "image": {"url": ")" +
                       image + "\"" + (sha256.empty() ? "" : R"(, "sha256": ")" + sha256 + "\"") +
                       "}}";
    return R"({"format": "machikado-feed/1", "id": "center", "generated": "2026-11-22T09:00:00+09:00",
            "items": [)" +
           item + "]}";
  }

  net::CurlGlobal global_;
  std::unique_ptr<trust::SecretKey> signer_;  // set: /feed.minisig signs the served body
  LoopbackServer server_;
  net::CurlHttpClient client_;
  MemoryFeedStore store_;
  FakeClock clock_{kNow};
  ClockSanity sanity_{clock_};
  MemoryLog log_;
  std::atomic<Mode> mode_{Mode::kServe};
  std::mutex mu_;
  std::string body_;
  std::string etag_ = "\"v1\"";
  bool use_etag_ = true;
  std::string date_header_ = "Mon, 23 Nov 2026 00:00:00 GMT";
};

TEST_F(PipelineTest, SecondPollIsAConditionalGetAnswered304WithoutParseOrStore) {
  auto p = Primed();
  EXPECT_EQ(store_.feed_writes(), 1u);
  const uint64_t version = p->Latest()->content_version;
  clock_.advance_s(11);
  p->RunDue();
  auto seen = server_.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].if_none_match, "");
  EXPECT_EQ(seen[1].if_none_match, "\"v1\"");
  auto snap = p->Latest();
  EXPECT_EQ(snap->feeds[0].state, FeedReport::State::kOk);
  EXPECT_EQ(snap->feeds[0].http_status, 304);
  EXPECT_EQ(snap->feeds[0].last_ok, kNow + 11);
  EXPECT_EQ(snap->content_version, version);  // nothing changed: the renderer can skip work
  EXPECT_EQ(store_.feed_writes(), 1u);
  EXPECT_EQ(Title(*snap), "v1");
}

TEST_F(PipelineTest, LastModifiedRoundTrip) {
  use_etag_ = false;
  auto p = Primed();
  clock_.advance_s(11);
  p->RunDue();
  auto seen = server_.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1].if_modified_since, "Sun, 22 Nov 2026 10:00:00 GMT");
  EXPECT_EQ(p->Latest()->feeds[0].http_status, 304);
}

TEST_F(PipelineTest, ChangedContentReplacesTheOldAndIsStored) {
  auto p = Primed();
  Serve(Feed("v2"), "\"v2\"");
  clock_.advance_s(11);
  p->RunDue();
  EXPECT_EQ(Title(*p->Latest()), "v2");
  EXPECT_EQ(store_.LoadFeed(server_.Url("/feed"))->etag, "\"v2\"");
}

struct Fault {
  Mode mode;
  FeedReport::State state;
  const char* kind;
};

class PipelineFaultTest : public PipelineTest, public ::testing::WithParamInterface<Fault> {};

TEST_P(PipelineFaultTest, KeepsTheLastGoodContentAndReportsTheState) {
  if (GetParam().mode == Mode::kBomb) Bomb();  // built before the clock starts ticking on a request
  auto p = Primed();
  mode_ = GetParam().mode;
  clock_.advance_s(11);
  p->RunDue();
  auto snap = p->Latest();
  const FeedReport& r = snap->feeds[0];
  EXPECT_EQ(r.state, GetParam().state) << r.last_error;
  EXPECT_EQ(r.last_error_kind, GetParam().kind) << r.last_error;
  EXPECT_FALSE(r.last_error.empty());
  EXPECT_EQ(r.last_ok, kNow);
  EXPECT_EQ(r.last_attempt, kNow + 11);
  EXPECT_EQ(r.consecutive_failures, 1);
  EXPECT_EQ(Title(*snap), "v1");  // the last good content stays
  EXPECT_EQ(r.items, 1u);
  EXPECT_EQ(store_.LoadFeed(server_.Url("/feed"))->body, Feed("v1"));
}

INSTANTIATE_TEST_SUITE_P(
    Faults, PipelineFaultTest,
    ::testing::Values(Fault{Mode::k500, FeedReport::State::kOffline, "http_status"},
                      Fault{Mode::k404, FeedReport::State::kOffline, "http_status"},
                      Fault{Mode::kStall, FeedReport::State::kOffline, "timeout"},
                      Fault{Mode::kDrip, FeedReport::State::kOffline, "timeout"},
                      Fault{Mode::kTruncated, FeedReport::State::kOffline, "truncated"},
                      Fault{Mode::kLoop, FeedReport::State::kOffline, "too_many_redirects"},
                      Fault{Mode::kBig, FeedReport::State::kRejected, "too_large"},
                      Fault{Mode::kBomb, FeedReport::State::kRejected, "too_large"},
                      Fault{Mode::kHtml, FeedReport::State::kOffline, "content_type"},
                      Fault{Mode::k429, FeedReport::State::kOffline, "http_status"},
                      Fault{Mode::kInvalid, FeedReport::State::kRejected, "rejected"}));

TEST_F(PipelineTest, ConnectionRefusedIsOfflineAndKeepsContent) {
  auto p = Primed();
  server_.Stop();
  clock_.advance_s(11);
  p->RunDue();
  auto snap = p->Latest();
  EXPECT_EQ(snap->feeds[0].state, FeedReport::State::kOffline);
  EXPECT_EQ(snap->feeds[0].last_error_kind, "connect");
  EXPECT_EQ(Title(*snap), "v1");
}

TEST_F(PipelineTest, ServerBackAfterAnOutageUpdatesTheContent) {
  auto p = Primed();
  mode_ = Mode::k500;
  for (int i = 0; i < 3; ++i) {
    clock_.advance_s(400);  // past any backoff (cap 300 s)
    p->RunDue();
  }
  EXPECT_EQ(p->Latest()->feeds[0].consecutive_failures, 3);
  mode_ = Mode::kServe;
  Serve(Feed("v2"), "\"v2\"");
  clock_.advance_s(400);
  p->RunDue();
  auto snap = p->Latest();
  EXPECT_EQ(snap->feeds[0].state, FeedReport::State::kOk);
  EXPECT_EQ(snap->feeds[0].consecutive_failures, 0);
  EXPECT_EQ(Title(*snap), "v2");
}

TEST_F(PipelineTest, RetryAfterOn429DelaysTheNextPoll) {
  auto p = Primed();
  mode_ = Mode::k429;
  clock_.advance_s(11);
  p->RunDue();
  EXPECT_EQ(server_.hits("/feed"), 2u);
  mode_ = Mode::kServe;
  clock_.advance_s(119);
  p->RunDue();
  EXPECT_EQ(server_.hits("/feed"), 2u);  // still inside Retry-After: 120
  clock_.advance_s(1);
  p->RunDue();
  EXPECT_EQ(server_.hits("/feed"), 3u);
  EXPECT_EQ(p->Latest()->feeds[0].state, FeedReport::State::kOk);
}

TEST_F(PipelineTest, CachedContentIsPublishedBeforeAnyNetworkAttemptCompletes) {
  store_.StoreFeed({server_.Url("/feed"), Feed("cached"), "\"c\"", "", kNow - 3600});
  mode_ = Mode::kStall;  // the network hangs
  std::atomic<int> wakes{0};
  PipelineConfig c = Config();
  c.request.total_timeout_ms = 60'000;  // the fetch cannot finish first, however slow this machine
  auto p = Make(c, [&] { ++wakes; });
  p->Start();
  auto snap = p->handoff().WaitNewer(0, 5000);
  ASSERT_TRUE(snap);
  EXPECT_EQ(Title(*snap), "cached");
  EXPECT_TRUE(snap->feeds[0].from_cache);
  EXPECT_EQ(snap->feeds[0].content_fetched_at, kNow - 3600);
  EXPECT_EQ(snap->feeds[0].last_attempt, 0);  // published before the fetch finished
  // The wake callback runs right after the snapshot is handed over; give it its moment.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (wakes.load() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  EXPECT_GE(wakes.load(), 1);
  p->Stop();  // joins promptly although a fetch is stalled (the transfer is cancelled)
}

TEST_F(PipelineTest, ThreadedPipelineFetchesAndPublishes) {
  auto p = Make(Config());
  p->Start();
  std::shared_ptr<const Snapshot> snap;
  for (uint64_t seq = 0; !snap || snap->feeds[0].last_attempt == 0;) {
    snap = p->handoff().WaitNewer(seq, 5000);
    ASSERT_TRUE(snap);
    seq = snap->sequence;
  }
  EXPECT_EQ(snap->feeds[0].state, FeedReport::State::kOk);
  EXPECT_EQ(Title(*snap), "v1");
  p->Stop();
}

TEST_F(PipelineTest, AFailedCacheWriteKeepsTheNewContentAndReportsIt) {
  auto p = Primed();
  store_.FailWritesWith(Status::Io("no space left on device"));
  Serve(Feed("v2"), "\"v2\"");
  clock_.advance_s(11);
  p->RunDue();
  auto snap = p->Latest();
  EXPECT_EQ(Title(*snap), "v2");
  EXPECT_EQ(snap->feeds[0].state, FeedReport::State::kOk);
  EXPECT_NE(snap->feeds[0].cache_error.find("no space"), std::string::npos);
  EXPECT_EQ(store_.LoadFeed(server_.Url("/feed"))->body, Feed("v1"));  // old cache intact
}

TEST_F(PipelineTest, AClockIn1970IsCorrectedFromTheDateHeader) {
  clock_.set_wall(0);
  auto p = Make(Config());
  p->LoadCache();
  EXPECT_EQ(p->Latest()->clock.source, TimeSource::kNone);
  EXPECT_FALSE(p->Latest()->clock.trusted);
  p->RunDue();
  auto snap = p->Latest();
  EXPECT_EQ(snap->clock.source, TimeSource::kHttpDate);
  EXPECT_TRUE(snap->clock.trusted);
  EXPECT_EQ(snap->clock.offset_s, kNow);
  EXPECT_EQ(snap->feeds[0].last_ok, 0 + snap->clock.offset_s);
  EXPECT_EQ(Title(*snap), "v1");
}

TEST_F(PipelineTest, ACachedFeedCorrectsA1970ClockOfflineButUntrusted) {
  clock_.set_wall(0);
  store_.StoreFeed({server_.Url("/feed"), Feed("cached"), "", "", 0});
  auto p = Make(Config());
  p->LoadCache();
  auto snap = p->Latest();
  EXPECT_EQ(snap->clock.source, TimeSource::kFeedGenerated);
  EXPECT_FALSE(snap->clock.trusted);
  EXPECT_EQ(snap->clock.offset_s, kNow - 86400);  // generated 2026-11-22T09:00+09:00
}

TEST_F(PipelineTest, ImagesAreFetchedCheckedAndCached) {
  Serve(Feed("v1", "/img/ok.png"), "\"i\"");
  auto p = Make(Config());
  p->LoadCache();
  p->RunDue();
  auto snap = p->Latest();
  ASSERT_EQ(snap->items.size(), 1u);
  const ImageData* img = snap->image_for(*snap->items[0]);
  ASSERT_NE(img, nullptr);
  EXPECT_EQ(img->width, 1);
  EXPECT_EQ(img->bytes, kPng1x1);
  EXPECT_TRUE(store_.has_image(server_.Url("/img/ok.png")));
}

TEST_F(PipelineTest, CachedImagesAreShownOffline) {
  store_.StoreFeed({server_.Url("/feed"), Feed("cached", "/img/ok.png"), "", "", kNow});
  store_.StoreImage(server_.Url("/img/ok.png"), kPng1x1);
  server_.Stop();
  auto p = Make(Config());
  p->LoadCache();
  auto snap = p->Latest();
  ASSERT_EQ(snap->items.size(), 1u);
  EXPECT_NE(snap->image_for(*snap->items[0]), nullptr);
}

TEST_F(PipelineTest, ASignedFeedsImageIsShownWhenItsDigestMatches) {
  PipelineConfig c = SignedConfig();
  Serve(FeedWithDigest("/img/ok.png", trust::Sha256Hex(kPng1x1)), "\"s1\"");
  auto p = Make(std::move(c));
  p->LoadCache();
  p->RunDue();
  auto snap = p->Latest();
  ASSERT_EQ(snap->feeds[0].state, FeedReport::State::kOk) << snap->feeds[0].last_error;
  ASSERT_EQ(snap->items.size(), 1u);
  EXPECT_NE(snap->image_for(*snap->items[0]), nullptr);
  EXPECT_TRUE(snap->image_errors.empty());
}

TEST_F(PipelineTest, ATamperedImageOfASignedFeedIsRefused) {
  // The feed is signed and names the digest of other bytes: what the server sends now is not the
  // picture the author published.
  PipelineConfig c = SignedConfig();
  Serve(FeedWithDigest("/img/ok.png", trust::Sha256Hex("the picture the author published")),
        "\"s2\"");
  auto p = Make(std::move(c));
  p->LoadCache();
  p->RunDue();
  auto snap = p->Latest();
  ASSERT_EQ(snap->feeds[0].state, FeedReport::State::kOk) << snap->feeds[0].last_error;
  ASSERT_EQ(snap->items.size(), 1u);  // the notice stays, without the picture
  EXPECT_EQ(snap->image_for(*snap->items[0]), nullptr);
  ASSERT_EQ(snap->image_errors.size(), 1u);
  EXPECT_NE(snap->image_errors.begin()->second.find("not the one the feed names"),
            std::string::npos)
      << snap->image_errors.begin()->second;
  EXPECT_FALSE(store_.has_image(server_.Url("/img/ok.png")));  // never cached either
}

TEST_F(PipelineTest, ASignedFeedsImageWithoutDigestIsRefused) {
  PipelineConfig c = SignedConfig();
  Serve(FeedWithDigest("/img/ok.png", ""), "\"s3\"");
  auto p = Make(std::move(c));
  p->LoadCache();
  p->RunDue();
  auto snap = p->Latest();
  ASSERT_EQ(snap->items.size(), 1u);
  EXPECT_EQ(snap->image_for(*snap->items[0]), nullptr);
  ASSERT_EQ(snap->image_errors.size(), 1u);
  EXPECT_NE(snap->image_errors.begin()->second.find("gives no sha256"), std::string::npos);
}

TEST_F(PipelineTest, ATamperedCachedImageIsNotShownOffline) {
  // The cache holds other bytes than the signed feed names (a disk edited behind the kiosk's
  // back): offline, the item shows without it.
  PipelineConfig c = SignedConfig();
  store_.StoreFeed(
      {server_.Url("/feed"), FeedWithDigest("/img/ok.png", trust::Sha256Hex("x")), "", "", kNow});
  store_.StoreImage(server_.Url("/img/ok.png"), kPng1x1);
  server_.Stop();
  auto p = Make(std::move(c));
  p->LoadCache();
  auto snap = p->Latest();
  ASSERT_EQ(snap->items.size(), 1u);
  EXPECT_EQ(snap->image_for(*snap->items[0]), nullptr);
}

class BadImageTest : public PipelineTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(BadImageTest, TheItemShowsWithoutTheImage) {
  Serve(Feed("v1", GetParam()), "\"i\"");
  auto p = Make(Config());
  p->LoadCache();
  p->RunDue();
  auto snap = p->Latest();
  ASSERT_EQ(snap->items.size(), 1u);  // the item stays
  EXPECT_EQ(snap->image_for(*snap->items[0]), nullptr);
  EXPECT_EQ(snap->image_errors.size(), 1u);
  EXPECT_EQ(snap->feeds[0].state, FeedReport::State::kOk);
}

INSTANTIATE_TEST_SUITE_P(Images, BadImageTest,
                         ::testing::Values("/img/huge.png", "/img/corrupt.png", "/img/absent.png"));

TEST_F(PipelineTest, LocalFileFeedsAnswerUnchangedWithoutReparsing) {
  char tmpl[] = "/tmp/machikado-pipe-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::string path = dir + "/feed.json";
  { std::ofstream(path) << Feed("local"); }
  net::SourceClient source(client_);
  PipelineConfig c = Config();
  c.feeds = {{path, 10, false}};
  FeedPipeline p(c, source, &store_, clock_, sanity_, log_);
  p.LoadCache();
  p.RunDue();
  EXPECT_EQ(Title(*p.Latest()), "local");
  clock_.advance_s(11);
  p.RunDue();
  EXPECT_EQ(p.Latest()->feeds[0].http_status, 304);
  EXPECT_EQ(store_.feed_writes(), 1u);
  std::filesystem::remove_all(dir);
}

TEST_F(PipelineTest, AlertSheltersByReferenceAreResolvedFromAnotherFeedsRegister) {
  char tmpl[] = "/tmp/machikado-pipe-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  {
    std::ofstream(dir + "/alerts.json") << R"({"format": "machikado-feed/1", "id": "alerts",
      "generated": "2026-11-23T09:00:00+09:00", "items": [{"id": "a1", "kind": "alert",
      "level": 4, "hazard": "tsunami", "title": "避難指示", "issued": "2026-11-23T09:00:00+09:00",
      "shelters": [{"ref": "E1", "status": "open"}]}]})";
    std::ofstream(dir + "/shelters.json") << R"({"format": "machikado-feed/1", "id": "register",
      "generated": "2026-11-23T09:00:00+09:00", "items": [],
      "shelters": [{"id": "E1", "name": "城山公園", "hazards": ["tsunami"],
                    "lat": 33.84, "lon": 132.76}]})";
  }
  net::SourceClient source(client_);
  PipelineConfig c = Config();
  c.feeds = {{dir + "/alerts.json", 10, false}, {dir + "/shelters.json", 10, false}};
  FeedPipeline p(c, source, &store_, clock_, sanity_, log_);
  p.LoadCache();
  p.RunDue();
  const auto snap = p.Latest();
  ASSERT_EQ(snap->items.size(), 1u);
  const feed::Shelter& s = snap->items[0]->alert.shelters.at(0);
  EXPECT_TRUE(s.resolved);
  EXPECT_EQ(s.name.plain("ja"), "城山公園");
  EXPECT_EQ(s.status, feed::ShelterStatus::kOpen);
  EXPECT_EQ(feed::ShelterSuits(s, feed::Hazard::kTsunami), feed::Suitability::kSuits);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace machikado::pipeline
