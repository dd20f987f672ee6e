// Mode: which of the kiosk's four screens is up — the value status.json reports as "mode".
// A pure decision from a few facts; thread-safe.
//
// Precedence: emergency (a takeover alert is active; quiet hours and an open detail view never hide
// it — the takeover view's own shelter list is still "emergency") > detail (a visitor is reading;
// the idle timer closes it) > idle (quiet hours: screen blanked) > rotation.
#pragma once

#include <string_view>

namespace machikado::schedule {

enum class Mode { kEmergency, kRotation, kDetail, kIdle };

// "emergency", "rotation", "detail", "idle".
std::string_view ModeName(Mode m);

struct ModeInputs {
  bool takeover_active = false;  // AlertSituation::emergency()
  bool detail_open = false;      // the ui has a detail view open over the rotation
  bool quiet_hours = false;      // the display schedule says blank now
};

Mode DecideMode(const ModeInputs& in);

}  // namespace machikado::schedule
