// PlanAt: the ordered slides of one full rotation cycle at a given time — the pure core of the
// Rotation, also used by `machikado render` to write slides in rotation order and manifest.json.
// Deterministic: the same items, config and time always give the same plan. Thread-safe.
//
// Order of a cycle (docs/schedule.md):
// 1. Alerts below takeover (level ≤ 3 or no level), each once: actual before exercise, higher
//    level first, then the latest issued. Takeover alerts are not slides: they replace the
//    rotation (takeover.h).
// 2. Then news, preparedness and project interleaved in proportion to how many slides each kind
//    has this cycle, so no kind clusters or starves. Within a kind: higher priority first, then the
//    most recently published, then by key. Priority ≥ twice_from_priority appears twice per cycle,
//    ≥ thrice_from_priority three times, spread out; never the same item twice in a row.
#pragma once

#include <cstdint>
#include <vector>

#include "feed/model.h"
#include "schedule/eligibility.h"
#include "schedule/item_key.h"
#include "schedule/schedule_config.h"
#include "schedule/time_basis.h"

namespace machikado::schedule {

struct Slide {
  ItemKey key;
  feed::Kind kind = feed::Kind::kNews;
  int64_t duration_ms = 0;  // the item's `duration`, else the kind's default (3–300 s)
  bool exercise = false;    // status `exercise`: every rendering must carry the 訓練 mark
  bool operator==(const Slide&) const = default;
};

// How long `item` stays on screen as a slide, in ms.
int64_t SlideDurationMs(const feed::Item& item, const ScheduleConfig& config);

// How many times `item` appears per cycle (1–3) by its priority.
int RepeatsPerCycle(const feed::Item& item, const ScheduleConfig& config);

// One full cycle of the items eligible at `t` whose kind is in `kinds`.
std::vector<Slide> PlanAt(const std::vector<feed::Item>& items, const ScheduleConfig& config,
                          const WallTime& t, KindMask kinds = KindMask::All());

// Sum of the slides' durations.
int64_t CycleDurationMs(const std::vector<Slide>& plan);

}  // namespace machikado::schedule
