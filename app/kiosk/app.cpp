// App: the kiosk loop (Run: wait for work, Frame, until stopped), SDL events and the visitors'
// intents (HandleEvent, Apply), and waking the loop (Wake, WaitForWork). See app_impl.h for the
// other files of App.
#include "kiosk/app.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "kiosk/app_impl.h"
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
    // variable (the pipeline's wake) instead — or let a test move its fake clock on — then drain
    // injected events.
    if (options.headless_wait) {
      options.headless_wait(sleep_ms);
      while (SDL_PollEvent(&e))
        if (!HandleEvent(e)) quit = true;
      return;
    }
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
    proof_of_play->Close(clock.monotonic_ms());
    if (quarantine) quarantine->Clear();  // a clean exit blames no item
  }
  first_slide.reset();  // joins the worker (a failed Setup may leave it running)
  if (pipeline) pipeline->Stop();
  pipeline.reset();
  ShutdownVideo();
  if (proof_of_play) proof_of_play->Flush();
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
