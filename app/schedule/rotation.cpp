#include "schedule/rotation.h"

#include <algorithm>
#include <set>
#include <utility>

#include "schedule/eligibility.h"
#include "schedule/takeover.h"

namespace machikado::schedule {

namespace {

// The crossfade never takes more than half a slide, and at most 1 s.
int64_t FadeMs(const ScheduleConfig& config, int64_t duration_ms) {
  return std::clamp<int64_t>(config.crossfade_ms, 0, std::min<int64_t>(1000, duration_ms / 2));
}

// Index of the `ordinal`-th (0-based) occurrence of `key` in `plan`, else its last occurrence.
std::optional<size_t> FindOccurrence(const std::vector<Slide>& plan, const ItemKey& key,
                                     size_t ordinal) {
  std::optional<size_t> last;
  size_t seen = 0;
  for (size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].key != key) continue;
    if (seen++ == ordinal) return i;
    last = i;
  }
  return last;
}

// Moves the alerts before `at` that were not yet shown this cycle to `at` (keeping their order), so
// they follow the current slide. Returns how many moved.
size_t HoistUnshownAlerts(std::vector<Slide>& plan, size_t at, const std::set<ItemKey>& shown) {
  std::vector<Slide> head, moved;
  for (size_t i = 0; i < at && i < plan.size(); ++i) {
    const bool hoist = plan[i].kind == feed::Kind::kAlert && !shown.count(plan[i].key);
    (hoist ? moved : head).push_back(std::move(plan[i]));
  }
  if (moved.empty()) {
    // Nothing moved: put the untouched head back.
    for (size_t i = 0; i < head.size(); ++i) plan[i] = std::move(head[i]);
    return 0;
  }
  std::vector<Slide> out = std::move(head);
  out.insert(out.end(), std::make_move_iterator(moved.begin()),
             std::make_move_iterator(moved.end()));
  out.insert(out.end(), std::make_move_iterator(plan.begin() + static_cast<ptrdiff_t>(at)),
             std::make_move_iterator(plan.end()));
  plan = std::move(out);
  return moved.size();
}

}  // namespace

Rotation::Rotation(ScheduleConfig config) : config_(std::move(config)) {}

const feed::Item* Rotation::Find(const ItemKey& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &items_[it->second];
}

void Rotation::Reindex() {
  index_.clear();
  for (size_t i = 0; i < items_.size(); ++i) index_.emplace(ItemKey::Of(items_[i]), i);
}

bool Rotation::Showable(const ItemKey& key, const WallTime& t) const {
  const feed::Item* item = Find(key);
  return item && filter_.Has(item->kind) && !IsTakeoverAlert(*item) &&
         IsEligible(*item, config_, t);
}

std::optional<Rotation::Target> Rotation::NextTarget(const WallTime& t) const {
  for (size_t i = pos_ + 1; i < plan_.size(); ++i)
    if (Showable(plan_[i].key, t)) return Target{{}, false, i};
  Target next{PlanAt(items_, config_, t, filter_), true, 0};
  if (next.plan.empty()) return std::nullopt;
  // Do not show the same item twice in a row across the cycle boundary.
  if (current_ && next.plan.size() > 1 && next.plan.front().key == current_->key) next.pos = 1;
  return next;
}

void Rotation::Go(Target target, int64_t start_ms) {
  if (target.new_cycle) {
    plan_ = std::move(target.plan);
    ++cycle_;
  }
  pos_ = target.pos;
  current_ = plan_[pos_];
  started_ms_ = start_ms;
  if (paused_) paused_at_ms_ = start_ms;
}

void Rotation::Clear() {
  current_.reset();
  plan_.clear();
  pos_ = 0;
}

void Rotation::BeginCycle(const Now& now) {
  auto plan = PlanAt(items_, config_, now.wall, filter_);
  if (plan.empty()) {
    Clear();
    idle_checked_at_ = now.wall.now;
    return;
  }
  idle_checked_at_.reset();
  Go(Target{std::move(plan), true, 0}, now.mono_ms);
}

void Rotation::Update(std::vector<feed::Item> items, const Now& now) {
  items_ = std::move(items);
  Reindex();
  if (!current_) {
    BeginCycle(now);
    return;
  }

  // What this cycle has shown so far (including the current slide).
  std::set<ItemKey> shown;
  for (size_t i = 0; i <= pos_ && i < plan_.size(); ++i) shown.insert(plan_[i].key);
  auto plan = PlanAt(items_, config_, now.wall, filter_);

  if (Showable(current_->key, now.wall)) {
    size_t ordinal = 0;
    for (size_t i = 0; i < pos_; ++i) ordinal += plan_[i].key == current_->key;
    auto at = FindOccurrence(plan, current_->key, ordinal);
    if (at) {
      const size_t moved = HoistUnshownAlerts(plan, *at + 1, shown);
      const int64_t duration_ms = current_->duration_ms;  // the running slide keeps its timing
      plan_ = std::move(plan);
      pos_ = *at - moved;
      current_ = plan_[pos_];
      current_->duration_ms = duration_ms;
      return;
    }
  }

  // The current item has to go: continue with the slide that was due after it.
  std::optional<size_t> successor;
  for (size_t i = pos_ + 1; i < plan_.size() && !successor; ++i) {
    size_t ordinal = 0;
    for (size_t j = 0; j < i; ++j) ordinal += plan_[j].key == plan_[i].key;
    successor = FindOccurrence(plan, plan_[i].key, ordinal);
  }
  if (plan.empty()) {
    Clear();
    idle_checked_at_ = now.wall.now;
    return;
  }
  if (!successor) {
    Go(Target{std::move(plan), true, 0}, now.mono_ms);
    return;
  }
  const size_t moved = HoistUnshownAlerts(plan, *successor, shown);
  plan_ = std::move(plan);
  Go(Target{{}, false, *successor - moved}, now.mono_ms);
}

