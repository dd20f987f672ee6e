// App: the running kiosk. Wires the feed pipeline (worker thread), the schedule, the renderer and
// the status/metrics/proof-of-play writers, and runs the main loop:
//   wait for an event or the next deadline → take the newest snapshot → tick the rotation and
//   assess alerts → redraw only when what is on screen changed → status, watchdog.
// A static slide draws nothing; the loop never waits on the network or the disk.
// Owns every subsystem (no singletons); main thread only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "config/config.h"
#include "core/clock.h"
#include "core/log.h"
#include "kiosk/acceleration.h"

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
  // Soak runs only: the wall and monotonic clock the kiosk reads instead of the system's, e.g. a
  // ShiftedClock whose wall time jumps hours forward and back (core/clock.h). Not owned; must
  // outlive the App. Null on a kiosk.
  const Clock* wall_clock = nullptr;
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
