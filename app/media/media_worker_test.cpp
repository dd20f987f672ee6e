// MediaWorker + MediaCache against a loopback HTTP server: complete downloads, a connection cut
// mid-file then resumed with Range, a digest mismatch, the byte caps, least-recently-shown
// eviction, and a restart with the server gone.
#include "media/media_worker.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "core/temp_dir.h"
#include "loopback_server.h"
#include "net/curl_http_client.h"
#include "trust/image_digest.h"

namespace machikado::media {
namespace {

using machikado::testing::LoopbackServer;

std::string Bytes(size_t n, char seed) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s.push_back(static_cast<char>(seed + i % 23));
  return s;
}

std::string Sha(const std::string& s) {
  return trust::Sha256Hex(s);
}

class MediaWorkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(global_.status().ok());
    auto& s = server_.server();
    s.Get("/a.mp4", [this](const httplib::Request& req, httplib::Response& res) {
      Record(req);
      res.set_content(clip_a_, "video/mp4");
    });
    s.Get("/b.mp4", [this](const httplib::Request& req, httplib::Response& res) {
      Record(req);
      res.set_content(clip_b_, "video/mp4");
    });
    s.Get("/c.mp4", [this](const httplib::Request& req, httplib::Response& res) {
      Record(req);
      res.set_content(clip_c_, "video/mp4");
    });
    // The first answer stops after 40 % of the file (the connection drops); later ones serve the
    // file, honouring Range.
    s.Get("/cut.mp4", [this](const httplib::Request& req, httplib::Response& res) {
      if (Record(req) == 1) {
        const size_t part = clip_a_.size() * 2 / 5;
        res.set_content_provider(clip_a_.size(), "video/mp4",
                                 [this, part](size_t offset, size_t, httplib::DataSink& sink) {
                                   if (offset >= part) return false;
                                   sink.write(clip_a_.data() + offset, part - offset);
                                   return true;
                                 });
        return;
      }
      res.set_content(clip_a_, "video/mp4");
    });
    s.Get("/portal.mp4", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html>log in</html>", "text/html");
    });
    server_.Start();
    cache_ = std::make_unique<MediaCache>(fs_, dir_.file("media"), clock_, limits_);
    ASSERT_TRUE(cache_->Open().ok());
    options_.retry_after_error_s = 0;
    options_.retry_after_failure_s = 0;
    options_.connect_timeout_ms = 2000;
    options_.transfer_timeout_ms = 10000;
  }

  int Record(const httplib::Request& req) {
    std::lock_guard<std::mutex> lock(mu_);
    ranges_.push_back(req.get_header_value("Range"));
    return static_cast<int>(ranges_.size());
  }
  std::vector<std::string> ranges() {
    std::lock_guard<std::mutex> lock(mu_);
    return ranges_;
  }
  void Reopen() {
    cache_ = std::make_unique<MediaCache>(fs_, dir_.file("media"), clock_, limits_);
    ASSERT_TRUE(cache_->Open().ok());
  }
  std::unique_ptr<MediaWorker> Worker() {
    return std::make_unique<MediaWorker>(*cache_, std::make_unique<net::CurlHttpClient>(), clock_,
                                         options_);
  }
  MediaWant Want(const std::string& path, std::string sha = "") {
    return {server_.Url(path), std::move(sha), std::nullopt};
  }
  std::string ReadReady(const std::string& path) {
    std::optional<std::string> p = cache_->ReadyPath(server_.Url(path));
    if (!p) return "";
    Result<std::string> r = fs_.ReadFile(*p, 1 << 24);
    return r.ok() ? *r : "";
  }
  size_t FilesInDir() {
    auto names = fs_.ListDir(dir_.file("media"));
    return names.ok() ? names->size() : 0;
  }

  const std::string clip_a_ = Bytes(300000, 'a');
  const std::string clip_b_ = Bytes(300000, 'b');
  const std::string clip_c_ = Bytes(300000, 'c');
  net::CurlGlobal global_;
  LoopbackServer server_;
  ScopedTempDir dir_;
  PosixFileSystem fs_;
  FakeClock clock_;
  MediaCacheLimits limits_;
  MediaWorkerOptions options_;
  std::unique_ptr<MediaCache> cache_;
  std::mutex mu_;
  std::vector<std::string> ranges_;
};

