#include "kiosk/app.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>

#include "config/config_loader.h"
#include "feed/nearby_shelters.h"
#include "feed/shelter_slide.h"
#include "feed/time_shift.h"
#include "kiosk/app_impl.h"
#include "platform/data_dir.h"
#include "platform/host_facts.h"
#include "render/theme.h"
#include "ui/kiosk_safety.h"

namespace machikado::kiosk {
namespace {

// Set by SIGTERM/SIGINT. A signal handler can only touch a lock-free flag; the loop wakes at least
// once a second to look at it (kMaxSleepMs).
volatile sig_atomic_t g_stop_signal = 0;
void OnStopSignal(int) {
  g_stop_signal = 1;
}

}  // namespace

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
  status_writer = std::make_unique<platform::StatusFileWriter>(options.state_dir + "/status.json",
                                                               fs, system_clock, log);
  play_log = std::make_unique<ops::PlayLog>(ops::PlayLogOptions{options.state_dir + "/play"});
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
  http = std::make_unique<net::CurlHttpClient>();
  source_client = std::make_unique<net::SourceClient>(*http);
  wake_event = SDL_RegisterEvents(1);
  pipeline = std::make_unique<pipeline::FeedPipeline>(
      pcfg, *source_client, store.get(), system_clock, sanity, log, [this] { Wake(); });
  pipeline->Start();

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
  renderer_status = platform::RendererStatus{display->renderer_name(), PathName(rc.path),
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
    pipeline->handoff().WaitNewer(0, 500);
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
  return Status::Ok();
}

schedule::Now App::Impl::NowForSchedule() const {
  schedule::Now now;
  now.mono_ms = clock.monotonic_ms();
  pipeline::ClockReport report = sanity.Report();
  UnixSeconds floor = 0;
  if (snapshot)
    for (const auto& f : snapshot->feeds) floor = std::max({floor, f.generated, f.last_ok});
  now.wall = report.trusted ? schedule::WallTime::Trusted(clock.now())
                            : schedule::WallTime::Untrusted(clock.now(), floor);
  return now;
}

void App::Impl::TakeSnapshot() {
  auto latest = pipeline->Latest();
  if (!latest || latest == snapshot) return;
  snapshot = latest;
  need_redraw = true;  // feed states (offline indicator) may have changed
  if (snapshot->content_version == content_version) return;
  content_version = snapshot->content_version;
  std::map<std::string, int64_t> shift_by_feed;
  if (options.demo)
    for (const auto& f : snapshot->feeds)
      shift_by_feed[f.feed_id] = feed::DemoShiftSeconds(f.generated, clock.now());
  std::vector<feed::Item> items;
  items.reserve(snapshot->items.size());
  std::vector<ops::QuarantineKey> present;
  std::vector<std::string> feeds_with_content;
  for (const auto& f : snapshot->feeds)
    if (!f.feed_id.empty()) feeds_with_content.push_back(f.feed_id);
  for (const auto& p : snapshot->items) present.push_back({p->feed_id, p->id, p->content_hash});
  quarantine->Retain(present, feeds_with_content, system_clock.now());
  for (const auto& p : snapshot->items) {
    if (quarantine->Contains({p->feed_id, p->id, p->content_hash})) continue;
    items.push_back(*p);
    if (options.demo) {
      feed::Feed one;
      one.items = {items.back()};
      feed::ShiftFeedTimes(one, shift_by_feed[p->feed_id]);
      items.back() = std::move(one.items.front());
    }
  }
  // The kiosk's own shelter slide, from the registers of all feeds (docs/open-data.md).
  if (snapshot->shelters)
    if (auto slide = feed::MakeShelterSlideItem(feed::SelectNearbyShelters(
            *snapshot->shelters, config::ToNearbyShelterQuery(options.config.shelter_slide))))
      items.push_back(std::move(*slide));
  screen.Update(std::move(items), NowForSchedule());
  current_key.reset();  // content may have changed: prepare again
  next_key.reset();
}

render::SlideContext App::Impl::Context(const schedule::Now& now) const {
  render::SlideContext ctx;
  ctx.width = screen_w;
  ctx.height = screen_h;
  ctx.lang = options.config.language;
  ctx.now = now.wall.now;
  ctx.show_wareki = options.config.show_wareki;
  ctx.utc_offset_s = options.config.utc_offset_s;
  ctx.asset_dirs = {data_dir + "/assets"};
  ctx.shelter_map_url = options.config.shelter_map_url;
  // Local feeds name image files; remote images arrive as bytes in the snapshot (image_bytes).
  auto snap_for_images = snapshot;
  // With signatures required, only images the pipeline has checked against their sha256 are
  // drawn: a local file is not read behind its back (trust/image_digest.h).
  const bool digests_checked_first = !options.config.public_keys.empty();
  // Either way the canvas decodes through the image gate (render/image_decoder.h).
  ctx.resolve_image = [snap_for_images,
                       digests_checked_first](const std::string& url) -> std::string {
    if (snap_for_images) {
      if (snap_for_images->images.count(url)) return url;       // checked bytes in memory
      if (snap_for_images->image_errors.count(url)) return "";  // refused: why is in status.json
    }
    // A local image the pipeline has not read yet: the canvas reads the file (under the cap).
    if (net::IsLocalSource(url) && !digests_checked_first) return net::LocalPath(url).value_or("");
    return "";  // not fetched (yet): the item shows without its image
  };
  if (options.not_configured) {
    const platform::HostFacts host = platform::ReadHostFacts();
    ctx.not_configured = render::NotConfigured{*options.not_configured, options.config_path,
                                               host.host_name, host.addresses};
  }
  if (const std::string& name = options.config.center_name; !name.empty())
    ctx.center_name.variants.push_back({"ja", name, {{name, ""}}});
  if (ctx.center_name.empty() && snapshot)
    for (const auto& f : snapshot->feeds)
      if (!f.title.empty()) {
        ctx.center_name = f.title;
        break;
      }
  if (snapshot) {
    bool any_ok = false;
    UnixSeconds as_of = 0;
    for (const auto& f : snapshot->feeds) {
      if (f.state == pipeline::FeedReport::State::kOk && !f.from_cache) any_ok = true;
      as_of = std::max(as_of, f.content_fetched_at);
    }
    ctx.online = any_ok;
    if (!any_ok && as_of > 0) ctx.offline_as_of = as_of;
    auto snap = snapshot;
    ctx.image_bytes = [snap](const std::string& url) -> const std::string* {
      auto it = snap->images.find(url);
      return it == snap->images.end() ? nullptr : &it->second->bytes;
    };
  }
  return ctx;
}

bool App::Impl::Apply(const std::vector<ui::Intent>& intents) {
  const schedule::Now now = NowForSchedule();
  for (const ui::Intent& i : intents) {
    need_redraw = true;
    switch (i.type) {
      case ui::Intent::Type::kOpenDetail:
        ++detail_opens;
        screen.rotation().Pause(now);
        break;
      case ui::Intent::Type::kCloseDetail:
        screen.rotation().Resume(now);
        break;
      case ui::Intent::Type::kStep:
        screen.rotation().Step(i.step, now);
        break;
      case ui::Intent::Type::kSetKindFilter:
        screen.rotation().SetKindFilter(i.kinds, now);
        break;
      case ui::Intent::Type::kSetLanguage:
        current_key.reset();
        next_key.reset();
        break;
      case ui::Intent::Type::kRestoreWindow:
        if (display->window()) SDL_RestoreWindow(display->window());
        break;
      case ui::Intent::Type::kExit:
        log.info("exit chord pressed: leaving the kiosk");
        return false;
      case ui::Intent::Type::kRedraw:
        break;
    }
  }
  return true;
}

bool App::Impl::HandleEvent(const SDL_Event& e) {
  if (input && e.type != SDL_QUIT) {
    // Pointer coordinates from the window → the logical (possibly rotated) screen.
    SDL_Event ev = e;
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) {
      float lx, ly;
      display->WindowToLogical(e.button.x, e.button.y, &lx, &ly);
      ev.button.x = static_cast<int>(lx);
      ev.button.y = static_cast<int>(ly);
    } else if (e.type == SDL_MOUSEMOTION) {
      float lx, ly;
      display->WindowToLogical(e.motion.x, e.motion.y, &lx, &ly);
      ev.motion.x = static_cast<int>(lx);
      ev.motion.y = static_cast<int>(ly);
    }
    if (!Apply(input->HandleEvent(ev, system_clock.monotonic_ms()))) return false;
  }
  switch (e.type) {
    case SDL_QUIT:
      // In kiosk mode a window-close request is ignored: visitors must not reach the desktop.
      if (!options.kiosk_lock) return false;
      log.info("ignored a request to close the kiosk window (staff: use the exit chord)");
      return true;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
          e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_RESTORED) {
        if (display->Resized()) {
          screen_w = display->logical_width();
          screen_h = display->logical_height();
          if (input) input->SetScreenSize(screen_w, screen_h);
          current_key.reset();
          next_key.reset();
        }
        need_redraw = true;
      }
      return true;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      current_key.reset();
      next_key.reset();
      need_redraw = true;
      return true;
    default:
      return true;
  }
}

