// What the kiosk reports about itself: status.json (mode, slide, feeds, refused images, the
// quarantine, the clock, the renderer), the Prometheus metrics, live textures by owner, and the
// quarantine's marks around preparing a slide. Main thread; the writers write on their own threads.
#include <cstdlib>

#include "config/transport.h"
#include "kiosk/app_impl.h"
#include "kiosk/media_report.h"

namespace machikado::kiosk {

void App::Impl::WriteStatus(const std::optional<SlideStatus>& slide) {
  KioskStatus st;
  st.mode = mode;
  st.slide = slide;
  // A screen with nothing on it is idle, whatever the scheduler's mode: a monitor that watches
  // the mode must see it (docs/status-file.md).
  if (mode == schedule::Mode::kIdle) {
    st.idle_reason = "quiet_hours";
  } else if (!slide && mode == schedule::Mode::kRotation) {
    st.mode = schedule::Mode::kIdle;
    st.idle_reason = options.not_configured ? "not_configured" : "nothing_to_show";
  }
  if (snapshot) {
    for (const auto& f : snapshot->feeds) {
      FeedStatus fs_;
      fs_.url = f.url;
      for (const auto& src : options.config.feeds)
        if (src.url == f.url) fs_.transport = config::TransportOf(src);
      fs_.state = f.state;
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
  st.clock.source = cr.source;
  st.clock.trusted = cr.trusted;
  st.clock.offset_s = cr.offset_s;
  st.renderer = renderer_status;
  if (video_slot) st.video = video_slot->Status();
  if (media_cache)
    st.media = DescribeMediaCache(
        *media_cache, video_slot ? video_slot->refusals() : std::vector<RefusedImage>{});
  status_writer->Update(st);
  notifier.Status(std::string(schedule::ModeName(st.mode)) +
                  (slide ? " · " + slide->kind + " " + slide->id : std::string()));
}

void App::Impl::MaybeWriteMetrics(int64_t mono_ms) {
  if (mono_ms - last_metrics_ms < metrics_every_ms) return;
  last_metrics_ms = mono_ms;
  ops::KioskMetrics m;
  m.version = MACHIKADO_VERSION;
  m.mode = std::string(schedule::ModeName(mode));
  m.now = clock.now();
  m.uptime_s = static_cast<double>(mono_ms - started_ms) / 1000.0;
  const ops::ProcessStats proc = process.Stats();
  m.rss_bytes = proc.rss_bytes > 0 ? static_cast<uint64_t>(proc.rss_bytes) : 0;
  m.open_fds = proc.open_fds;
  m.threads = proc.threads;
  m.textures_by_owner = LiveTextures();
  m.detail_opens = detail_opens;
  m.slides_shown = proof_of_play->shown();
  m.slides_by_kind = proof_of_play->shown_by_kind();
  m.frames = &frame_times;
  m.clock_trusted = sanity.Report().trusted;
  if (media_cache) m.media = media_cache->counters();
  if (video_slot) m.videos_refused = video_slot->refusals().size();
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

void App::Impl::BeforePreparing(const feed::Item& item) {
  quarantine->Mark({item.feed_id, item.id, item.content_hash}, "preparing");
  if (!options.test_abort_item.empty() && item.id == options.test_abort_item) {
    log.error("test hook: aborting while preparing " + item.id + " ($MACHIKADO_TEST_ABORT_ITEM)");
    std::abort();
  }
}

void App::Impl::NowShowing(const feed::Item* item) {
  if (item)
    quarantine->Mark({item->feed_id, item->id, item->content_hash}, "showing");
  else
    quarantine->Clear();
}

}  // namespace machikado::kiosk
