// ScheduleConfig: what the schedule needs to know about this kiosk (district, preview) and how long
// things are shown (per-kind slide durations, crossfade, repeats of high-priority items, takeover
// pages). A plain value type with a documented default on every field; thread-compatible.
// docs/schedule.md explains the rules these numbers feed into.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "config/config.h"
#include "core/status.h"
#include "feed/model.h"

namespace machikado::schedule {

// A set of item kinds (for the category tabs: browse one kind, or several).
class KindMask {
 public:
  constexpr KindMask() = default;
  static constexpr KindMask All() { return KindMask(0x1F); }
  static constexpr KindMask None() { return KindMask(0); }
  static constexpr KindMask Only(feed::Kind k) { return KindMask(Bit(k)); }
  constexpr KindMask With(feed::Kind k) const { return KindMask(bits_ | Bit(k)); }
  constexpr bool Has(feed::Kind k) const { return (bits_ & Bit(k)) != 0; }
  constexpr bool all() const { return bits_ == 0x1F; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool operator==(const KindMask&) const = default;

 private:
  constexpr explicit KindMask(uint8_t bits) : bits_(bits) {}
  static constexpr uint8_t Bit(feed::Kind k) { return uint8_t(1u << static_cast<unsigned>(k)); }
  uint8_t bits_ = 0x1F;
};

struct ScheduleConfig {
  // This kiosk's district id. Unset (or "") = the kiosk belongs to no district: it shows only items
  // without a `districts` list (an item restricted to districts needs a kiosk configured for one).
  std::optional<std::string> district;
  // Preview (`machikado render`, staff checking a feed before publishing): `test` items are shown.
  // Never set on a running kiosk.
  bool preview = false;

  int news_s = 10;          // seconds a news slide stays unless the item sets `duration`
  int preparedness_s = 12;  // a preparedness notice
  int project_s = 12;       // a project highlight (charts need reading time)
  int alert_s = 15;         // an alert below takeover (level ≤ 3 or no level) in the rotation
  // Crossfade into the next slide, taken from the end of the outgoing slide's time (≤ 1000 ms;
  // never more than half a slide).
  int crossfade_ms = 800;

  // Items with priority ≥ this appear twice per rotation cycle (spread out), …
  int twice_from_priority = 70;
  // … and with priority ≥ this three times. Everything else appears once per cycle.
  int thrice_from_priority = 90;

  // Emergency takeover: each page (one alert in one of its languages) stays this long.
  int takeover_page_s = 8;

  // Soak runs only (bench/soak, kiosk AppOptions::acceleration): every slide stays exactly this
  // long, below the 3 s floor of real durations. Unset on a kiosk; not validated, not configurable.
  std::optional<int64_t> fixed_slide_ms;

  // Seconds a slide of this kind stays by default.
  int DefaultDurationS(feed::Kind k) const;
};

// Checks ranges: durations 3–300 s, crossfade 0–1000 ms, 0 ≤ twice ≤ thrice ≤ 101 (101 = never),
// takeover pages 3–60 s. The schedule also clamps defensively, so a bad value never crashes it.
Status ValidateScheduleConfig(const ScheduleConfig& c);

// The schedule's part of the kiosk configuration (district, durations, crossfade).
ScheduleConfig ScheduleConfigFrom(const config::Config& c);

}  // namespace machikado::schedule