void App::Impl::Wake() {
  if (options.headless) {
    std::lock_guard<std::mutex> lock(wake_mu);
    woken = true;
    wake_cv.notify_one();
    return;
  }
  SDL_Event e{};
  e.type = wake_event;
  SDL_PushEvent(&e);
}

void App::Impl::WaitForWork(int64_t sleep_ms) {
  sleep_ms = std::clamp<int64_t>(sleep_ms, 1, kMaxSleepMs);
  SDL_Event e;
  if (options.headless) {
    // No video driver to wait on: SDL would poll every millisecond. Wait on our own condition
    // variable (the pipeline's wake) instead, then drain injected events.
    std::unique_lock<std::mutex> lock(wake_mu);
    wake_cv.wait_for(lock, std::chrono::milliseconds(sleep_ms), [this] { return woken; });
    woken = false;
    lock.unlock();
    while (SDL_PollEvent(&e))
      if (!HandleEvent(e)) quit = true;
    return;
  }
  if (SDL_WaitEventTimeout(&e, static_cast<int>(sleep_ms))) {
    do {
      if (!HandleEvent(e)) quit = true;
    } while (SDL_PollEvent(&e));
  }
}

int App::Impl::Run() {
  ui::ApplyKioskHints(options.kiosk_lock);
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  Uint32 subsystems = options.headless ? SDL_INIT_EVENTS : SDL_INIT_VIDEO | SDL_INIT_EVENTS;
  if (SDL_Init(subsystems) != 0) {
    log.error(std::string("no display available (") + SDL_GetError() +
              "). To draw slides without a display use `machikado render --out DIR`; to run the "
              "kiosk loop without one use `machikado run --headless`.");
    return 1;
  }
  if (!options.headless && !std::getenv("SDL_VIDEODRIVER")) {
    // Without a display SDL falls back to its offscreen or dummy driver: nobody would see it.
    const char* driver = SDL_GetCurrentVideoDriver();
    if (driver && (std::string(driver) == "offscreen" || std::string(driver) == "dummy")) {
      log.error(
          "no display available (no X11 or Wayland display, no KMS console). To draw slides "
          "without a display use `machikado render --out DIR`; to run the kiosk loop without "
          "one use `machikado run --headless`.");
      SDL_Quit();
      return 1;
    }
  }
  if (TTF_Init() != 0 || (IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG) & IMG_INIT_PNG) == 0) {
    log.error(std::string("cannot initialise fonts or images: ") + SDL_GetError());
    SDL_Quit();
    return 1;
  }
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);

  int code = 0;
  if (Status s = Setup(); !s.ok()) {
    log.error(s.message());
    code = 1;
  } else {
    notifier.Ready();
    notifier.Status("showing content");
    while (!quit) {
      int64_t sleep_ms = kMaxSleepMs;
      Frame(&sleep_ms);
      int64_t elapsed = system_clock.monotonic_ms() - started_ms;
      if (options.run_for_ms && elapsed >= *options.run_for_ms) break;
      if (g_stop_signal) {
        log.info("stopping on signal");
        break;
      }
      if (options.run_for_ms) sleep_ms = std::min(sleep_ms, *options.run_for_ms - elapsed);
      WaitForWork(sleep_ms);
    }
    notifier.Stopping();
    CloseShowing(clock.monotonic_ms());
    if (quarantine) quarantine->Clear();  // a clean exit blames no item
  }
  first_slide.reset();  // joins the worker (a failed Setup may leave it running)
  if (pipeline) pipeline->Stop();
  pipeline.reset();
  if (play_log) play_log->Flush();
  if (status_writer) status_writer->Flush();
  detail.reset();
  current = {};
  next = {};
  renderer.reset();
  compositor.reset();
  fonts.reset();
  display.reset();
  IMG_Quit();
  TTF_Quit();
  SDL_Quit();
  return code;
}

App::App(AppOptions options, Log& log) : impl_(std::make_unique<Impl>(std::move(options), log)) {}
App::~App() = default;

int App::Run() {
  return impl_->Run();
}

}  // namespace machikado::kiosk
