#include "schedule/screen_plan.h"

#include <algorithm>

#include "schedule/quiet_hours.h"
#include "video/video_slide.h"

namespace machikado::schedule {
namespace {

void Earliest(std::optional<int64_t>& at, int64_t t) {
  at = at ? std::min(*at, t) : t;
}

}  // namespace

ScreenScheduler::ScreenScheduler(ScreenConfig config)
    : config_(std::move(config)), rotation_(config_.schedule) {}

void ScreenScheduler::Update(std::vector<feed::Item> items, const Now& now) {
  all_items_ = std::move(items);
  Merge(now);
}

void ScreenScheduler::SetPlayableVideos(PlayableVideos videos, const Now& now) {
  if (videos == playable_) return;
  playable_ = std::move(videos);
  Merge(now);
}

void ScreenScheduler::Merge(const Now& now) {
  std::vector<feed::Item> items;
  items.reserve(all_items_.size());
  for (const auto& it : all_items_) {
    if (it.kind != feed::Kind::kVideo) {
      items.push_back(it);
      continue;
    }
    auto p = playable_.find(it.video.url);
    if (p == playable_.end()) continue;
    items.push_back(it);
    if (!it.duration_s) {
      const int fallback = it.video.loop ? config_.schedule.DefaultDurationS(feed::Kind::kVideo)
                                         : video::kMaxVideoSlideS;
      items.back().duration_s =
          static_cast<int>(video::VideoSlideDurationMs(it, p->second, fallback) / 1000);
    }
  }
  rotation_.Update(std::move(items), now);
}

ScreenPlan ScreenScheduler::Step(const ScreenInputs& in) {
  ScreenPlan p;
  p.now = in.now;
  const Now& now = in.now;
  rotation_.Tick(now);
  alerts_ = AssessAlerts(rotation_.items(), config_.schedule, now.wall, in.confirmed);
  takeover_cycle_.Observe(alerts_, now.mono_ms);
  ModeInputs mi;
  mi.takeover_active = alerts_.emergency();
  mi.detail_open = in.visitor.detail_open;
  mi.quiet_hours = IsQuietNow(config_.quiet_hours, now.wall, config_.utc_offset_s);
  p.mode = DecideMode(mi);
  p.lang = in.visitor.language;
  for (const ActiveAlert& a : alerts_.banners) p.banners.push_back(a.item);
  if (auto change = NextQuietChange(config_.quiet_hours, now.wall.now, config_.utc_offset_s))
    Earliest(p.changes_at_ms, now.mono_ms + (*change - now.wall.now) * 1000);
  if (p.mode == Mode::kIdle) return p;

  if (p.mode == Mode::kEmergency) {
    p.page = takeover_cycle_.PageAt(alerts_, now.mono_ms, config_.schedule);
    if (p.page) {
      const ActiveAlert& a = alerts_.takeover[p.page->alert_index];
      p.slide = {{SlideId::Source::kTakeover, a.key, p.page->page, p.page->pages, p.page->lang},
                 a.item};
      p.lang = p.page->lang;
      p.confirmed_at = a.last_confirmed;
      Earliest(p.changes_at_ms, p.page->ends_ms);
    }
  } else {
    p.rotation = rotation_.Current(now);
    if (p.rotation) {
      const SlideState& s = *p.rotation;
      p.slide = {{SlideId::Source::kRotation, s.slide.key, s.position, s.count, ""},
                 rotation_.Find(s.slide.key)};
      if (!s.paused && p.mode == Mode::kRotation)
        if (auto up = rotation_.NextPlaced(now))
          if (const feed::Item* item = rotation_.Find(up->slide.key))
            p.next = PlannedSlide{
                {SlideId::Source::kRotation, up->slide.key, up->position, up->count, ""}, item};
    }
  }
  const feed::Item* item = p.slide.item;
  if (item && item->kind == feed::Kind::kAlert && !p.confirmed_at) {
    auto it = in.confirmed.find(item->feed_id);
    if (it != in.confirmed.end()) p.confirmed_at = it->second;
  }
  return p;
}

Preview PreviewCycle(const std::vector<feed::Item>& items, const ScreenConfig& config,
                     const WallTime& at, const std::string& lang) {
  Preview out;
  auto original = [&](const PlannedSlide& s) {
    PlannedSlide o = s;
    o.item = nullptr;
    for (const feed::Item& it : items)
      if (s.id.item.Names(it)) o.item = &it;
    return o;
  };
  // A preview shows the content whatever the hour: staff check it in the daytime for the night.
  ScreenConfig cfg = config;
  cfg.quiet_hours = {};
  const ScreenInputs first{Now{0, at}, VisitorState{false, lang}, {}};

  // The takeover view, page by page, one round.
  ScreenScheduler takeover(cfg);
  takeover.Update(items, first.now);
  ScreenPlan p = takeover.Step(first);
  for (const feed::Item* b : p.banners)
    for (const feed::Item& it : items)
      if (ItemKey::Of(*b).Names(it)) out.banners.push_back(&it);
  for (int i = 0; p.page && i < p.page->pages; ++i) {
    out.slides.push_back(
        {original(p.slide), Mode::kEmergency, p.lang, p.page->ends_ms - p.page->started_ms});
    ScreenInputs in = first;
    in.now.mono_ms = p.page->ends_ms;
    p = takeover.Step(in);
  }

  // The rotation as it runs whenever no takeover alert is up: takeover alerts are never rotation
  // slides, so leaving them out changes nothing but the mode.
  std::vector<feed::Item> rest;
  for (const feed::Item& it : items)
    if (!IsTakeoverAlert(it)) rest.push_back(it);
  ScreenScheduler rotation(cfg);
  rotation.Update(std::move(rest), first.now);
  p = rotation.Step(first);
  const uint64_t cycle = p.rotation ? p.rotation->cycle : 0;
  for (size_t guard = 0; p.rotation && p.rotation->cycle == cycle && guard < 10'000; ++guard) {
    out.slides.push_back(
        {original(p.slide), Mode::kRotation, p.lang, p.rotation->ends_ms - p.rotation->started_ms});
    ScreenInputs in = first;
    in.now.mono_ms = p.rotation->ends_ms;
    p = rotation.Step(in);
  }
  return out;
}

}  // namespace machikado::schedule
