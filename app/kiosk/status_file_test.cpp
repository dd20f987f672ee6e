#include "kiosk/status_file.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/faulty_file_system.h"
#include "core/temp_dir.h"
#include "platform/rfc3339_utc.h"

namespace machikado::kiosk {
namespace {

using nlohmann::json;

KioskStatus Sample() {
  KioskStatus s;
  s.mode = KioskMode::kRotation;
  s.slide = SlideStatus{"news-2026-11-clean-up", "news"};
  FeedStatus ok;
  ok.url = "https://example.jp/feeds/news.json";
  ok.state = FeedState::kOk;
  ok.last_ok = 1795392000;
  ok.last_attempt = 1795392000;
  ok.items = 12;
  ok.age_s = 4;
  FeedStatus offline;
  offline.url = "http://feeds.example.jp/alerts.json";
  offline.transport = FeedTransport::kHttpOptIn;
  offline.state = FeedState::kOffline;
  offline.last_ok = 1795380000;
  offline.last_attempt = 1795391990;
  offline.last_error = "connection refused";
  offline.items = 3;
  offline.from_cache = true;
  offline.age_s = 12000;
  s.feeds = {ok, offline};
  s.clock = ClockStatus{1795392004, ClockSource::kHttpDate, true, 3600};
  s.version = "0.1.0";
  return s;
}

TEST(StatusJsonTest, HasTheDocumentedShape) {
  json j = json::parse(StatusToJson(Sample(), 1795392005, 4242));
  EXPECT_EQ(j["mode"], "rotation");
  EXPECT_EQ(j["slide"]["id"], "news-2026-11-clean-up");
  EXPECT_EQ(j["slide"]["kind"], "news");
  ASSERT_EQ(j["feeds"].size(), 2u);
  const json& ok = j["feeds"][0];
  EXPECT_EQ(ok["url"], "https://example.jp/feeds/news.json");
  EXPECT_EQ(ok["transport"], "https");
  EXPECT_EQ(ok["state"], "ok");
  EXPECT_EQ(ok["last_ok"], "2026-11-23T00:00:00Z");
  EXPECT_EQ(ok["last_attempt"], "2026-11-23T00:00:00Z");
  EXPECT_TRUE(ok["last_error"].is_null());
  EXPECT_EQ(ok["items"], 12);
  EXPECT_EQ(ok["from_cache"], false);
  EXPECT_EQ(ok["age_s"], 4);
  const json& off = j["feeds"][1];
  EXPECT_EQ(off["transport"], "http-opt-in");
  EXPECT_EQ(off["state"], "offline");
  EXPECT_EQ(off["last_ok"], "2026-11-22T20:40:00Z");
  EXPECT_EQ(off["last_error"], "connection refused");
  EXPECT_EQ(off["from_cache"], true);
  EXPECT_EQ(off["age_s"], 12000);
  EXPECT_EQ(j["clock"]["now"], "2026-11-23T00:00:04Z");
  EXPECT_EQ(j["clock"]["source"], "http-date");
  EXPECT_EQ(j["clock"]["trusted"], true);
  EXPECT_EQ(j["clock"]["offset_s"], 3600);
  EXPECT_EQ(j["version"], "0.1.0");
  EXPECT_EQ(j["updated"], "2026-11-23T00:00:05Z");
  EXPECT_EQ(j["pid"], 4242);
  // Exactly the documented keys, nothing more.
  std::vector<std::string> keys;
  const nlohmann::ordered_json ordered =
      nlohmann::ordered_json::parse(StatusToJson(Sample(), 0, 1));
  for (auto& [k, v] : ordered.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"mode", "idle_reason", "slide", "feeds", "clock", "renderer",
                                      "refused_images", "refused_images_total", "quarantined",
                                      "media", "video", "version", "updated", "pid"}));
  EXPECT_EQ(ok.size(), 9u);
}

TEST(StatusJsonTest, IdleSaysWhy) {
  KioskStatus
      s{};  // value-initialised: GCC 12 warns (-Wmaybe-uninitialized, a false alarm) otherwise
  s.idle_reason = "not_configured";
  json j = json::parse(StatusToJson(s, 0, 1));
  EXPECT_EQ(j["mode"], "idle");
  EXPECT_EQ(j["idle_reason"], "not_configured");
  KioskStatus t = s;
  t.idle_reason = "nothing_to_show";
  EXPECT_FALSE(SameContent(s, t));
}

