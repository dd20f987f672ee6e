// ExitChord: the staff's only way out of the kiosk from its keyboard — a key with modifiers, parsed
// from the config's `exit_chord` ("ctrl+alt+shift+q"). A chord matches a key press only when
// exactly its modifiers (of Ctrl, Alt, Shift, GUI; either side) are held, so Alt+F4, Ctrl+Q and
// Escape never match the default. Plain value type; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <SDL2/SDL_keyboard.h>

#include "core/status.h"

namespace machikado::ui {

struct ExitChord {
  bool ctrl = false, alt = false, shift = false, gui = false;
  SDL_Keycode key = SDLK_UNKNOWN;

  // True when a key press of `pressed` with modifier state `mod` is this chord.
  bool Matches(SDL_Keycode pressed, Uint16 mod) const;
  std::string ToString() const;  // canonical form, "ctrl+alt+shift+q"
};

// Parses "ctrl+alt+shift+q": '+'-separated, case-insensitive; modifiers ctrl/control, alt/option,
// shift, gui/super/meta/win; exactly one key named as SDL names keys ("q", "f12", "escape"). At
// least two modifiers are required so that no ordinary key press or common shortcut can end the
// kiosk.
Result<ExitChord> ParseExitChord(std::string_view text);

}  // namespace machikado::ui
