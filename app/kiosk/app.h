// App: the running kiosk. Wires the feed pipeline (worker thread), the schedule, the renderer and
// the status/metrics/proof-of-play writers, and runs the main loop:
//   wait for an event or the next deadline → take the newest snapshot → tick the rotation and
//   assess alerts → redraw only when what is on screen changed → status, watchdog.
// A static slide draws nothing; the loop never waits on the network or the disk.
// Owns every subsystem (no singletons); main thread only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "config/config.h"
#include "core/clock.h"
#include "core/file_system.h"
#include "core/log.h"
#include "kiosk/acceleration.h"
#include "kiosk/kiosk_env.h"
#include "net/http_client.h"
#include "video/video_player.h"

namespace machikado::kiosk {

struct AppOptions {
  config::Config config;
  std::string state_dir;  // resolved (platform::ResolveStateDir)
  bool headless = false;  // whole loop without a display (offscreen renderer)
  int headless_width = 1920, headless_height = 1080;
  // Bundled demo: item times are shifted by whole weeks so the demo stays current.
  bool demo = false;
  // Set when a configuration was given that names no usable feed: the kiosk shows the
  // not-configured screen (render::NotConfigured) with this reason, never the demo, and
  // status.json says mode "idle", idle_reason "not_configured".
  std::optional<std::string> not_configured;
  std::string config_path;  // the configuration file read, for the not-configured screen
  std::optional<int64_t>
      run_for_ms;          // stop after this long (tests, benchmarks); unset = until signalled
  bool kiosk_lock = true;  // ignore window-close requests (staff leave with the exit chord)
  // Benchmarks: log "first-frame <ms>" when the first slide is on screen.
  bool report_first_frame = false;
  // Soak runs only (bench/soak): time runs fast (kiosk/acceleration.h). Unset on a kiosk.
  std::optional<Acceleration> acceleration;
  // The world as the kiosk sees it (kiosk_env.h); null = the real one. Not owned; each must
  // outlive the App. The soak passes a ShiftedClock whose wall time jumps hours forward and back;
  // unit tests (kiosk/app_loop_test.cpp) pass fakes for all of them.
  const Clock* clock = nullptr;           // wall and monotonic time (the pipeline's too)
  FileSystem* fs = nullptr;               // state directory: cache, status, proof of play, metrics
  const ProcessFacts* process = nullptr;  // memory, descriptors, host name and addresses
  // Content: null = the feed pipeline over config.feeds (network, files, the offline cache).
  const ContentSource* content = nullptr;
  // Headless only: called instead of waiting up to `ms` for work — a test's fake clock advances
  // here, and the test changes the content it serves. Unset = wait for the pipeline or `ms`.
  std::function<void(int64_t ms)> headless_wait;
  // Video slides (docs/video.md). The player: null = one MpvPlayer for the App's lifetime (tests
  // pass a video::FakeVideoPlayer; not owned, must outlive the App). The media worker's HTTP
  // client: unset = its own curl client (tests give a net::FakeHttpClient).
  video::VideoPlayer* video_player = nullptr;
  std::function<std::unique_ptr<net::HttpClient>()> media_http;
  // Tests of the quarantine only (tests/quarantine.test.sh, via $MACHIKADO_TEST_ABORT_ITEM): the
  // process aborts when it starts preparing the item with this id, as a renderer crash would.
  std::string test_abort_item;
};

class App {
 public:
  App(AppOptions options, Log& log);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Runs until SIGTERM/SIGINT, the exit chord, or run_for_ms. Returns the process exit code.
  int Run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace machikado::kiosk
