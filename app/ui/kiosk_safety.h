// Kiosk safety: nothing on the touch screen may quit, minimise or reach the desktop.
// - ApplyKioskHints (before SDL_Init): no minimise on focus loss; SDL installs no SIGINT/SIGTERM
//   handlers (the App handles those with its own signal flag, so a real SIGTERM still ends the
//   process while SDL_QUIT from a window close is ignored by InputInterpreter in kiosk mode);
//   keyboard grabbed in full screen (Alt+Tab, Super do not reach the window manager); no compose
//   table (XCOMPOSEFILE=/dev/null unless set: a kiosk takes no typed text).
// - ApplyKioskWindow (after creating the window): grabs the keyboard, disables the screensaver.
// - DisplayDpi: the DPI for touch sizes (config, else the display's, else 96).
// Functions over SDL's global state and the environment; call from the main thread before other
// threads start.
#pragma once

#include <SDL2/SDL.h>

namespace machikado::ui {

void ApplyKioskHints(bool kiosk);
void ApplyKioskWindow(SDL_Window* window, bool kiosk);
// ResolveDpi(config_dpi, the horizontal DPI SDL reports for the window's display).
double DisplayDpi(SDL_Window* window, double config_dpi);

}  // namespace machikado::ui