TEST_F(MediaWorkerTest, DownloadsAFileAndShowsItReadyOnlyWhenComplete) {
  auto worker = Worker();
  worker->SetWanted({Want("/a.mp4", Sha(clip_a_))});
  EXPECT_FALSE(cache_->ReadyPath(server_.Url("/a.mp4")));
  EXPECT_EQ(worker->Step(), StepResult::kReady);
  EXPECT_EQ(ReadReady("/a.mp4"), clip_a_);
  EXPECT_EQ(worker->Step(), StepResult::kIdle);  // nothing left to do
  const MediaCounters c = cache_->counters();
  EXPECT_EQ(c.ready, 1u);
  EXPECT_EQ(c.partial, 0u);
  EXPECT_EQ(c.downloads_completed, 1u);
  EXPECT_EQ(c.bytes_on_disk, clip_a_.size());
  EXPECT_EQ(c.bytes_downloaded, clip_a_.size());
  EXPECT_EQ(FilesInDir(), 2u);  // the file and index.json; no partial left
}

TEST_F(MediaWorkerTest, ACutConnectionIsResumedWithRange) {
  auto worker = Worker();
  worker->SetWanted({Want("/cut.mp4", Sha(clip_a_))});
  EXPECT_EQ(worker->Step(), StepResult::kRetryLater);
  EXPECT_FALSE(cache_->ReadyPath(server_.Url("/cut.mp4")));
  std::optional<MediaEntry> e = cache_->Find(server_.Url("/cut.mp4"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->state, MediaState::kPartial);
  const uint64_t part = clip_a_.size() * 2 / 5;
  EXPECT_EQ(e->bytes, part);
  EXPECT_FALSE(e->error.empty());
  EXPECT_EQ(cache_->counters().download_errors, 1u);

  EXPECT_EQ(worker->Step(), StepResult::kReady);
  EXPECT_EQ(ReadReady("/cut.mp4"), clip_a_);
  const auto seen = ranges();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], "");
  EXPECT_EQ(seen[1], "bytes=" + std::to_string(part) + "-");
  const MediaCounters c = cache_->counters();
  EXPECT_EQ(c.downloads_resumed, 1u);
  EXPECT_EQ(c.bytes_downloaded, clip_a_.size());  // nothing downloaded twice
}

TEST_F(MediaWorkerTest, APartialFileSurvivesARestartAndIsResumed) {
  {
    auto worker = Worker();
    worker->SetWanted({Want("/cut.mp4")});
    EXPECT_EQ(worker->Step(), StepResult::kRetryLater);
  }
  Reopen();
  auto worker = Worker();
  worker->SetWanted({Want("/cut.mp4")});
  EXPECT_EQ(worker->Step(), StepResult::kReady);
  EXPECT_EQ(ReadReady("/cut.mp4"), clip_a_);
  EXPECT_EQ(ranges().back(), "bytes=" + std::to_string(clip_a_.size() * 2 / 5) + "-");
}