bool Rotation::Tick(const Now& now) {
  if (!current_) {
    // Nothing eligible: look again once per wall-clock second (a window may have opened).
    if (idle_checked_at_ && *idle_checked_at_ == now.wall.now) return false;
    BeginCycle(now);
    return current_.has_value();
  }
  if (!Showable(current_->key, now.wall)) {
    auto next = NextTarget(now.wall);
    if (next)
      Go(std::move(*next), now.mono_ms);
    else
      BeginCycle(now);
    return true;
  }
  if (paused_) return false;

  bool changed = false;
  // Catch up on missed slides one by one; after a long stall (suspend), restart timing from now.
  size_t budget = plan_.size() + 2;
  while (current_ && now.mono_ms >= started_ms_ + current_->duration_ms) {
    const int64_t due = started_ms_ + current_->duration_ms;
    auto next = NextTarget(now.wall);
    if (!next) {
      BeginCycle(now);
      return true;
    }
    Go(std::move(*next), budget-- > 0 ? due : now.mono_ms);
    changed = true;
  }
  return changed;
}

std::optional<SlideState> Rotation::Current(const Now& now) const {
  if (!current_) return std::nullopt;
  SlideState s;
  s.slide = *current_;
  s.started_ms = started_ms_;
  s.ends_ms = started_ms_ + current_->duration_ms;
  const int64_t at = paused_ ? paused_at_ms_ : now.mono_ms;
  const int64_t elapsed = std::clamp<int64_t>(at - started_ms_, 0, current_->duration_ms);
  s.progress = current_->duration_ms > 0 ? double(elapsed) / double(current_->duration_ms) : 1.0;
  s.position = static_cast<int>(pos_) + 1;
  s.count = static_cast<int>(plan_.size());
  s.cycle = cycle_;
  s.paused = paused_;
  const int64_t fade_ms = FadeMs(config_, current_->duration_ms);
  s.fade_starts_ms = s.ends_ms - fade_ms;
  if (!paused_ && fade_ms > 0 && at > s.fade_starts_ms)
    s.fade = std::min(1.0, double(at - s.fade_starts_ms) / double(fade_ms));
  return s;
}

std::optional<Slide> Rotation::Next(const Now& now) const {
  auto next = NextPlaced(now);
  if (!next) return std::nullopt;
  return next->slide;
}

std::optional<Rotation::Upcoming> Rotation::NextPlaced(const Now& now) const {
  if (!current_) return std::nullopt;
  auto next = NextTarget(now.wall);
  if (!next) return std::nullopt;
  const std::vector<Slide>& plan = next->new_cycle ? next->plan : plan_;
  return Upcoming{plan[next->pos], static_cast<int>(next->pos) + 1, static_cast<int>(plan.size())};
}

void Rotation::Step(int delta, const Now& now) {
  if (!current_) {
    BeginCycle(now);
    return;
  }
  for (; delta > 0; --delta) {
    auto next = NextTarget(now.wall);
    if (!next) {
      BeginCycle(now);
      return;
    }
    Go(std::move(*next), now.mono_ms);
  }
  for (; delta < 0; ++delta) {
    // Back within the cycle, wrapping from its first slide to its last.
    for (size_t n = 1; n < plan_.size(); ++n) {
      const size_t i = (pos_ + plan_.size() - n) % plan_.size();
      if (Showable(plan_[i].key, now.wall)) {
        Go(Target{{}, false, i}, now.mono_ms);
        break;
      }
    }
  }
  started_ms_ = now.mono_ms;  // also when there was nowhere else to go: the slide restarts
  if (paused_) paused_at_ms_ = now.mono_ms;
}

void Rotation::Pause(const Now& now) {
  if (paused_) return;
  paused_ = true;
  paused_at_ms_ = now.mono_ms;
}

void Rotation::Resume(const Now& now) {
  if (!paused_) return;
  paused_ = false;
  started_ms_ += now.mono_ms - paused_at_ms_;
}

void Rotation::SetKindFilter(KindMask kinds, const Now& now) {
  if (kinds == filter_) return;
  filter_ = kinds;
  if (current_ && Showable(current_->key, now.wall)) {
    auto plan = PlanAt(items_, config_, now.wall, filter_);
    if (auto at = FindOccurrence(plan, current_->key, 0)) {
      const int64_t duration_ms = current_->duration_ms;
      plan_ = std::move(plan);
      pos_ = *at;
      current_ = plan_[pos_];
      current_->duration_ms = duration_ms;
      return;
    }
  }
  BeginCycle(now);
}

}  // namespace machikado::schedule
