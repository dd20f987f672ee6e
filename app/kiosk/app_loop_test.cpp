// The whole kiosk loop (App::Run, headless) on fakes: a FakeClock that the loop itself moves on
// instead of sleeping (AppOptions::headless_wait), content handed in as snapshots
// (AppOptions::content) and fixed process facts. What the kiosk showed is read back from what it
// wrote — proof of play and status.json in its state directory — as an operator would. Covers a
// takeover alert arriving and expiring, quiet hours blanking the screen, and an image arriving
// while a visitor reads the detail view. Nothing sleeps; a run of minutes of kiosk time takes a
// fraction of a second.
#include <SDL2/SDL.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/temp_dir.h"
#include "feed/datetime.h"
#include "kiosk/app.h"
#include "media/media_cache.h"
#include "media/media_worker.h"
#include "net/http_client.h"
#include "platform/build_paths.h"
#include "schedule/testing_items.h"

namespace machikado::kiosk {
namespace {

using schedule::testing::Alert;
using schedule::testing::kT0;
using schedule::testing::News;
using schedule::testing::Txt;

class FakeContent final : public ContentSource {
 public:
  std::shared_ptr<const pipeline::Snapshot> Latest() const override { return latest_; }
  void WaitFirst(int64_t) const override {}

  // A new snapshot of `items` (one feed "demo", fetched OK at `now`) with `images` by URL.
  void Serve(const std::vector<feed::Item>& items, UnixSeconds now,
             const std::map<std::string, std::string>& images = {}) {
    auto s = std::make_shared<pipeline::Snapshot>();
    s->sequence = ++version_;
    s->content_version = version_;
    pipeline::FeedReport f;
    f.url = "file:///feeds/demo.json";
    f.feed_id = "demo";
    f.state = pipeline::FeedReport::State::kOk;
    f.last_ok = f.last_attempt = f.content_fetched_at = now;
    f.items = items.size();
    s->feeds.push_back(f);
    for (const feed::Item& it : items) s->items.push_back(std::make_shared<feed::Item>(it));
    for (const auto& [url, bytes] : images)
      s->images[url] = std::make_shared<pipeline::ImageData>(pipeline::ImageData{url, bytes});
    s->shelters = std::make_shared<feed::ShelterRegister>();
    latest_ = std::move(s);
  }

 private:
  std::shared_ptr<const pipeline::Snapshot> latest_;
  uint64_t version_ = 0;
};

class FixedProcess final : public ProcessFacts {
 public:
  ops::ProcessStats Stats() const override { return {}; }
  platform::HostFacts Host() const override { return {"kiosk-test", {"192.0.2.7"}}; }
};

struct Shown {
  std::string item, mode, lang;
  double start_s = 0;  // after the run began
  double seconds = 0;
};

class AppLoopTest : public ::testing::Test {
 protected:
  // Runs the kiosk from `start` for `run_s` of kiosk time; `at(t_ms)` is called each time the loop
  // would wait, with the time since the start, before the clock moves on.
  int Run(UnixSeconds start, int64_t run_s, std::function<void(int64_t)> at) {
    clock_ = std::make_unique<FakeClock>(start);
    start_ = start;
    const int64_t mono0 = clock_->monotonic_ms();
    AppOptions o;
    o.config.language = "ja";
    o.config.center_name = "テストセンター";
    o.config.quiet_hours.ranges.push_back({0x7F, 22 * 60, 6 * 60});  // 22:00–06:00 local
    o.state_dir = state_.path();
    o.headless = true;
    o.headless_width = 320;
    o.headless_height = 180;
    o.kiosk_lock = false;
    o.run_for_ms = run_s * 1000;
    o.clock = clock_.get();
    o.fs = &fs_;
    o.process = &process_;
    o.content = &content_;
    o.video_player = &player_;
    o.media_http = [] { return std::make_unique<net::FakeHttpClient>(); };  // offline
    o.headless_wait = [this, mono0, at](int64_t ms) {
      at(clock_->monotonic_ms() - mono0);
      clock_->advance_ms(ms);
    };
    at(0);
    App app(std::move(o), log_);
    return app.Run();
  }

