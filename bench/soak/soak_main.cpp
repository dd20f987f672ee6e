// machikado_soak: the real kiosk loop (kiosk::App, headless) with accelerated time, fed by a
// loopback server whose feeds change every second and whose network flaps, and visited by a
// synthetic visitor that opens and closes detail views. bench/soak/run.sh runs it for half an hour
// and samples the process from outside; tests/soak_smoke.test.sh runs it for a few seconds.
//
//   machikado_soak --state-dir DIR [--run-for SECONDS] [--size WxH] [--visit-every-ms MS]
//                  [--flap-every-s S] [--real-time] [--window]
//                  [--tls-dir DIR] [--sign] [--takeover-every-s S] [--clock-jump-every-s S]
//                  [--hostile-dir DIR]
//
// The wider soak (issue 22; run.sh and the smoke test give all of these):
// --tls-dir DIR: the server speaks HTTPS with DIR/server.pem and DIR/server.key, certified by a
//   test CA (DIR/ca.pem) that the kiosk's configuration trusts (`tls_ca_file`).
// --sign: an ephemeral minisign key; the kiosk requires signatures (`public_keys`) and the server
//   signs every feed body, breaking 1 signature in 30.
// --takeover-every-s S: an `alerts` feed where a level-5 alert (an emergency takeover) arrives
//   every S seconds and expires 20 s later.
// --clock-jump-every-s S: the kiosk's wall clock jumps hours forward and back every S seconds
//   (soak_clock.h), with quiet hours where the forward jumps land and a few minutes of every
//   quarter hour besides.
// --hostile-dir DIR: DIR holds the three hostile images of issue 22 (big.png, header.jpg,
//   tiny.gif); the server answers some image requests with them and a local feed in DIR names
//   them by path.
// --real-time: no acceleration — the kiosk's own slide durations, poll intervals, backoff and
// idle return, as configured by default (the real-time soak of docs/soak.md). --window: a real
// window with the renderer the kiosk chooses by itself (RendererChoice, `auto`), instead of the
// headless surface; needs a display (run.sh with SOAK_REALTIME=1 starts Xvfb). --size then
// tells the visitor where the middle of the full-screen window is.
//
// Writes, besides the kiosk's own files (status.json, machikado.prom, play/), soak-driver.prom:
// what the driver did (feed changes, invalid bodies, answers, flaps, takeovers, signatures, clock
// jumps) every second, and what the visitor did (taps, swipes, closes) at the end. The process
// measured from outside holds the driver too: the loopback server's listener, its worker threads
// and its connections, which come and go with the "refused" flaps.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <ctime>
#include <memory>