TEST(StatusJsonTest, NothingShownAndNoFeedsAreNullAndEmpty) {
  KioskStatus s;
  s.clock = ClockStatus{0, ClockSource::kNone, false, 0};
  json j = json::parse(StatusToJson(s, 0, 1));
  EXPECT_EQ(j["mode"], "idle");
  EXPECT_TRUE(j["idle_reason"].is_null());
  EXPECT_TRUE(j["slide"].is_null());
  EXPECT_TRUE(j["feeds"].is_array());
  EXPECT_TRUE(j["feeds"].empty());
  EXPECT_EQ(j["clock"]["now"], "1970-01-01T00:00:00Z");
  EXPECT_EQ(j["clock"]["source"], "unknown");
  EXPECT_EQ(j["clock"]["trusted"], false);
  EXPECT_EQ(j["version"], MACHIKADO_VERSION);
  EXPECT_TRUE(j["renderer"].is_null());  // before the display is open
}

TEST(StatusJsonTest, NamesTheRendererAndWhyItWasChosen) {
  KioskStatus s = Sample();
  s.renderer = RendererStatus{"software", "software", "auto", "no GPU device"};
  json j = json::parse(StatusToJson(s, 0, 1));
  EXPECT_EQ(j["renderer"]["name"], "software");
  EXPECT_EQ(j["renderer"]["path"], "software");
  EXPECT_EQ(j["renderer"]["preference"], "auto");
  EXPECT_EQ(j["renderer"]["reason"], "no GPU device");
  KioskStatus other = s;
  other.renderer->path = "gpu";
  EXPECT_FALSE(SameContent(s, other));  // a renderer change rewrites the file
}

TEST(StatusJsonTest, EveryModeStateAndSourceHasItsName) {
  EXPECT_EQ(schedule::ModeName(KioskMode::kDetail), "detail");
  EXPECT_EQ(schedule::ModeName(KioskMode::kEmergency), "emergency");
  EXPECT_EQ(pipeline::FeedStateName(FeedState::kRejected), "rejected");
  EXPECT_EQ(StatusName(ClockSource::kSystem), "system");
  EXPECT_EQ(StatusName(ClockSource::kFeedGenerated), "feed-generated");
  EXPECT_EQ(StatusName(ClockSource::kNone), "unknown");
  EXPECT_STREQ(config::TransportName(FeedTransport::kHttps), "https");
  EXPECT_STREQ(config::TransportName(FeedTransport::kHttpLoopback), "http-loopback");
  EXPECT_STREQ(config::TransportName(FeedTransport::kHttpOptIn), "http-opt-in");
  EXPECT_STREQ(config::TransportName(FeedTransport::kFile), "file");
}

TEST(StatusJsonTest, ATransportChangeIsAContentChange) {
  KioskStatus a = Sample(), b = Sample();
  b.feeds[0].transport = FeedTransport::kHttpLoopback;
  EXPECT_FALSE(SameContent(a, b));
}

TEST(StatusJsonTest, InvalidUtf8InAnErrorIsReplacedNotThrown) {
  KioskStatus s = Sample();
  s.feeds[1].last_error = "server said \xff\xfe";
  std::string text = StatusToJson(s, 0, 1);
  json j = json::parse(text);
  EXPECT_NE(j["feeds"][1]["last_error"].get<std::string>().find("server said"), std::string::npos);
}

TEST(StatusJsonTest, FormatsRfc3339InUtc) {
  EXPECT_EQ(platform::FormatRfc3339Utc(0).value_or(""), "1970-01-01T00:00:00Z");
  EXPECT_EQ(platform::FormatRfc3339Utc(1795392000).value_or(""), "2026-11-23T00:00:00Z");
  EXPECT_EQ(platform::FormatRfc3339Utc(-1).value_or(""), "1969-12-31T23:59:59Z");
  EXPECT_FALSE(platform::FormatRfc3339Utc(int64_t{1} << 60).has_value());
}

