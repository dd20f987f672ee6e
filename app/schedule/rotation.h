// Rotation: the slide sequence of the kiosk's normal mode, as state over time. It holds the latest
// snapshot of items, follows the plan of the current cycle (plan.h) and moves by monotonic time.
// Owned by App on the main thread; not thread-safe (one owner). Deterministic: no randomness, so
// render/ and tests can rely on the order.
//
// Behaviour (docs/schedule.md):
// - Each slide stays for its duration (item `duration`, else the kind's default); the crossfade
// into
//   the next slide takes the last `crossfade_ms` of that time. At the end of a cycle the next cycle
//   is planned from what is eligible then.
// - Update merges a new snapshot without restarting: the current slide keeps its place, start and
//   duration, and the cycle continues from it in the new plan. Alerts not yet shown this cycle that
//   the new plan puts before the current slide (a new alert, an alert that dropped below takeover)
//   come right after it.
// - A current item that was withdrawn, expired, became a takeover alert or is outside the kind
//   filter leaves at once (at the Update or Tick that notices): the next slide starts then. Changed
//   content of the current item is shown at once; its timing does not change.
// - Pause (a detail view is open) freezes the slide's clock; Resume continues with the time left.
// - Step(+1/-1) (swipes, arrow keys) moves at once, and the new slide gets its full time.
// - Missed ticks are caught up slide by slide, so the sequence does not depend on the frame rate.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "feed/model.h"
#include "schedule/item_key.h"
#include "schedule/plan.h"
#include "schedule/schedule_config.h"
#include "schedule/time_basis.h"

namespace machikado::schedule {

struct SlideState {
  Slide slide;
  int64_t started_ms = 0;  // monotonic (shifted forward by pauses)
  int64_t ends_ms = 0;     // started_ms + duration: the next slide becomes current then
  double progress = 0;     // 0..1 of the duration (the footer's progress bar)
  int position = 0;        // 1-based place of this slide in the cycle …
  int count = 0;           // … of this many slides ("3 / 28" in the footer)
  uint64_t cycle = 0;      // 1 for the first cycle, counting up
  bool paused = false;
  // Crossfade into Next(): prepare the next slide before fade_starts_ms; from then the next slide
  // blends in, `fade` rising from 0 to 1 at ends_ms. `fade` stays 0 while paused.
  int64_t fade_starts_ms = 0;
  double fade = 0;
};

class Rotation {
 public:
  explicit Rotation(ScheduleConfig config = {});

  // Replaces the snapshot (all items of all feeds, unfiltered) and merges it into the rotation.
  void Update(std::vector<feed::Item> items, const Now& now);
  // Moves time on: advances past finished slides, drops a current item that is no longer eligible,
  // starts the rotation when something became eligible. True when the current slide changed.
  bool Tick(const Now& now);

  // The slide on screen; unset when nothing is eligible (App shows its empty screen).
  std::optional<SlideState> Current(const Now& now) const;
  // The slide that follows the current one if nothing changes before then.
  std::optional<Slide> Next(const Now& now) const;
  // The same with its place: 1-based position in its cycle, of `count` (a new cycle's when the
  // current one ends first).
  struct Upcoming {
    Slide slide;
    int position = 0;
    int count = 0;
  };
  std::optional<Upcoming> NextPlaced(const Now& now) const;

  // Manual navigation: +1 next, -1 previous (wrapping within the cycle). The new slide starts now.
  void Step(int delta, const Now& now);
  void Pause(const Now& now);
  void Resume(const Now& now);
  bool paused() const { return paused_; }

  // Category tabs: only these kinds rotate (All() = everything). Keeps the current slide when its
  // kind stays in; otherwise the filtered rotation starts now.
  void SetKindFilter(KindMask kinds, const Now& now);
  KindMask kind_filter() const { return filter_; }

  const std::vector<feed::Item>& items() const { return items_; }
  const feed::Item* Find(const ItemKey& key) const;
  // The current cycle's plan (includes slides that have since become ineligible: they are skipped).
  const std::vector<Slide>& plan() const { return plan_; }
  const ScheduleConfig& config() const { return config_; }

 private:
  struct Target {
    std::vector<Slide> plan;  // set only when a new cycle starts
    bool new_cycle = false;
    size_t pos = 0;
  };

  bool Showable(const ItemKey& key, const WallTime& t) const;
  std::optional<Target> NextTarget(const WallTime& t) const;
  void Go(Target target, int64_t start_ms);
  void BeginCycle(const Now& now);
  void Clear();
  void Reindex();

  ScheduleConfig config_;
  std::vector<feed::Item> items_;
  std::map<ItemKey, size_t> index_;  // key → position in items_
  KindMask filter_ = KindMask::All();

  std::vector<Slide> plan_;
  size_t pos_ = 0;                // index of the current slide in plan_
  std::optional<Slide> current_;  // unset = nothing eligible
  int64_t started_ms_ = 0;
  bool paused_ = false;
  int64_t paused_at_ms_ = 0;
  uint64_t cycle_ = 0;
  std::optional<UnixSeconds> idle_checked_at_;  // when empty: last wall second we looked
};

}  // namespace machikado::schedule
