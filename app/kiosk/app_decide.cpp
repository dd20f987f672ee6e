// What the screen shows now (Decide: mode, item, context, keys), shared by every frame and by the
// launch's first slide, which a worker draws from that decision while the display comes up
// (DrawFirstSlide) and the first frame takes if it is still due (AdoptFirstSlide).
#include <cstdlib>
#include <map>

#include "kiosk/app_impl.h"
#include "schedule/quiet_hours.h"

namespace machikado::kiosk {

App::Impl::Decision App::Impl::Decide() {
  Decision d;
  schedule::ScreenInputs in;
  in.now = NowForSchedule();
  in.visitor.detail_open = input && input->state().detail_open;
  in.visitor.language = input ? input->state().language : options.config.language;
  if (snapshot)
    for (const auto& f : snapshot->feeds)
      if (!f.feed_id.empty() && f.last_ok > 0) in.confirmed[f.feed_id] = f.last_ok;
  d.plan = screen.Step(in);
  const schedule::ScreenPlan& plan = d.plan;
  mode = plan.mode;
  d.item = plan.slide.item;
  d.lang = plan.lang;

  render::SlideContext& ctx = d.ctx;
  ctx = Context(plan.now);
  ctx.banner_alerts = plan.banners;
  ctx.lang = d.lang;
  ctx.confirmed_at = plan.confirmed_at;
  if (plan.rotation) {
    ctx.position = plan.rotation->position;
    ctx.total = plan.rotation->count;
    ctx.progress = static_cast<float>(plan.rotation->progress);
  }
  if (plan.mode == schedule::Mode::kEmergency) d.slide_mode = render::SlideMode::kTakeover;

  // What the main texture shows: everything drawn into it, as a value (screen_key.h).
  if (plan.mode == schedule::Mode::kIdle) {
    d.key.body.mode = schedule::Mode::kIdle;  // blank: nothing else matters
    return d;
  }
  SlideBody& body = d.key.body;
  body.lang = d.lang;
  body.mode = plan.mode;
  body.content_version = content_version;
  for (const feed::Item* b : plan.banners) body.banners.push_back(schedule::ItemKey::Of(*b));
  body.slide = plan.slide.id;
  d.key.minute = plan.now.wall.now / 60;
  d.key.online = ctx.online;
  if (ctx.not_configured) d.key.addresses = ctx.not_configured->addresses;
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

bool App::Impl::AdoptFirstSlide(const Decision& d, ScreenKey* shown_key) {
  if (!first_slide) return false;
  const auto& drawn = first_slide->drawn();
  // The same slide body at the same size: what the worker drew is shown. Only the header may
  // have moved on since (the minute turned, or the first fetch confirmed the cache).
  if (!drawn || first_slide->width() != screen_w || first_slide->height() != screen_h ||
      drawn->key.body != d.key.body || drawn->item_id != (d.item ? d.item->id : std::string()))
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
