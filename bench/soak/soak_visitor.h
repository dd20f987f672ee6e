// SoakVisitor: a synthetic visitor for soak runs. From its own thread it pushes SDL input events
// into the running kiosk's queue (SDL_PushEvent is thread-safe) — so they travel the real path:
// App::HandleEvent → InputInterpreter → intents → DetailView. Every `period_ms` it taps the middle
// of the slide (the detail opens), scrolls, sometimes swipes to the next item or changes the
// language, and closes the detail with Esc — or, every fourth visit, leaves it to the idle return.
// Counts what it pushed. Start/Stop from one thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace machikado::soak {

struct VisitorCounters {
  uint64_t visits = 0;  // taps meant to open a detail
  uint64_t scrolls = 0;
  uint64_t swipes = 0;
  uint64_t language_changes = 0;
  uint64_t cjk_details = 0;  // detail views switched to Korean or simplified Chinese
  uint64_t closes = 0;       // Esc pressed
  uint64_t left_idle = 0;    // left for the idle return to close
  uint64_t push_failures = 0;
};

class SoakVisitor {
 public:
  SoakVisitor(int width, int height, int64_t period_ms)
      : w_(width), h_(height), period_ms_(period_ms) {}
  ~SoakVisitor() { Stop(); }
  void Start();
  void Stop();
  VisitorCounters counters() const;
  std::string CountersText() const;  // machikado_soak_visitor_* lines

 private:
  void Main();
  bool Wait(int64_t ms);  // false when stopping
  void Push(const void* event);
  void Tap(int x, int y);
  void Swipe(int x0, int x1, int y);
  void Key(int sym);

  const int w_, h_;
  const int64_t period_ms_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  VisitorCounters c_;
  std::thread thread_;
};

}  // namespace machikado::soak
