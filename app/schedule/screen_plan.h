// The screen step: from the items, what the visitor is doing and the time, what the screen shows
// now — the one decision the kiosk loop (kiosk/App, every wake-up) and the staff preview
// (`machikado render`, PreviewCycle) both make, so a preview shows what the lobby shows, in the
// same order. Deterministic and free of I/O: time and every fact come in as arguments.
// ScreenScheduler holds the little state the decision needs between steps (where the rotation is,
// when the takeover view began); one owner, not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "feed/model.h"
#include "schedule/item_key.h"
#include "schedule/mode.h"
#include "schedule/rotation.h"
#include "schedule/schedule_config.h"
#include "schedule/takeover.h"
#include "schedule/time_basis.h"

namespace machikado::schedule {

// Which slide is up, structurally: two equal SlideIds draw the same slide body (given the same
// content, language and banners). kNothing: no slide (quiet hours, or nothing eligible).
struct SlideId {
  enum class Source { kNothing, kRotation, kTakeover };
  Source source = Source::kNothing;
  ItemKey item;
  int position = 0;  // rotation: 1-based place in the cycle; takeover: 0-based page
  int count = 0;     // rotation: slides in the cycle; takeover: pages
  std::string lang;  // takeover: the page's language; rotation: empty (the screen's language)
  bool operator==(const SlideId&) const = default;
};

// What the visitor is doing (ui::InputInterpreter's state, as far as the schedule cares).
struct VisitorState {
  bool detail_open = false;
  std::string language;  // the screen's language (the visitor's choice, else the configured one)
};

struct ScreenInputs {
  Now now;
  VisitorState visitor;
  // Feed id → when its feed last fetched OK ("as confirmed at" on alerts when offline).
  LastConfirmed confirmed;
};

// A slide the plan names, with the item it shows.
struct PlannedSlide {
  SlideId id;
  const feed::Item* item = nullptr;  // owned by the ScreenScheduler's items
};

// The step's answer. Pointers stay valid until the next Update of the scheduler's items.
struct ScreenPlan {
  Now now;
  Mode mode = Mode::kRotation;
  PlannedSlide slide;  // what is up (id kNothing, item null: quiet hours or nothing to show)
  std::string lang;    // the language the slide is drawn in
  std::optional<SlideState> rotation;       // the rotation's slide (rotation and detail modes)
  std::optional<TakeoverPage> page;         // the takeover page (emergency mode)
  std::optional<UnixSeconds> confirmed_at;  // an alert's feed last confirmed it at
  std::vector<const feed::Item*> banners;   // alerts below takeover, most serious first
  // Prepare next, ahead of its crossfade: the rotation's following slide (unset when paused, in
  // emergency or quiet hours, or nothing follows).
  std::optional<PlannedSlide> next;
  // The next time the plan changes by itself (a takeover page ends, the fade starts, quiet hours
  // begin or end), monotonic ms; unset = only new content or input changes it.
  std::optional<int64_t> changes_at_ms;
};

// The screen's configuration: the schedule's, and the display schedule's quiet hours.
struct ScreenConfig {
  ScheduleConfig schedule;
  config::QuietHours quiet_hours;
  int utc_offset_s = 9 * 3600;
};

class ScreenScheduler {
 public:
  explicit ScreenScheduler(ScreenConfig config = {});

  // New content (all items of all feeds, unfiltered): merged into the rotation without restarting.
  // Video items rotate only when their file is playable (SetPlayableVideos).
  void Update(std::vector<feed::Item> items, const Now& now);
  // The videos that can be played now (complete in the media cache, not refused by the player),
  // by URL, with their length in seconds once the player has seen it (0 = not known yet), as a
  // value: the step stays free of I/O. A change is merged like new content. A video slide lasts
  // its item's `duration`, else its length (until known: its cap, and the kiosk moves on when a
  // video that does not loop ends), never over `max_seconds`.
  using PlayableVideos = std::map<std::string, double>;
  void SetPlayableVideos(PlayableVideos videos, const Now& now);
  const PlayableVideos& playable_videos() const { return playable_; }
  // The step: moves the rotation on to `in.now` and decides the screen.
  ScreenPlan Step(const ScreenInputs& in);

  // The visitor's navigation, applied to the rotation.
  Rotation& rotation() { return rotation_; }
  const Rotation& rotation() const { return rotation_; }
  const AlertSituation& alerts() const { return alerts_; }
  const ScreenConfig& config() const { return config_; }

 private:
  void Merge(const Now& now);

  ScreenConfig config_;
  std::vector<feed::Item> all_items_;  // as given to Update; videos filtered by playable_
  PlayableVideos playable_;
  Rotation rotation_;
  TakeoverCycle takeover_cycle_;
  AlertSituation alerts_;
};

// The staff preview: what a kiosk with `config` shows from `items` at wall time `at` — the takeover
// view's pages, one full round (when a takeover alert is active), then one full rotation cycle, in
// the order the kiosk shows them, by stepping a ScreenScheduler from a fresh start. Items are
// pointed into `items`. `lang` is the screen's language.
struct PreviewSlide {
  PlannedSlide slide;
  Mode mode = Mode::kRotation;  // kEmergency (a takeover page) or kRotation
  std::string lang;
  int64_t duration_ms = 0;
};
struct Preview {
  std::vector<PreviewSlide> slides;
  std::vector<const feed::Item*> banners;
};
Preview PreviewCycle(const std::vector<feed::Item>& items, const ScreenConfig& config,
                     const WallTime& at, const std::string& lang);

}  // namespace machikado::schedule
