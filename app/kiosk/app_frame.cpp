// The per-frame half of App: decide what is on screen, prepare it when it changed, draw only when
// needed, and keep status.json, proof of play and metrics in step.
#include <time.h>

#include <algorithm>

#include "kiosk/app_impl.h"
#include "schedule/quiet_hours.h"

namespace machikado::kiosk {
namespace {

std::string ModeString(schedule::Mode m) {
  return std::string(schedule::ModeName(m));
}

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
    // Quiet hours: the screen is blanked (a takeover alert would have made the mode emergency).
    first_slide.reset();  // it drew nothing: quiet was decided the same way
    NowShowing(nullptr);
    if (key != current_key || need_redraw) {
      RecordShowing(nullptr, lang, now.mono_ms);
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
    const bool new_showing = !showing || !item || showing->item_id != item->id ||
                             showing->lang != lang || showing->mode != ModeString(mode);
    if (new_showing) RecordShowing(item, lang, now.mono_ms);
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

  if (state && !state->paused && mode == schedule::Mode::kRotation) {
    if (const auto& upcoming = d.plan.next) {
      const feed::Item* next_item = upcoming->item;
      {
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
    if (overlay) {
      const feed::Item* detail_item = nullptr;
      for (const auto& it : screen.rotation().items())
        if (it.id == input->state().detail_item_id) detail_item = &it;
      NowShowing(detail_item ? detail_item : item);
      ui::DetailFrame f{detail_item,
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

  std::optional<platform::SlideStatus> slide;
  if (item) slide = platform::SlideStatus{item->id, std::string(feed::KindName(item->kind))};
  WriteStatus(slide);
  MaybeWriteMetrics(now.mono_ms);
  notifier.Watchdog(now.mono_ms);
  *sleep_ms = std::max<int64_t>(1, deadline - system_clock.monotonic_ms());
}

void App::Impl::RecordShowing(const feed::Item* item, const std::string& lang, int64_t mono_ms) {
  CloseShowing(mono_ms);
  if (!item) return;
  Showing s;
  s.item_id = item->id;
  s.kind = std::string(feed::KindName(item->kind));
  s.feed = item->feed_id;
  s.lang = lang;
  s.mode = ModeString(mode);
  s.status = std::string(feed::StatusName(item->status));
  s.start = clock.now();
  s.start_ms = mono_ms;
  showing = s;
  ++slides_shown;
  ++slides_by_kind[s.kind];
}

void App::Impl::CloseShowing(int64_t mono_ms) {
  if (!showing || !play_log) return;
  ops::PlayRecord r{showing->item_id,
                    showing->kind,
                    showing->feed,
                    showing->start,
                    static_cast<double>(mono_ms - showing->start_ms) / 1000.0,
                    showing->lang,
                    showing->mode,
                    showing->status};
  play_log->Record(std::move(r));
  showing.reset();
}

void App::Impl::WriteStatus(const std::optional<platform::SlideStatus>& slide) {
  platform::KioskStatus st;
  st.mode = ToKioskModeValue(mode);
  st.slide = slide;
  // A screen with nothing on it is idle, whatever the scheduler's mode: a monitor that watches
  // the mode must see it (docs/status-file.md).
  if (mode == schedule::Mode::kIdle) {
    st.idle_reason = "quiet_hours";
  } else if (!slide && mode == schedule::Mode::kRotation) {
    st.mode = platform::KioskMode::kIdle;
    st.idle_reason = options.not_configured ? "not_configured" : "nothing_to_show";
  }
  if (snapshot) {
    for (const auto& f : snapshot->feeds) {
      platform::FeedStatus fs_;
      fs_.url = f.url;
      for (const auto& src : options.config.feeds)
        if (src.url == f.url) fs_.transport = ToFeedTransportValue(config::TransportOf(src));
      fs_.state = ToFeedStateValue(f.state);
      if (f.last_ok > 0) fs_.last_ok = f.last_ok;
      if (f.last_attempt > 0) fs_.last_attempt = f.last_attempt;
      if (!f.last_error.empty()) fs_.last_error = f.last_error;
      fs_.items = static_cast<int>(f.items);
      fs_.from_cache = f.from_cache;
      if (f.content_fetched_at > 0) fs_.age_s = clock.now() - f.content_fetched_at;
      st.feeds.push_back(std::move(fs_));
    }
    // Every image of the current items the gate refused (the pipeline checks local files too).
    for (const auto& [url, why] : snapshot->image_errors) st.refused_images.push_back({url, why});
  }
  for (const ops::QuarantineEntry& q : quarantine->entries())
    st.quarantined.push_back({q.key.feed, q.key.id, q.key.hash, q.phase, q.since});
  pipeline::ClockReport cr = sanity.Report();
  st.clock.now = clock.now();
  st.clock.source = ToClockSourceValue(cr.source);
  st.clock.trusted = cr.trusted;
  st.clock.offset_s = cr.offset_s;
  st.renderer = renderer_status;
  status_writer->Update(st);
  notifier.Status(std::string(platform::ToString(st.mode)) +
                  (slide ? " · " + slide->kind + " " + slide->id : std::string()));
}

void App::Impl::MaybeWriteMetrics(int64_t mono_ms) {
  if (mono_ms - last_metrics_ms < metrics_every_ms) return;
  last_metrics_ms = mono_ms;
  ops::KioskMetrics m;
  m.version = MACHIKADO_VERSION;
  m.mode = ModeString(mode);
  m.now = clock.now();
  m.uptime_s = static_cast<double>(mono_ms - started_ms) / 1000.0;
  const ops::ProcessStats proc = ops::ReadProcessStats();
  m.rss_bytes = proc.rss_bytes > 0 ? static_cast<uint64_t>(proc.rss_bytes) : 0;
  m.open_fds = proc.open_fds;
  m.threads = proc.threads;
  m.textures_by_owner = LiveTextures();
  m.detail_opens = detail_opens;
  m.slides_shown = slides_shown;
  m.slides_by_kind = slides_by_kind;
  m.frames = &frame_times;
  m.clock_trusted = sanity.Report().trusted;
  if (renderer_status) {
    m.renderer_name = renderer_status->name;
    m.renderer_path = renderer_status->path;
    m.renderer_reason = renderer_status->reason;
  }
  m.quarantined_items = quarantine->entries().size();
  m.quarantined_this_run = quarantine->quarantined_this_run();
  if (snapshot) m.refused_images = snapshot->image_errors.size();
  if (snapshot) {
    for (const auto& f : snapshot->feeds) {
      ops::FeedMetrics fm;
      fm.url = f.url;
      fm.state = std::string(pipeline::FeedStateName(f.state));
      fm.last_ok = f.last_ok;
      fm.items = f.items;
      fm.fetches = f.fetches;
      fm.not_modified = f.not_modified;
      fm.fetch_errors = f.errors_by_kind;
      m.feeds.push_back(std::move(fm));
    }
  }
  metrics_publisher->Publish(ops::FormatMetrics(m));
}

std::map<std::string, uint64_t> App::Impl::LiveTextures() const {
  std::map<std::string, uint64_t> n;
  n["slides_prepared"] = (current.valid() ? 1 : 0) + (next.valid() ? 1 : 0);
  if (renderer) {
    n["slide_text_cache"] = renderer->text_cache_stats().entries;
    n["slide_image_cache"] = renderer->image_cache_stats().entries;
  }
  if (detail) {
    const ui::DetailViewStats d = detail->stats();
    n["detail_atlas"] = d.atlas.textures_live;
    n["detail_content"] = d.content_textures;
    n["detail_text_cache"] = d.text_cache.entries;
    n["detail_image_cache"] = d.image_cache.entries;
  }
  if (display) n["display"] = display->live_textures();
  return n;
}

}  // namespace machikado::kiosk