TEST(StatusJsonTest, SameContentIgnoresOnlyTheTickingFields) {
  KioskStatus a = Sample();
  KioskStatus b = a;
  b.clock.now += 10;
  b.feeds[0].age_s = 14;
  EXPECT_TRUE(SameContent(a, b));
  b.feeds[0].age_s.reset();  // content appeared or vanished: that is a change
  EXPECT_FALSE(SameContent(a, b));
  b = a;
  b.feeds[1].state = FeedState::kRejected;
  EXPECT_FALSE(SameContent(a, b));
  b = a;
  b.slide->id = "other";
  EXPECT_FALSE(SameContent(a, b));
  b = a;
  b.clock.trusted = false;
  EXPECT_FALSE(SameContent(a, b));
  b = a;
  b.feeds.pop_back();
  EXPECT_FALSE(SameContent(a, b));
}

class StatusFileWriterTest : public ::testing::Test {
 protected:
  std::string Path() const { return tmp_.file("status.json"); }
  json ReadBack() {
    Result<std::string> text = posix_.ReadFile(Path(), 1 << 20);
    EXPECT_TRUE(text.ok()) << text.status().message();
    return json::parse(text.ok() ? text.value() : "null");
  }

  ScopedTempDir tmp_;
  PosixFileSystem posix_;
  FaultyFileSystem fs_{posix_};
  FakeClock clock_{1795392000};
  MemoryLog log_;
};

TEST_F(StatusFileWriterTest, WritesTheStatusWithPidAndUpdated) {
  StatusFileWriter writer(Path(), fs_, clock_, log_);
  writer.Update(Sample());
  writer.Flush();
  json j = ReadBack();
  EXPECT_EQ(j["mode"], "rotation");
  EXPECT_EQ(j["feeds"][1]["state"], "offline");
  EXPECT_EQ(j["pid"], static_cast<int64_t>(getpid()));
  EXPECT_EQ(j["updated"], "2026-11-23T00:00:00Z");
  EXPECT_EQ(writer.stats().written, 1u);
}

TEST_F(StatusFileWriterTest, WritesOnlyWhenTheContentChanges) {
  StatusFileWriter writer(Path(), fs_, clock_, log_);
  KioskStatus s = Sample();
  for (int frame = 0; frame < 100; ++frame) {
    s.clock.now += 1;  // ticking fields alone do not count as a change
    s.feeds[0].age_s = *s.feeds[0].age_s + 1;
    clock_.advance_ms(16);
    writer.Update(s);
  }
  writer.Flush();
  EXPECT_EQ(writer.stats().written, 1u);
  EXPECT_EQ(fs_.calls(FsOp::kRename), 1);

  s.mode = KioskMode::kDetail;
  writer.Update(s);
  writer.Update(s);
  writer.Flush();
  EXPECT_EQ(ReadBack()["mode"], "detail");
  s.slide = std::nullopt;
  writer.Update(s);
  writer.Flush();
  EXPECT_TRUE(ReadBack()["slide"].is_null());
  s.feeds[0].state = FeedState::kRejected;
  s.feeds[0].last_error = "feed rejected: /items: not an array";
  writer.Update(s);
  writer.Flush();
  EXPECT_EQ(ReadBack()["feeds"][0]["state"], "rejected");
  EXPECT_EQ(writer.stats().written, 4u);
  EXPECT_EQ(fs_.calls(FsOp::kRename), 4);
}

TEST_F(StatusFileWriterTest, RewritesOnTheHeartbeatWithoutAChange) {
  StatusFileWriter writer(Path(), fs_, clock_, log_, StatusFileOptions{60000});
  KioskStatus s = Sample();
  writer.Update(s);
  clock_.advance_s(59);
  s.feeds[0].age_s = 63;
  writer.Update(s);
  writer.Flush();
  EXPECT_EQ(writer.stats().written, 1u);
  clock_.advance_s(1);
  writer.Update(s);
  writer.Flush();
  EXPECT_EQ(writer.stats().written, 2u);
  json j = ReadBack();
  EXPECT_EQ(j["updated"], "2026-11-23T00:01:00Z");
  EXPECT_EQ(j["feeds"][0]["age_s"], 63);
}

