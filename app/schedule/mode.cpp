#include "schedule/mode.h"

namespace machikado::schedule {

std::string_view ModeName(Mode m) {
  switch (m) {
    case Mode::kEmergency:
      return "emergency";
    case Mode::kRotation:
      return "rotation";
    case Mode::kDetail:
      return "detail";
    case Mode::kIdle:
      return "idle";
  }
  return "rotation";
}

Mode DecideMode(const ModeInputs& in) {
  if (in.takeover_active) return Mode::kEmergency;
  if (in.detail_open) return Mode::kDetail;
  if (in.quiet_hours) return Mode::kIdle;
  return Mode::kRotation;
}

}  // namespace machikado::schedule
