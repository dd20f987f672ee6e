#include "ui/kiosk_safety.h"

#include <cstdlib>

#include "ui/touch_metrics.h"

namespace machikado::ui {

void ApplyKioskHints(bool kiosk) {
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  // Touches also arrive as finger events; the synthetic mouse events SDL derives from them are
  // ignored by the interpreter, and no synthetic touches are made from the mouse.
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  if (kiosk) {
    // Nobody types on a kiosk, so it needs no compose table (dead keys, Compose sequences). Both
    // libX11's input method and xkbcommon under Wayland parse the locale's ~6,000-line Compose file
    // while SDL initialises video: ~15 ms of every launch on the benchmark machine. A value set by
    // the operator is kept.
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
  }
}

void ApplyKioskWindow(SDL_Window* window, bool kiosk) {
  SDL_DisableScreenSaver();
  if (!kiosk || !window) return;
  SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
}

double DisplayDpi(SDL_Window* window, double config_dpi) {
  float hdpi = 0;
  const int display = window ? SDL_GetWindowDisplayIndex(window) : 0;
  if (display < 0 || SDL_GetDisplayDPI(display, nullptr, &hdpi, nullptr) != 0) hdpi = 0;
  return ResolveDpi(config_dpi, hdpi);
}

}  // namespace machikado::ui