  std::vector<Shown> ProofOfPlay() const {
    std::vector<Shown> out;
    std::ifstream in(state_.path() + "/play/play.jsonl");
    for (std::string line; std::getline(in, line);) {
      const auto j = nlohmann::json::parse(line);
      const UnixSeconds start = feed::ParseRfc3339(j["start"].get<std::string>())->unix;
      out.push_back({j["item"], j["mode"], j["lang"], double(start - start_), j["seconds"]});
    }
    return out;
  }
  nlohmann::json StatusFile() const {
    std::ifstream in(state_.path() + "/status.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
  }

  // Puts `body` for `url` into the state directory's media cache, as a download before a restart
  // would have (the kiosk's own worker is offline in these tests).
  void Cache(const std::string& url, const std::string& body) {
    FakeClock clock(kT0);
    media::MediaCache cache(fs_, state_.path() + "/media", clock);
    ASSERT_TRUE(cache.Open().ok());
    auto http = std::make_unique<net::FakeHttpClient>();
    http->PushOk(url, body);
    media::MediaWorker worker(cache, std::move(http), clock);
    worker.SetWanted({{url, "", std::nullopt}});
    ASSERT_EQ(worker.Step(), media::StepResult::kReady);
    ASSERT_TRUE(cache.ReadyPath(url));
  }

  ScopedTempDir state_;
  video::FakeVideoPlayer player_;
  PosixFileSystem fs_;
  FixedProcess process_;
  FakeContent content_;
  std::unique_ptr<FakeClock> clock_;
  UnixSeconds start_ = 0;
  StderrLog log_{LogLevel::kWarning};
};

TEST_F(AppLoopTest, ATakeoverArrivesAndExpiresThenQuietHoursBlankTheScreen) {
  const UnixSeconds start = kT0 + (12 * 60 + 58) * 60;  // 21:58 in Japan
  feed::Item big = Alert("big", 5);
  big.feed_id = "demo";
  big.title = Txt({{"ja", "緊急安全確保"}});
  big.alert.expires = start + 90;
  const std::vector<feed::Item> calm = {News("a"), News("b")};
  std::vector<feed::Item> storm = calm;
  storm.push_back(big);
  ASSERT_EQ(Run(start, 180,
                [&](int64_t t_ms) {
                  if (t_ms == 0) content_.Serve(calm, start);
                  if (t_ms >= 30'000 && t_ms < 31'000) content_.Serve(storm, start + 30);
                }),
            0);

  const std::vector<Shown> shown = ProofOfPlay();
  ASSERT_FALSE(shown.empty());
  EXPECT_EQ(shown.front().mode, "rotation");
  EXPECT_EQ(shown.front().start_s, 0);
  // The takeover within a second of its snapshot, until it expired at 90 s.
  auto takeover = std::find_if(shown.begin(), shown.end(),
                               [](const Shown& s) { return s.mode == "emergency"; });
  ASSERT_NE(takeover, shown.end());
  EXPECT_EQ(takeover->item, "big");
  EXPECT_GE(takeover->start_s, 30);
  EXPECT_LE(takeover->start_s, 31);
  EXPECT_NEAR(takeover->start_s + takeover->seconds, 90, 1.0);
  for (auto it = shown.begin(); it != takeover; ++it) EXPECT_EQ(it->mode, "rotation");
  // After it: the rotation again, until 22:00 — nothing shown from then on.
  ASSERT_NE(takeover + 1, shown.end());
  for (auto it = takeover + 1; it != shown.end(); ++it) {
    EXPECT_EQ(it->mode, "rotation") << it->item;
    EXPECT_NE(it->item, "big");
    EXPECT_LT(it->start_s, 120);
    EXPECT_LE(it->start_s + it->seconds, 121);
  }
  const auto status = StatusFile();
  EXPECT_EQ(status["mode"], "idle");
  EXPECT_EQ(status["idle_reason"], "quiet_hours");
}

TEST_F(AppLoopTest, AnImageArrivingWhileTheDetailViewIsOpenKeepsItOpen) {
  const UnixSeconds start = kT0 + 3600;  // 10:00 in Japan
  // The item's image is a file:// URL whose file does not exist: it can only be drawn from the
  // bytes the snapshot holds under that same URL.
  const std::string url = "file:///nonexistent/machikado-test/poster.png";
  feed::Item a = News("a");
  a.image = feed::Image{};
  a.image->url = url;
  std::ifstream png(std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/images/cleanup.png",
                    std::ios::binary);
  std::stringstream bytes;
  bytes << png.rdbuf();
  ASSERT_GT(bytes.str().size(), 100u);

  auto tap = [](int x, int y) {
    SDL_Event e{};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
  };
  bool tapped = false, image_served = false;
  ASSERT_EQ(Run(start, 30,
                [&](int64_t t_ms) {
                  if (t_ms == 0) content_.Serve({a, News("b")}, start);
                  if (t_ms >= 2'000 && !tapped) {
                    tap(160, 90);  // the middle of the slide: "a" opens
                    tapped = true;
                  }
                  if (t_ms >= 5'000 && !image_served) {
                    content_.Serve({a, News("b")}, start + 5, {{url, bytes.str()}});
                    image_served = true;
                  }
                }),
            0);

  const std::vector<Shown> shown = ProofOfPlay();
  // "a" in rotation, then in the detail view from the tap to the end of the run: the image's
  // arrival at 5 s neither closed the view nor started another showing, and the rotation stayed
  // paused ("b" never came).
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0].item, "a");
  EXPECT_EQ(shown[0].mode, "rotation");
  EXPECT_EQ(shown[1].item, "a");
  EXPECT_EQ(shown[1].mode, "detail");
  EXPECT_NEAR(shown[1].start_s, 2, 1.0);
  EXPECT_NEAR(shown[1].start_s + shown[1].seconds, 30, 1.0);
  const auto status = StatusFile();
  EXPECT_EQ(status["mode"], "detail");
  EXPECT_EQ(status["slide"]["id"], "a");
  EXPECT_TRUE(status["refused_images"].empty());
  // The image was decoded (from the snapshot's bytes: there is no such file).
  std::ifstream prom(state_.path() + "/machikado.prom");
  std::stringstream metrics;
  metrics << prom.rdbuf();
  EXPECT_NE(metrics.str().find("owner=\"slide_image_cache\"} 1"), std::string::npos)
      << metrics.str();
}

}  // namespace
}  // namespace machikado::kiosk

