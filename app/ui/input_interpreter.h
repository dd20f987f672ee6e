// InputInterpreter: turns SDL input events (touch fingers, mouse, keyboard, window events) into
// Intents and keeps the interaction state (detail open, language, category filter, browse bar,
// scroll, idle timer). Pure logic: it reads SDL_Event structs and needs no video subsystem, so
// tests drive it with hand-made events and an injected monotonic time.
//
// Gestures: a tap (moved < 5 mm) on a slide opens the detail of the current item; a horizontal
// swipe (≥ 15 mm or 8 % of the width, mostly horizontal, < 1.2 s) steps to the next (leftwards) or
// previous slide — inside the detail too, where the detail follows the new slide; a vertical drag
// scrolls the detail. Taps on the chrome (ChromeLayout) press its buttons. Keys: ←/→ step, Enter
// opens, Esc/Backspace close, ↑/↓/PgUp/PgDn/Home/End scroll, Tab cycles the category tab, L the
// language. The exit chord ends the kiosk; SDL_QUIT from a window close does only outside kiosk
// mode (SIGTERM/SIGINT are the App's, through its signal flag). Synthetic mouse events that SDL
// makes from touches are ignored (the finger events are used).
//
// Idle return: after idle_return_ms without input, Tick closes the detail, returns the language to
// the default and the filter to all kinds, and hides the browse bar.
// Owned by App on the main thread; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SDL2/SDL_events.h>

#include "schedule/schedule_config.h"
#include "ui/chrome_layout.h"
#include "ui/exit_chord.h"
#include "ui/intent.h"

namespace machikado::ui {

struct InputConfig {
  int width = 1920, height = 1080;  // window size in px (finger coordinates are normalised to it)
  double dpi = 96;                  // ResolveDpi(config display.dpi, SDL_GetDisplayDPI)
  int64_t idle_return_ms = 60000;   // config idle_return_s * 1000
  std::string default_language = "ja";
  bool kiosk = true;     // full-screen kiosk: window close does not quit
  ExitChord exit_chord;  // ParseExitChord(config exit_chord)
};

struct PointerState {
  bool down = false;
  float x = -1, y = -1;
};

struct UiState {
  bool detail_open = false;
  std::string detail_item_id;  // the item the detail shows (follows the current slide)
  std::vector<std::string> detail_languages;
  std::string language;  // the visitor's language (the screen's default at rest)
  schedule::KindMask kinds = schedule::KindMask::All();
  Tab tab = Tab::kAll;
  bool browsing = false;  // the browse bar shows over the rotation
  float scroll_y = 0;     // detail content scroll, px from the top
  float scroll_max = 0;   // set by the view from the content height
};

class InputInterpreter {
 public:
  explicit InputInterpreter(InputConfig config);

  // What is on screen now: the current slide's item (empty id = nothing) and its languages. The App
  // calls this whenever the current slide changes; while the detail is open it follows.
  void SetCurrentItem(std::string id, std::vector<std::string> languages);
  // The detail's scrollable range (DetailView::scroll_max after drawing).
  void SetScrollMax(float max_px);
  // The window was resized: recompute the chrome.
  void SetScreenSize(int width, int height);

  std::vector<Intent> HandleEvent(const SDL_Event& event, int64_t now_ms);
  // Idle return; call every frame or at next_deadline_ms().
  std::vector<Intent> Tick(int64_t now_ms);
  // When Tick next has something to do (for an event wait with a timeout); INT64_MAX = never.
  int64_t next_deadline_ms() const;

  const UiState& state() const { return state_; }
  const PointerState& pointer() const { return pointer_; }
  const ChromeLayout& layout() const { return layout_; }
  const InputConfig& config() const { return config_; }
  // True when nothing differs from the lobby state (no detail, default language, all kinds).
  bool at_rest() const;

 private:
  void Activity(int64_t now_ms, std::vector<Intent>& out);
  void PointerDown(float x, float y, int64_t now_ms, std::vector<Intent>& out);
  void PointerMove(float x, float y, std::vector<Intent>& out);
  void PointerUp(float x, float y, int64_t now_ms, std::vector<Intent>& out);
  void Tap(float x, float y, std::vector<Intent>& out);
  void Key(const SDL_KeyboardEvent& k, std::vector<Intent>& out);
  void Step(int delta, std::vector<Intent>& out);
  void Open(std::vector<Intent>& out);
  void Close(std::vector<Intent>& out);
  void ChooseTab(Tab tab, std::vector<Intent>& out);
  void CycleLanguage(std::vector<Intent>& out);
  void ScrollBy(float dy, std::vector<Intent>& out);

  InputConfig config_;
  ChromeLayout layout_;
  UiState state_;
  PointerState pointer_;
  std::string current_id_;
  std::vector<std::string> current_languages_;
  int64_t last_input_ms_ = 0;
  bool any_input_ = false;
  // The gesture in progress.
  bool tracking_ = false;
  SDL_FingerID finger_ = 0;
  bool finger_gesture_ = false;
  float down_x_ = 0, down_y_ = 0, last_y_ = 0;
  int64_t down_ms_ = 0;
  bool dragging_ = false;
};

schedule::KindMask KindsForTab(Tab tab);

}  // namespace machikado::ui
