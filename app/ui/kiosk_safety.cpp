#include "ui/kiosk_safety.h"

#include "ui/touch_metrics.h"

namespace machikado::ui {

void ApplyKioskHints(bool kiosk) {
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  // Touches also arrive as finger events; the synthetic mouse events SDL derives from them are
  // ignored by the interpreter, and no synthetic touches are made from the mouse.
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  if (kiosk) {
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
