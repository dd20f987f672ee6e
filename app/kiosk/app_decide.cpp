// What the screen shows now (Decide: mode, item, context, keys), shared by every frame and by the
// launch's first slide, which a worker draws from that decision while the display comes up
// (DrawFirstSlide) and the first frame takes if it is still due (AdoptFirstSlide).
#include <cstdlib>

#include "kiosk/app_impl.h"
#include "schedule/quiet_hours.h"

namespace machikado::kiosk {
namespace {

std::string ModeString(schedule::Mode m) {
  return std::string(schedule::ModeName(m));
}

}  // namespace

std::string RotationSlideKey(const schedule::ItemKey& key, int position, int count) {
  return "|R|" + key.feed_id + "/" + key.id + "|" + std::to_string(position) + "/" +
         std::to_string(count);
}

App::Impl::Decision App::Impl::Decide() {
  Decision d;
  d.now = NowForSchedule();
  const schedule::Now& now = d.now;
  rotation.Tick(now);

  schedule::LastConfirmed confirmed;
  if (snapshot)
    for (const auto& f : snapshot->feeds)
      if (!f.feed_id.empty() && f.last_ok > 0) confirmed[f.feed_id] = f.last_ok;
  alerts = schedule::AssessAlerts(rotation.items(), schedule_config, now.wall, confirmed);
  takeover_cycle.Observe(alerts, now.mono_ms);
  schedule::ModeInputs inputs;
  inputs.takeover_active = alerts.emergency();
  inputs.detail_open = input && input->state().detail_open;
  const config::Config& cfg = options.config;
  inputs.quiet_hours = schedule::IsQuietNow(cfg.quiet_hours, now.wall, cfg.utc_offset_s);
  mode = schedule::DecideMode(inputs);

  render::SlideContext& ctx = d.ctx;
  ctx = Context(now);
  // What the main texture shows, and a key that changes whenever its pixels would.
  d.lang = input ? input->state().language : options.config.language;
  // Everything around the slide that is drawn into its texture: language, mode, content, the
  // header's minute and connectivity, the banner. Slide keys (current and next) extend it.
  const std::string content =
      d.lang + "|" + ModeString(mode) + "|" + std::to_string(content_version);
  std::string banners = "|" + std::to_string(ctx.banner_alerts.size());
  for (const auto* b : ctx.banner_alerts) banners += "|" + b->feed_id + "/" + b->id;
  d.screen_key = content + "|" + std::to_string(now.wall.now / 60) + "|" +
                 (ctx.online ? "on" : "off") + banners;
  // The not-configured screen shows the device's addresses: redraw when DHCP gives one.
  if (ctx.not_configured)
    for (const auto& a : ctx.not_configured->addresses) d.screen_key += "|" + a;
  d.key = d.screen_key;
  d.content_key = content + banners;
  if (mode == schedule::Mode::kIdle) {
    d.key = d.content_key = "quiet";
    return d;
  }
  if (mode == schedule::Mode::kEmergency) {
    auto page = takeover_cycle.PageAt(alerts, now.mono_ms, schedule_config);
    if (page) {
      const schedule::ActiveAlert& a = alerts.takeover[page->alert_index];
      d.item = a.item;
      d.lang = page->lang;
      d.slide_mode = render::SlideMode::kTakeover;
      ctx.confirmed_at = a.last_confirmed;
      const std::string slide =
          "|E|" + a.key.feed_id + "/" + a.key.id + "|" + d.lang + "|" + std::to_string(page->page);
      d.key += slide;
      d.content_key += slide;
      d.page_ends_ms = page->ends_ms;
    }
  } else {
    d.state = rotation.Current(now);
    if (d.state) {
      d.item = rotation.Find(d.state->slide.key);
      ctx.position = d.state->position;
      ctx.total = d.state->count;
      ctx.progress = static_cast<float>(d.state->progress);
      const std::string slide =
          RotationSlideKey(d.state->slide.key, d.state->position, d.state->count);
      d.key += slide;
      d.content_key += slide;
    }
  }
  ctx.lang = d.lang;
  if (d.item && d.item->kind == feed::Kind::kAlert && !ctx.confirmed_at) {
    auto it = confirmed.find(d.item->feed_id);
    if (it != confirmed.end()) ctx.confirmed_at = it->second;
  }
  return d;
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

bool App::Impl::AdoptFirstSlide(const Decision& d, std::string* shown_key) {
  if (!first_slide) return false;
  const auto& drawn = first_slide->drawn();
  // The same slide body at the same size: what the worker drew is shown. Only the header may
  // have moved on since (the minute turned, or the first fetch confirmed the cache).
  if (!drawn || first_slide->width() != screen_w || first_slide->height() != screen_h ||
      drawn->content_key != d.content_key ||
      drawn->item_id != (d.item ? d.item->id : std::string()))
    return false;
  if (!first_slide->UploadTo(display->renderer(), current)) return false;
  *shown_key = drawn->key;
  return true;
}

// On the first-slide worker, before the main thread touches the content state (see Setup).
std::optional<FirstSlide::Drawn> App::Impl::DrawFirstSlide(render::SlideRenderer& r) {
  pipeline->handoff().WaitNewer(0, 500);
  TakeSnapshot();
  Decision d = Decide();
  if (mode == schedule::Mode::kIdle) return std::nullopt;
  FirstSlide::Drawn out;
  out.key = d.key;
  out.content_key = d.content_key;
  if (d.item) {
    BeforePreparing(*d.item);
    out.record = r.Draw(*d.item, d.ctx, d.slide_mode);
    NowShowing(d.item);
    out.item_id = d.item->id;
  } else {
    out.record = r.DrawIdle(d.ctx);
  }
  return out;
}

}  // namespace machikado::kiosk
