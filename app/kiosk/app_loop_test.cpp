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

  ScopedTempDir state_;
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
