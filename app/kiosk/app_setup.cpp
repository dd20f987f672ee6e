// App's set-up: everything the kiosk owns, built from its configuration and options — the state
// directory's writers, the quarantine, the screen step, the content (the feed pipeline, or what a
// test gives), fonts, the display and the first slide drawn while it comes up, input and the
// detail view. Runs once, on the main thread, before the loop.
#include <SDL2/SDL.h>

#include <algorithm>
#include <random>

#include "kiosk/app_impl.h"
#include "platform/data_dir.h"
#include "render/theme.h"
#include "ui/kiosk_safety.h"

namespace machikado::kiosk {

Status App::Impl::Setup() {
  started_ms = system_clock.monotonic_ms();
  const config::Config& cfg = options.config;
  if (auto c = ui::ParseExitChord(cfg.exit_chord); c.ok())
    exit_chord = *c;
  else
    log.warn("exit chord: " + c.status().message() + "; staff exit only by stopping the service");

  if (auto d = platform::FindDataDir(platform::RealDataDirProbe()))
    data_dir = *d;
  else
    return Status::NotFound("cannot find machikado's data (assets/); set MACHIKADO_DATA_DIR");

  // State directory: cache, status.json, proof of play, metrics.
  if (Status s = fs.MakeDirs(options.state_dir); !s.ok())
    return Status::Io("state directory " + options.state_dir + ": " + s.message());
  cache = std::make_unique<cache::FeedCache>(options.state_dir + "/cache", fs);
  if (Status s = cache->Open(); !s.ok()) log.warn("offline cache: " + s.message());
  store = std::make_unique<pipeline::CacheFeedStore>(*cache);
  status_writer =
      std::make_unique<StatusFileWriter>(options.state_dir + "/status.json", fs, system_clock, log);
  proof_of_play = std::make_unique<ProofOfPlay>(
      std::make_unique<ops::PlayLog>(ops::PlayLogOptions{options.state_dir + "/play"}, fs));
  std::string metrics_path =
      cfg.metrics_path.empty() ? options.state_dir + "/machikado.prom" : cfg.metrics_path;
  metrics_publisher = std::make_unique<ops::FilePublisher>(metrics_path, fs, log);
  if (!cfg.status_url.empty()) {
    ops::StatusReporterOptions ro;
    ro.url = cfg.status_url;
    ro.token = cfg.status_token;
    ro.status_path = options.state_dir + "/status.json";
    ro.interval_ms = int64_t{cfg.status_interval_s} * 1000;
    ro.first_delay_ms = std::min<int64_t>(ro.first_delay_ms, ro.interval_ms);
    status_reporter = std::make_unique<ops::StatusReporter>(ro, fs, log);
  }
  quarantine = std::make_unique<ops::ItemQuarantine>(options.state_dir + "/quarantine", fs, log,
                                                     ops::ReadBootId(fs));
  quarantine->Open(system_clock.now());

  // Schedule.
  schedule::ScreenConfig screen_config{schedule::ScheduleConfigFrom(cfg), cfg.quiet_hours,
                                       cfg.utc_offset_s};

  // Content: the cache first (published at once), then the network.
  pipeline::PipelineConfig pcfg;
  pcfg.feeds = cfg.feeds;
  pcfg.request.ca_file = cfg.tls_ca_file;
  pcfg.seed = std::random_device{}();
  if (!cfg.public_keys.empty()) {
    auto verifier = trust::FeedVerifier::FromConfig(cfg.public_keys);
    if (!verifier.ok()) return Status::Invalid("public_keys: " + verifier.status().message());
    pcfg.verifier = std::move(verifier).value();
    log.info("feeds must be signed (" + std::to_string(cfg.public_keys.size()) +
             " trusted key(s))");
  }
  // Local feeds (the bundled demo, a USB stick) have no fleet to spread out: poll them at once.
  if (std::all_of(cfg.feeds.begin(), cfg.feeds.end(),
                  [](const config::FeedSource& f) { return net::IsLocalSource(f.url); }))
    pcfg.poll.start_jitter_max_s = 0;
  if (options.acceleration) {
    Accelerate(*options.acceleration, screen_config.schedule, pcfg);
    metrics_every_ms = options.acceleration->metrics_every_ms;
    log.warn("accelerated time (soak run): a slide every " +
             std::to_string(options.acceleration->slide_ms) + " ms");
  }
  screen = schedule::ScreenScheduler(screen_config);
  wake_event = SDL_RegisterEvents(1);
  SetupMedia();  // before the content: the first snapshot's videos are wanted at once
  if (options.content) {
    content = options.content;  // a test's
  } else {
    http = std::make_unique<net::CurlHttpClient>();
    source_client = std::make_unique<net::SourceClient>(*http);
    pipeline = std::make_unique<pipeline::FeedPipeline>(
        pcfg, *source_client, store.get(), system_clock, sanity, log, [this] { Wake(); });
    pipeline_content = std::make_unique<PipelineContent>(*pipeline);
    content = pipeline_content.get();
    pipeline->Start();
  }

  render::FontSetConfig fcfg;
  fcfg.search_dirs = cfg.font_paths;
  fcfg.search_dirs.push_back(data_dir + "/fonts");
  auto f = render::FontSet::Open(fcfg, log);
  if (!f.ok()) return f.status();
  fonts = std::move(f).value();

  // Screen. With a display, the first slide is drawn on a worker while the window comes up
  // (first_slide.h): from here until Wait below, the worker owns the fonts and the App's content
  // state (snapshot, rotation, alerts), and this thread only deals with SDL's video.
  DisplayOptions dopt;
  dopt.headless = options.headless;
  dopt.rotation_deg = cfg.display.rotation_deg;
  dopt.renderer = cfg.display.renderer;
  if (options.headless) {
    dopt.width = options.headless_width;
    dopt.height = options.headless_height;
  } else if (cfg.display.windowed_w) {
    dopt.width = *cfg.display.windowed_w;
    dopt.height = *cfg.display.windowed_h;
  }
  if (!options.headless && Display::PlannedLogicalSize(dopt, &screen_w, &screen_h))
    first_slide = FirstSlide::Start(screen_w, screen_h, *fonts, log,
                                    [this](render::SlideRenderer& r) { return DrawFirstSlide(r); });
  auto d = Display::Open(dopt);
  if (!d.ok()) return d.status();
  display = std::move(d).value();
  // Every present that is not blended by a GPU costs CPU (SDL's software renderer, or OpenGL on
  // llvmpipe when forced): move the progress bar at most once a second (less often when frames
  // cost more: progress_pacer.h), and crossfade at 20 frames a second — still a smooth dissolve,
  // two thirds of the cost of 30. A real GPU blends for free.
  const bool hardware = display->hardware_blending();
  progress_pacer = ProgressPacer(hardware ? 100 : 1000);
  min_frame_ms = hardware ? 0 : 50;
  const RendererChoice& rc = display->renderer_choice();
  renderer_status = RendererStatus{display->renderer_name(), PathName(rc.path),
                                   PreferenceName(cfg.display.renderer), rc.reason};
  log.info("display " + std::to_string(display->logical_width()) + "x" +
           std::to_string(display->logical_height()) + " renderer " + renderer_status->name + " (" +
           renderer_status->path + "): " + rc.reason);
  if (first_slide) {
    const render::Color page = render::theme::kPage;
    display->ShowBackground(SDL_Color{page.r, page.g, page.b, 255});
  }
  if (display->window()) ui::ApplyKioskWindow(display->window(), options.kiosk_lock);
  dpi = ui::DisplayDpi(display->window(), cfg.display.dpi);

  if (first_slide)
    first_slide->Wait();
  else
    // Content comes from the cache before any network attempt completes: wait briefly for that
    // first snapshot so the first frame is a slide, not the empty screen.
    content->WaitFirst(500);
  screen_w = display->logical_width();
  screen_h = display->logical_height();

  ui::InputConfig ic;
  ic.width = screen_w;
  ic.height = screen_h;
  ic.dpi = dpi;
  ic.idle_return_ms = static_cast<int64_t>(cfg.idle_return_s) * 1000;
  ic.default_language = cfg.language;
  ic.kiosk = options.kiosk_lock;
  if (exit_chord) ic.exit_chord = *exit_chord;
  input = std::make_unique<ui::InputInterpreter>(ic);
  renderer = std::make_unique<render::SlideRenderer>(display->renderer(), *fonts, log);
  compositor = std::make_unique<render::Compositor>(display->renderer());
  if (auto dv = ui::DetailView::Create(display->renderer(), *fonts, log); dv.ok())
    detail = std::move(dv).value();
  else
    log.warn("detail view unavailable: " + dv.status().message());
  SetupVideoDisplay();
  return Status::Ok();
}

}  // namespace machikado::kiosk