namespace machikado::kiosk {
namespace {

feed::Item Video(const std::string& id, const std::string& url) {
  feed::Item v = schedule::testing::News(id);
  v.kind = feed::Kind::kVideo;
  v.video.url = url;
  return v;
}

constexpr char kClip[] = "http://media.test/clip.mp4";

TEST_F(AppLoopTest, AVideoRotatesOnlyOnceItsFileIsCached) {
  const UnixSeconds start = kT0 + 3600;  // 10:00 in Japan
  const std::vector<feed::Item> items = {News("a"), Video("v", kClip)};
  ASSERT_EQ(Run(start, 90,
                [&](int64_t t_ms) {
                  if (t_ms == 0) content_.Serve(items, start);
                }),
            0);
  for (const Shown& s : ProofOfPlay()) EXPECT_NE(s.item, "v");
  EXPECT_EQ(player_.opens, 0);
  EXPECT_EQ(StatusFile()["media"]["ready"], 0);

  // Downloaded (as before a restart): now it rotates and plays from the cache.
  Cache(kClip, std::string(4096, 'x'));
  int frames_offered = 0;
  ASSERT_EQ(Run(start, 90,
                [&](int64_t t_ms) {
                  if (t_ms == 0) content_.Serve(items, start + 1);
                  if (player_.state() == video::PlayerState::kLoading) {
                    player_.SetVideo(1280, 720, 0);
                    player_.Play();
                  }
                  if (player_.state() == video::PlayerState::kPlaying && !player_.frame_ready()) {
                    player_.NewFrame(200, 40, 40);
                    ++frames_offered;
                  }
                }),
            0);
  bool video_shown = false;
  for (const Shown& s : ProofOfPlay()) video_shown |= s.item == "v";
  EXPECT_TRUE(video_shown);
  EXPECT_GE(player_.opens, 1);
  EXPECT_NE(player_.opened_path.find("/media/"), std::string::npos) << player_.opened_path;
  EXPECT_GT(frames_offered, 0);
  EXPECT_GT(player_.renders, 0);  // frames were copied into the slide's texture
  EXPECT_EQ(StatusFile()["media"]["ready"], 1);
}

TEST_F(AppLoopTest, ATakeoverStopsAPlayingVideoInTheSameFrame) {
  const UnixSeconds start = kT0 + 3600;
  Cache(kClip, std::string(4096, 'x'));
  feed::Item big = Alert("big", 5);
  big.feed_id = "demo";
  big.title = Txt({{"ja", "緊急安全確保"}});
  big.alert.expires = start + 600;
  const std::vector<feed::Item> calm = {Video("v", kClip)};
  std::vector<feed::Item> storm = calm;
  storm.push_back(big);
  int64_t alert_at_ms = -1;
  int64_t stopped_at_ms = -1;
  video::PlayerState state_when_stopped = video::PlayerState::kPlaying;
  ASSERT_EQ(Run(start, 60,
                [&](int64_t t_ms) {
                  if (t_ms == 0) content_.Serve(calm, start);
                  if (player_.state() == video::PlayerState::kLoading) player_.Play();
                  if (player_.state() == video::PlayerState::kPlaying) player_.NewFrame(1, 2, 3);
                  if (alert_at_ms >= 0 && stopped_at_ms < 0 && player_.stops > 0) {
                    stopped_at_ms = t_ms;
                    state_when_stopped = player_.state();
                  }
                  if (alert_at_ms < 0 && t_ms >= 20'000 && player_.opens > 0 &&
                      player_.state() == video::PlayerState::kPlaying) {
                    content_.Serve(storm, start + 20);
                    alert_at_ms = t_ms;
                  }
                }),
            0);
  ASSERT_GE(alert_at_ms, 0) << "the video never played";
  // The first frame after the alert's snapshot stopped the player (the next wait saw it).
  EXPECT_GE(stopped_at_ms, alert_at_ms);
  EXPECT_LE(stopped_at_ms - alert_at_ms, 1000);
  EXPECT_EQ(state_when_stopped, video::PlayerState::kIdle);
  const std::vector<Shown> shown = ProofOfPlay();
  ASSERT_GE(shown.size(), 2u);
  EXPECT_EQ(shown.front().item, "v");
  EXPECT_EQ(shown.back().item, "big");
  EXPECT_EQ(shown.back().mode, "emergency");
}

TEST_F(AppLoopTest, AFileThePlayerRefusesIsSkippedWithItsReason) {
  const UnixSeconds start = kT0 + 3600;
  Cache(kClip, std::string(4096, 'x'));
  const std::vector<feed::Item> items = {Video("v", kClip), News("a"), News("b")};
  ASSERT_EQ(Run(start, 120,
                [&](int64_t t_ms) {
                  if (t_ms == 0) content_.Serve(items, start);
                  if (player_.state() == video::PlayerState::kLoading)
                    player_.SetState(video::PlayerState::kFailed,
                                     "video is 7680x4320, over the 3840x2160 cap");
                }),
            0);
  EXPECT_EQ(player_.opens, 1);  // refused once, never tried again
  const auto status = StatusFile();
  ASSERT_EQ(status["media"]["skipped"].size(), 1u) << status["media"].dump();
  EXPECT_EQ(status["media"]["skipped"][0]["url"], kClip);
  EXPECT_EQ(status["media"]["skipped"][0]["reason"], "video is 7680x4320, over the 3840x2160 cap");
  // The rotation went on with the other slides.
  const std::vector<Shown> shown = ProofOfPlay();
  int news = 0;
  for (const Shown& s : shown) news += s.item == "a" || s.item == "b";
  EXPECT_GE(news, 3);
}

}  // namespace
}  // namespace machikado::kiosk
