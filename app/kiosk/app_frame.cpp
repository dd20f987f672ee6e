// The per-frame half of App: decide what is on screen, prepare it when it changed, draw only when
// needed, and keep status.json, proof of play and metrics in step.
#include <time.h>

#include <algorithm>

#include "kiosk/app_impl.h"
#include "schedule/quiet_hours.h"

namespace machikado::kiosk {
namespace {

// CPU time of the whole process: a frame's cost includes the threads a renderer draws with
// (llvmpipe rasterises on several).
double ProcessCpuMs() {
  timespec ts{};
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

void App::Impl::Frame(int64_t* sleep_ms) {
  const int64_t t0 = system_clock.monotonic_ms();
  TakeSnapshot();
  if (input && !Apply(input->Tick(t0))) {
    quit = true;
    return;
  }
  UpdatePlayable();
  Decision d = Decide();
  const schedule::Now& now = d.plan.now;
  render::SlideContext& ctx = d.ctx;
  const feed::Item* item = d.item;
  const std::string& lang = d.lang;
  const render::SlideMode slide_mode = d.slide_mode;
  const std::optional<schedule::SlideState>& state = d.plan.rotation;
  const ScreenKey& key = d.key;

  const int64_t frame_ms =
      std::max<int64_t>(min_frame_ms, 1000 / std::max(1, options.config.display.max_fps));
  int64_t deadline = now.mono_ms + kMaxSleepMs;
  if (d.plan.changes_at_ms) deadline = std::min(deadline, *d.plan.changes_at_ms);
  // The header clock shows minutes: wake at the next minute boundary.
  deadline = std::min<int64_t>(deadline, now.mono_ms + (60 - now.wall.now % 60) * 1000);

  if (mode == schedule::Mode::kIdle) {
    VideoStep(d, false, &need_redraw, &deadline);  // pauses a video
    // Quiet hours: the screen is blanked (a takeover alert would have made the mode emergency).
    first_slide.reset();  // it drew nothing: quiet was decided the same way
    NowShowing(nullptr);
    if (key != current_key || need_redraw) {
      proof_of_play->Close(now.mono_ms);
      current_key = key;
      display->BeginFrame();
      SDL_SetRenderDrawColor(display->renderer(), 0, 0, 0, 255);
      SDL_RenderClear(display->renderer());
      display->Present();
      need_redraw = false;
    }
    WriteStatus(std::nullopt);
    MaybeWriteMetrics(now.mono_ms);
    notifier.Watchdog(now.mono_ms);
    *sleep_ms = std::max<int64_t>(1, deadline - system_clock.monotonic_ms());
    return;
  }

  bool redraw = need_redraw;
  if (key != current_key) {
    ScreenKey shown_key = key;
    if (key == next_key && next.valid()) {
      std::swap(current, next);
      next_key.reset();
    } else if (AdoptFirstSlide(d, &shown_key)) {
      if (options.report_first_frame)
        log.info("prepare " + current.item_id + " " + std::to_string(current.prepare_ms) +
                 " ms (first slide, drawn while the display came up)");
    } else if (item) {
      BeforePreparing(*item);
      renderer->Prepare(*item, ctx, slide_mode, current);
      if (options.report_first_frame)
        log.info("prepare " + item->id + " " + std::to_string(current.prepare_ms) + " ms");
    } else {
      renderer->PrepareIdle(ctx, current);
    }
    NowShowing(item);
    proof_of_play->Show(item, lang, mode, clock.now(), now.mono_ms);
    current_key = shown_key;
    redraw = true;
    // The first slide as drawn a moment ago, with an older header: redrawn on the next wake-up.
    if (shown_key != key) deadline = std::min(deadline, now.mono_ms + 1);
  }
  first_slide.reset();  // taken or not, the first frame is decided

  // Prepare the next slide ahead of its crossfade, while nothing else is going on.
  float fade = 0;
  if (input && item && item->id != shown_item_id) {
    shown_item_id = item->id;
    input->SetCurrentItem(item->id, ui::ItemLanguages(*item));
  } else if (input && !item && !shown_item_id.empty()) {
    shown_item_id.clear();
    input->SetCurrentItem("", {});
  }
  const bool overlay = input && detail && !input->at_rest();
  if (overlay) deadline = std::min(deadline, input->next_deadline_ms());
  // Back at rest: the detail's screen-sized textures and caches are rebuilt on the next tap, so
  // a kiosk that is rarely touched does not carry them (tens of MB on a software renderer).
  if (overlay_was_open && !overlay && detail) detail->Trim();
  overlay_was_open = overlay;
  VideoStep(d, overlay, &redraw, &deadline);

  if (state && !state->paused && mode == schedule::Mode::kRotation) {
    if (const auto& upcoming = d.plan.next) {
      const feed::Item* next_item = upcoming->item;
      render::SlideContext nctx = ctx;
      nctx.position = upcoming->id.position;
      nctx.total = upcoming->id.count;
      nctx.progress = 0;
      ScreenKey nkey = key;
      nkey.body.slide = upcoming->id;
      // Not before the first slide is on screen: launch shows content first, and the next
      // slide is prepared on the following wake-up, long before its crossfade.
      if (nkey != next_key && drawn_once) {
        BeforePreparing(*next_item);
        renderer->Prepare(*next_item, nctx, render::SlideMode::kRotation, next);
        NowShowing(item);
        if (options.report_first_frame)
          log.info("prepare " + next_item->id + " " + std::to_string(next.prepare_ms) + " ms");
        next_key = nkey;
      }
      fade = static_cast<float>(state->fade);
    }
    deadline = std::min(deadline, fade > 0 ? now.mono_ms + frame_ms : state->fade_starts_ms);
    const int64_t progress_ms = progress_pacer.interval_ms();
    deadline = std::min(deadline, last_progress_draw_ms + progress_ms);
    if (now.mono_ms - last_progress_draw_ms >= progress_ms) redraw = true;
    if (fade > 0) redraw = true;
  }

  if (redraw && current.valid()) {
    const bool still = !(fade > 0 && next.valid()) && !overlay;
    const double cpu0 = still ? ProcessCpuMs() : 0;
    display->BeginFrame();
    if (fade > 0 && next.valid())
      compositor->Crossfade(current, next, fade);
    else
      compositor->Show(current);
    if (!overlay && !(fade > 0 && next.valid())) DrawVideo(ctx);
    if (overlay) {
      const feed::Item* detail_item = nullptr;
      for (const auto& it : screen.rotation().items())
        if (it.id == input->state().detail_item_id) detail_item = &it;
      NowShowing(detail_item ? detail_item : item);
      ui::DetailFrame f{DetailItem(detail_item),
                        &input->state(),
                        input->pointer(),
                        &input->layout(),
                        &ctx,
                        dpi,
                        static_cast<float>(std::min<int64_t>(t0 - last_frame_ms, 1000)) / 1000.0f};
      detail->Draw(f);
      input->SetScrollMax(detail->scroll_max());
    } else if (state && mode == schedule::Mode::kRotation) {
      compositor->Progress(
          render::ComputeScreenLayout(display->logical_width(), display->logical_height(),
                                      !ctx.banner_alerts.empty()),
          ctx.progress);
      last_progress_draw_ms = now.mono_ms;
    }
    display->Present();
    if (still) progress_pacer.AddFrameCost(ProcessCpuMs() - cpu0);
    need_redraw = false;
    last_frame_ms = t0;
    frame_times.Add(static_cast<double>(system_clock.monotonic_ms() - t0));
    if (!drawn_once) {
      drawn_once = true;
      if (options.report_first_frame)
        log.info("first-frame " + std::to_string(system_clock.monotonic_ms() - started_ms) + " ms");
      display->RequestFullscreen();
    }
  }

  if (redraw && !current.valid()) {
    // No slide could be prepared (e.g. no memory for its texture): the last-resort screen, drawn
    // straight to the screen — never a black screen while the process lives.
    if (!last_resort_shown) log.error("no slide could be prepared: showing the last-resort screen");
    last_resort_shown = true;
    display->BeginFrame();
    renderer->DrawLastResort(ctx);
    display->Present();
    need_redraw = false;
  } else if (current.valid()) {
    last_resort_shown = false;
  }
  if (!overlay) NowShowing(item);

  std::optional<SlideStatus> slide;
  if (item) slide = SlideStatus{item->id, std::string(feed::KindName(item->kind))};
  WriteStatus(slide);
  MaybeWriteMetrics(now.mono_ms);
  notifier.Watchdog(now.mono_ms);
  *sleep_ms = std::max<int64_t>(1, deadline - system_clock.monotonic_ms());
}

}  // namespace machikado::kiosk
