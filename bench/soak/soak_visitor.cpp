#include "soak_visitor.h"

#include <SDL2/SDL.h>

#include <chrono>

namespace machikado::soak {

void SoakVisitor::Start() {
  thread_ = std::thread([this] { Main(); });
}

void SoakVisitor::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

VisitorCounters SoakVisitor::counters() const {
  std::lock_guard<std::mutex> lock(mu_);
  return c_;
}

std::string SoakVisitor::CountersText() const {
  const VisitorCounters c = counters();
  std::string out;
  auto line = [&out](const char* n, uint64_t v) {
    out += std::string("machikado_soak_visitor_") + n + " " + std::to_string(v) + "\n";
  };
  line("visits", c.visits);
  line("scrolls", c.scrolls);
  line("swipes", c.swipes);
  line("language_changes", c.language_changes);
  line("cjk_details", c.cjk_details);
  line("closes", c.closes);
  line("left_idle", c.left_idle);
  line("push_failures", c.push_failures);
  return out;
}

bool SoakVisitor::Wait(int64_t ms) {
  std::unique_lock<std::mutex> lock(mu_);
  return !cv_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stop_; });
}

void SoakVisitor::Push(const void* event) {
  SDL_Event e = *static_cast<const SDL_Event*>(event);
  if (SDL_PushEvent(&e) != 1) {
    std::lock_guard<std::mutex> lock(mu_);
    ++c_.push_failures;
  }
}

void SoakVisitor::Tap(int x, int y) {
  SDL_Event e{};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = SDL_PRESSED;
  e.button.clicks = 1;
  e.button.x = x;
  e.button.y = y;
  Push(&e);
  Wait(60);
  e.type = SDL_MOUSEBUTTONUP;
  e.button.state = SDL_RELEASED;
  Push(&e);
}

void SoakVisitor::Swipe(int x0, int x1, int y) {
  SDL_Event e{};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = SDL_PRESSED;
  e.button.x = x0;
  e.button.y = y;
  Push(&e);
  for (int i = 1; i <= 5; ++i) {
    Wait(20);
    SDL_Event m{};
    m.type = SDL_MOUSEMOTION;
    m.motion.state = SDL_BUTTON_LMASK;
    m.motion.x = x0 + (x1 - x0) * i / 5;
    m.motion.y = y;
    Push(&m);
  }
  e.type = SDL_MOUSEBUTTONUP;
  e.button.state = SDL_RELEASED;
  e.button.x = x1;
  Push(&e);
}

void SoakVisitor::Key(int sym) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.state = SDL_PRESSED;
  e.key.keysym.sym = sym;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
  Push(&e);
  e.type = SDL_KEYUP;
  e.key.state = SDL_RELEASED;
  Push(&e);
}

void SoakVisitor::Main() {
  // The kiosk initialises SDL's event queue itself; until then there is nothing to push into.
  while (!SDL_WasInit(SDL_INIT_EVENTS))
    if (!Wait(50)) return;
  if (!Wait(1000)) return;
  for (uint64_t visit = 0;; ++visit) {
    Tap(w_ / 2, h_ / 2);
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++c_.visits;
    }
    if (!Wait(period_ms_ / 4)) return;
    Key(SDLK_DOWN);
    if (!Wait(period_ms_ / 8)) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++c_.scrolls;
    }
    if (visit % 2 == 1) {
      Swipe(w_ * 3 / 4, w_ / 4, h_ / 2);  // the detail follows to the next item
      std::lock_guard<std::mutex> lock(mu_);
      ++c_.swipes;
    }
    if (visit % 3 == 2) {
      // The items read ja, en, ko, zh-Hans: 1, 2 or 3 presses open them in English, Korean and
      // simplified Chinese in turn.
      const int presses = 1 + int(visit / 3 % 3);
      for (int i = 0; i < presses; ++i) Key(SDLK_l);
      std::lock_guard<std::mutex> lock(mu_);
      c_.language_changes += presses;
      if (presses >= 2) ++c_.cjk_details;
    }
    if (!Wait(period_ms_ / 4)) return;
    if (visit % 4 == 3) {
      std::lock_guard<std::mutex> lock(mu_);
      ++c_.left_idle;  // the idle return closes it (and resets the language)
    } else {
      Key(SDLK_ESCAPE);
      std::lock_guard<std::mutex> lock(mu_);
      ++c_.closes;
    }
    if (!Wait(period_ms_ - period_ms_ / 4 - period_ms_ / 8 - period_ms_ / 4)) return;
  }
}

}  // namespace machikado::soak