#include "config/config.h"
#include "core/clock.h"
#include "core/log.h"
#include "kiosk/app.h"
#include "platform/build_paths.h"
#include "soak_clock.h"
#include "soak_server.h"
#include "soak_setup.h"
#include "soak_visitor.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: machikado_soak --state-dir DIR [--run-for SECONDS] [--size WxH] "
               "[--visit-every-ms MS] [--flap-every-s S] [--real-time] [--window] "
               "[--tls-dir DIR] [--sign] [--takeover-every-s S] [--clock-jump-every-s S] "
               "[--hostile-dir DIR]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace machikado;
  std::string state_dir;
  double run_for_s = 60;
  int w = 960, h = 540;
  int64_t visit_every_ms = 5000;
  int flap_every_s = 30;
  bool real_time = false, window = false, sign = false;
  std::string tls_dir, hostile_dir;
  int takeover_every_s = 0, clock_jump_every_s = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--real-time") {
      real_time = true;
      continue;
    }
    if (a == "--window") {
      window = true;
      continue;
    }
    if (a == "--sign") {
      sign = true;
      continue;
    }
    if (i + 1 >= argc) return Usage();
    std::string v = argv[++i];
    if (a == "--state-dir")
      state_dir = v;
    else if (a == "--run-for")
      run_for_s = std::atof(v.c_str());
    else if (a == "--size" && std::sscanf(v.c_str(), "%dx%d", &w, &h) == 2)
      ;
    else if (a == "--visit-every-ms")
      visit_every_ms = std::atoll(v.c_str());
    else if (a == "--flap-every-s")
      flap_every_s = std::atoi(v.c_str());
    else if (a == "--tls-dir")
      tls_dir = v;
    else if (a == "--hostile-dir")
      hostile_dir = v;
    else if (a == "--takeover-every-s")
      takeover_every_s = std::atoi(v.c_str());
    else if (a == "--clock-jump-every-s")
      clock_jump_every_s = std::atoi(v.c_str());
    else
      return Usage();
  }
  if (state_dir.empty() || run_for_s <= 0 || w < 320 || h < 320 || visit_every_ms < 1000 ||
      flap_every_s < 3 || (takeover_every_s != 0 && takeover_every_s < 45) ||
      clock_jump_every_s < 0)
    return Usage();

  std::unique_ptr<soak::SoakKey> key;
  if (sign) key = std::make_unique<soak::SoakKey>(soak::MakeSoakKey());

  soak::SoakServerOptions so;
  so.image_dir = std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/images";
  so.counters_path = state_dir + "/soak-driver.prom";
  so.flap_every_s = flap_every_s;
  so.flap_for_s = std::min(6, flap_every_s / 3);
  if (!tls_dir.empty()) {
    so.tls_cert = tls_dir + "/server.pem";
    so.tls_key = tls_dir + "/server.key";
  }
  if (key) so.signing_key = &key->secret;
  so.hostile_dir = hostile_dir;
  so.world.hostile_images = !hostile_dir.empty();
  so.world.takeover_every_s = takeover_every_s;
  soak::SoakServer server(so);
  if (server.Start() == 0) {
    std::fprintf(stderr, "machikado_soak: cannot start the loopback server\n");
    return 1;
  }

  StderrLog log;
  kiosk::AppOptions o;
  for (size_t i = 0; i < server.feed_count(); ++i) {
    config::FeedSource f;
    f.url = server.FeedUrl(i);
    // The soak's images change under the same URL and carry no image.sha256: over https the
    // feed opts out of the digest rule (trust/image_digest.h), as an https-only ward would.
    f.allow_unhashed_images = !tls_dir.empty();
    o.config.feeds.push_back(f);
  }
  if (!hostile_dir.empty()) {
    Result<std::string> local =
        soak::WriteHostileFeed(hostile_dir, std::time(nullptr), key ? &key->secret : nullptr);
    if (!local.ok()) {
      std::fprintf(stderr, "machikado_soak: %s\n", local.status().message().c_str());
      return 1;
    }
    config::FeedSource f;
    f.url = *local;
    f.allow_unhashed_images = true;  // local files: the gate, not a digest, is what is tested
    o.config.feeds.push_back(f);
  }
  if (!tls_dir.empty()) o.config.tls_ca_file = tls_dir + "/ca.pem";
  if (key) o.config.public_keys = {key->public_key};
  ShiftedClock clock;
  std::unique_ptr<soak::SoakClockJumper> jumper;
  if (clock_jump_every_s > 0) {
    o.clock = &clock;
    o.config.quiet_hours.ranges = soak::QuietRangesForSoak(clock.now(), o.config.utc_offset_s);
    jumper = std::make_unique<soak::SoakClockJumper>(clock, clock_jump_every_s);
  }
  o.config.center_name = "ソーク試験センター";
  o.state_dir = state_dir;
  o.headless = !window;
  o.headless_width = w;
  o.headless_height = h;
  o.run_for_ms = static_cast<int64_t>(run_for_s * 1000);
  if (!real_time) {
    o.config.idle_return_s = 2;
    o.acceleration = kiosk::Acceleration{};
  }

  soak::SoakVisitor visitor(w, h, visit_every_ms);
  visitor.Start();
  if (jumper) jumper->Start();
  kiosk::App app(std::move(o), log);
  const int code = app.Run();
  if (jumper) jumper->Stop();
  visitor.Stop();
  server.Stop();
  // The driver's final counters, the visitor's and the clock's included.
  if (FILE* f = std::fopen((state_dir + "/soak-driver.prom").c_str(), "w")) {
    const std::string text = server.CountersText() + visitor.CountersText() +
                             (jumper ? jumper->CountersText() : std::string());
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  return code;
}
