// What the screen shows now: new content taken from the snapshot (TakeSnapshot), the screen step
// and the key of what the main texture shows (Decide), shared by every frame and by the launch's
// first slide, which a worker draws from that decision while the display comes up
// (DrawFirstSlide) and the first frame takes if it is still due (AdoptFirstSlide).
#include <cstdlib>
#include <map>

#include "config/config_loader.h"
#include "feed/nearby_shelters.h"
#include "feed/shelter_slide.h"
#include "feed/time_shift.h"
#include "kiosk/app_impl.h"

namespace machikado::kiosk {

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
  auto latest = content->Latest();
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
  WantMedia(items);
  screen.Update(std::move(items), NowForSchedule());
  current_key.reset();  // content may have changed: prepare again
  next_key.reset();
}

SlideContextInputs App::Impl::ContextInputs() const {
  SlideContextInputs in;
  in.config = &options.config;
  in.snapshot = snapshot;
  in.width = screen_w;
  in.height = screen_h;
  in.data_dir = data_dir;
  in.not_configured = options.not_configured;
  in.config_path = options.config_path;
  if (options.not_configured) in.host = process.Host();
  return in;
}

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
  ctx = KioskSlideContext(ContextInputs(), plan.now);
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
  content->WaitFirst(500);
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