TEST_F(StatusFileWriterTest, FailedWriteKeepsThePreviousFileAndIsReportedOnce) {
  StatusFileWriter writer(Path(), fs_, clock_, log_);
  KioskStatus s = Sample();
  writer.Update(s);
  writer.Flush();
  fs_.FailOn(FsOp::kRename, ENOSPC);
  s.mode = KioskMode::kEmergency;
  writer.Update(s);
  s.slide->id = "alert-1";
  writer.Update(s);
  writer.Flush();
  StatusFileWriter::Stats st = writer.stats();
  EXPECT_GE(st.failed, 1u);
  EXPECT_NE(st.last_error.message().find("disk full"), std::string::npos)
      << st.last_error.message();
  EXPECT_EQ(ReadBack()["mode"], "rotation");  // the old file, complete
  int warnings = 0;
  for (const MemoryLog::Line& l : log_.lines())
    if (l.text.find("cannot update the status file") != std::string::npos) ++warnings;
  EXPECT_EQ(warnings, 1);

  fs_.ClearFaults();
  s.slide->id = "alert-2";
  writer.Update(s);
  writer.Flush();
  EXPECT_EQ(ReadBack()["mode"], "emergency");
  EXPECT_EQ(ReadBack()["slide"]["id"], "alert-2");
  EXPECT_TRUE(writer.stats().last_error.ok());
  EXPECT_TRUE(log_.contains("written again"));
  // No temp file was left next to status.json.
  EXPECT_EQ(posix_.ListDir(tmp_.path()).value().size(), 1u);
}

TEST_F(StatusFileWriterTest, DestructorWritesThePendingStatus) {
  {
    StatusFileWriter writer(Path(), fs_, clock_, log_);
    KioskStatus s = Sample();
    s.mode = KioskMode::kIdle;
    writer.Update(s);
  }
  EXPECT_EQ(ReadBack()["mode"], "idle");
}

// A FileSystem whose first CreateFile blocks until released: the disk is "stuck".
class StuckFileSystem final : public FileSystem {
 public:
  explicit StuckFileSystem(FileSystem& base) : base_(base) {}
  void WaitUntilStuck() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return stuck_; });
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    released_ = true;
    cv_.notify_all();
  }
  Result<std::unique_ptr<WritableFile>> CreateFile(const std::string& path) override {
    {
      std::unique_lock<std::mutex> lock(mu_);
      stuck_ = true;
      cv_.notify_all();
      cv_.wait(lock, [&] { return released_; });
    }
    return base_.CreateFile(path);
  }
  Result<std::string> ReadFile(const std::string& p, uint64_t m) override {
    return base_.ReadFile(p, m);
  }
  Status Rename(const std::string& f, const std::string& t) override { return base_.Rename(f, t); }
  Status SyncDir(const std::string& d) override { return base_.SyncDir(d); }
  Status Remove(const std::string& p) override { return base_.Remove(p); }
  Result<FileInfo> Stat(const std::string& p) override { return base_.Stat(p); }
  Result<std::vector<std::string>> ListDir(const std::string& d) override {
    return base_.ListDir(d);
  }
  Status MakeDirs(const std::string& p) override { return base_.MakeDirs(p); }
  Result<std::unique_ptr<WritableFile>> AppendFile(const std::string& p, bool t) override {
    return base_.AppendFile(p, t);
  }
  Status ReadAt(const std::string& p, uint64_t o, size_t m, std::string* out) override {
    return base_.ReadAt(p, o, m, out);
  }

 private:
  FileSystem& base_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stuck_ = false;
  bool released_ = false;
};

TEST_F(StatusFileWriterTest, UpdateNeverWaitsForAStuckDiskAndTheNewestStatusWins) {
  StuckFileSystem stuck(posix_);
  StatusFileWriter writer(Path(), stuck, clock_, log_);
  KioskStatus s = Sample();
  writer.Update(s);
  stuck.WaitUntilStuck();  // the writer thread is inside the file system, blocked
  // The render thread goes on: every Update returns although the disk does not move.
  for (int i = 0; i < 1000; ++i) {
    s.slide->id = "slide-" + std::to_string(i);
    writer.Update(s);
  }
  EXPECT_EQ(writer.stats().handed_over, 1001u);
  stuck.Release();
  writer.Flush();
  EXPECT_EQ(ReadBack()["slide"]["id"], "slide-999");
  EXPECT_LE(writer.stats().written, 2u);  // the intermediate states were skipped
}

}  // namespace
}  // namespace machikado::kiosk