TEST_F(MediaWorkerTest, ADigestMismatchIsNeverReady) {
  auto worker = Worker();
  worker->SetWanted({Want("/a.mp4", Sha(clip_b_))});
  EXPECT_EQ(worker->Step(), StepResult::kFailed);
  EXPECT_FALSE(cache_->ReadyPath(server_.Url("/a.mp4")));
  std::optional<MediaEntry> e = cache_->Find(server_.Url("/a.mp4"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->state, MediaState::kFailed);
  EXPECT_NE(e->error.find("sha256"), std::string::npos) << e->error;
  EXPECT_EQ(cache_->counters().digest_mismatches, 1u);
  EXPECT_EQ(FilesInDir(), 1u);  // only index.json: the bad bytes are gone
}

TEST_F(MediaWorkerTest, RefusesAFileOverTheCapOrOfTheWrongSize) {
  limits_.max_file_bytes = 100000;
  Reopen();
  auto worker = Worker();
  worker->SetWanted({Want("/a.mp4")});
  EXPECT_EQ(worker->Step(), StepResult::kFailed);
  EXPECT_NE(cache_->Find(server_.Url("/a.mp4"))->error.find("100000"), std::string::npos);
  limits_ = {};
  Reopen();
  MediaWant w = Want("/b.mp4");
  w.bytes = 1234;  // the feed announces another size
  worker = Worker();
  worker->SetWanted({w});
  EXPECT_EQ(worker->Step(), StepResult::kFailed);
  EXPECT_NE(cache_->Find(w.url)->error.find("1234"), std::string::npos);
  MediaWant small = Want("/c.mp4");
  small.max_bytes = 1000;  // e.g. a captions file
  worker->SetWanted({small});
  EXPECT_EQ(worker->Step(), StepResult::kFailed);
  EXPECT_NE(cache_->Find(small.url)->error.find("1000 bytes"), std::string::npos);
  worker->SetWanted({Want("/portal.mp4")});
  EXPECT_EQ(worker->Step(), StepResult::kRetryLater);  // a captive portal is a network problem
  EXPECT_EQ(cache_->counters().files_rejected, 2u);    // since the reopen
  EXPECT_EQ(FilesInDir(), 1u);
}

TEST_F(MediaWorkerTest, EvictsTheLeastRecentlyShownFileForANewOne) {
  limits_.budget_bytes = 700000;  // two clips fit, three do not
  Reopen();
  auto worker = Worker();
  worker->SetWanted({Want("/a.mp4"), Want("/b.mp4")});
  EXPECT_EQ(worker->Step(), StepResult::kReady);
  EXPECT_EQ(worker->Step(), StepResult::kReady);
  cache_->MarkShown(server_.Url("/b.mp4"));
  clock_.advance_s(60);
  cache_->MarkShown(server_.Url("/a.mp4"));  // b is now the least recently shown
  worker->SetWanted({Want("/c.mp4")});
  EXPECT_EQ(worker->Step(), StepResult::kReady);
  EXPECT_TRUE(cache_->ReadyPath(server_.Url("/a.mp4")));
  EXPECT_FALSE(cache_->ReadyPath(server_.Url("/b.mp4")));
  EXPECT_EQ(ReadReady("/c.mp4"), clip_c_);
  const MediaCounters c = cache_->counters();
  EXPECT_EQ(c.evictions, 1u);
  EXPECT_LE(c.bytes_on_disk, limits_.budget_bytes);
  EXPECT_EQ(FilesInDir(), 3u);
}

TEST_F(MediaWorkerTest, ReadyFilesStayReadyAfterARestartWithTheServerGone) {
  auto worker = Worker();
  worker->SetWanted({Want("/a.mp4", Sha(clip_a_))});
  ASSERT_EQ(worker->Step(), StepResult::kReady);
  const std::string url = server_.Url("/a.mp4");
  worker.reset();
  server_.Stop();
  Reopen();
  EXPECT_TRUE(cache_->ReadyPath(url));
  worker = Worker();
  worker->SetWanted({{url, Sha(clip_a_), std::nullopt}});
  EXPECT_EQ(worker->Step(), StepResult::kIdle);  // nothing to fetch
  EXPECT_EQ(cache_->counters().ready, 1u);
}

TEST_F(MediaWorkerTest, AStrayFileOrACorruptIndexDoesNotStopTheCache) {
  ASSERT_TRUE(fs_.WriteFileAtomic(dir_.file("media/stray"), "x").ok());
  ASSERT_TRUE(fs_.WriteFileAtomic(dir_.file("media/index.json"), "{not json").ok());
  Status s = cache_->Open();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(cache_->counters().ready, 0u);
  EXPECT_EQ(FilesInDir(), 1u);  // the stray file was removed; the index stays until rewritten
}

TEST_F(MediaWorkerTest, TheThreadDownloadsAndSignalsReady) {
  RealClock real;
  MediaWorker worker(*cache_, std::make_unique<net::CurlHttpClient>(), real, options_);
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> ready;
  worker.set_on_ready([&](const std::string& url) {
    std::lock_guard<std::mutex> lock(mu);
    ready.push_back(url);
    cv.notify_all();
  });
  worker.Start();
  worker.SetWanted({Want("/a.mp4"), Want("/b.mp4")});
  std::unique_lock<std::mutex> lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return ready.size() == 2; }));
  lock.unlock();
  worker.Stop();
  EXPECT_EQ(ReadReady("/b.mp4"), clip_b_);
}

}  // namespace
}  // namespace machikado::media
