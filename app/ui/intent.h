// Intent: what the App must do because of the visitor's (or staff's) input, as decided by the
// InputInterpreter. The App applies intents to the Rotation and the screen:
//   kOpenDetail    → Rotation::Pause; status.json mode "detail" (DecideMode with detail_open).
//   kCloseDetail   → Rotation::Resume.
//   kStep          → Rotation::Step(step).
//   kSetKindFilter → Rotation::SetKindFilter(kinds).
//   kSetLanguage   → re-prepare slides in `language` (UiState::language is already updated).
//   kRedraw        → something of the chrome changed (press, scroll, browse bar): draw a frame.
//   kRestoreWindow → kiosk: the window was minimised; restore it (SDL_RestoreWindow).
//   kExit          → staff exit chord (or a window close outside kiosk mode): end the process.
// Plain value type.
#pragma once

#include <string>
#include <string_view>

#include "schedule/schedule_config.h"

namespace machikado::ui {

struct Intent {
  enum class Type {
    kOpenDetail,
    kCloseDetail,
    kStep,
    kSetKindFilter,
    kSetLanguage,
    kRedraw,
    kRestoreWindow,
    kExit,
  };
  Type type = Type::kRedraw;
  int step = 0;              // kStep: +1 next, -1 previous
  schedule::KindMask kinds;  // kSetKindFilter
  std::string language;      // kSetLanguage

  static Intent Of(Type t) {
    Intent i;
    i.type = t;
    return i;
  }
  bool operator==(const Intent&) const = default;
};

std::string_view IntentName(Intent::Type t);

}  // namespace machikado::ui