namespace machikado::kiosk {
namespace {

TEST(StatusJsonTest, ListsRefusedImagesAndQuarantinedItems) {
  KioskStatus s;
  s.refused_images = {
      {"file:///srv/big.png", "the image is 20000×20000 px; at most 4096×4096 are allowed"}};
  s.quarantined = {{"news", "n-7", "00000000000000aa", "preparing", 1795392000}};
  json j = json::parse(StatusToJson(s, 0, 1));
  ASSERT_EQ(j["refused_images"].size(), 1u);
  EXPECT_EQ(j["refused_images"][0]["url"], "file:///srv/big.png");
  EXPECT_EQ(j["refused_images"][0]["reason"],
            "the image is 20000×20000 px; at most 4096×4096 are allowed");
  EXPECT_EQ(j["refused_images_total"], 1);
  ASSERT_EQ(j["quarantined"].size(), 1u);
  EXPECT_EQ(j["quarantined"][0]["feed"], "news");
  EXPECT_EQ(j["quarantined"][0]["id"], "n-7");
  EXPECT_EQ(j["quarantined"][0]["content_hash"], "00000000000000aa");
  EXPECT_EQ(j["quarantined"][0]["phase"], "preparing");
  EXPECT_EQ(j["quarantined"][0]["since"], "2026-11-23T00:00:00Z");
  EXPECT_TRUE(j["media"].is_null());
  // Both are content: a change rewrites the file.
  KioskStatus t = s;
  t.quarantined.clear();
  EXPECT_FALSE(SameContent(s, t));
  t = s;
  t.refused_images[0].reason = "other";
  EXPECT_FALSE(SameContent(s, t));
}

TEST(StatusJsonTest, TheListOfRefusedImagesIsCapped) {
  KioskStatus s;
  for (size_t i = 0; i < kMaxRefusedImages + 20; ++i)
    s.refused_images.push_back({"https://example.jp/" + std::to_string(i) + ".png", "too large"});
  json j = json::parse(StatusToJson(s, 0, 1));
  EXPECT_EQ(j["refused_images"].size(), kMaxRefusedImages);
  EXPECT_EQ(j["refused_images_total"], kMaxRefusedImages + 20);
}

TEST(StatusJsonTest, ReportsTheMediaCacheAndSkippedVideos) {
  KioskStatus s;
  MediaStatus m;
  m.ready = 2;
  m.partial = 1;
  m.failed = 1;
  m.bytes = 123456;
  m.budget_bytes = 4294967296;
  m.skipped = {{"https://example.jp/v/8k.mp4", "the video is 7680×4320 pixels"}};
  s.media = m;
  json j = json::parse(StatusToJson(s, 0, 1));
  EXPECT_EQ(j["media"]["ready"], 2);
  EXPECT_EQ(j["media"]["partial"], 1);
  EXPECT_EQ(j["media"]["failed"], 1);
  EXPECT_EQ(j["media"]["bytes"], 123456);
  EXPECT_EQ(j["media"]["budget_bytes"], 4294967296);
  ASSERT_EQ(j["media"]["skipped"].size(), 1u);
  EXPECT_EQ(j["media"]["skipped"][0]["reason"], "the video is 7680×4320 pixels");
  EXPECT_EQ(j["media"]["skipped_total"], 1);
  KioskStatus t = s;
  t.media->ready = 3;
  EXPECT_FALSE(SameContent(s, t));
  EXPECT_TRUE(j["video"].is_null());
  VideoStatus v;
  v.url = "https://example.jp/v/mochi.mp4";
  v.state = "playing";
  v.box[2] = 1280;
  v.box[3] = 720;
  v.caption = "餅つき大会";
  v.caption_lang = "ja";
  t = s;
  t.video = v;
  EXPECT_FALSE(SameContent(s, t));
  j = json::parse(StatusToJson(t, 0, 1));
  EXPECT_EQ(j["video"]["state"], "playing");
  EXPECT_EQ(j["video"]["box"][2], 1280);
  EXPECT_EQ(j["video"]["caption"], "餅つき大会");
  EXPECT_EQ(j["video"]["caption_lang"], "ja");
}

}  // namespace
}  // namespace machikado::kiosk
