// ProgressPacer: how often a slide that is otherwise still may be redrawn to move its progress bar,
// from what a frame costs on this machine. A budget, not a fixed rate: a frame that costs 2 ms
// (SDL's software renderer) may come once a second, one that costs 20 ms (OpenGL emulated on the
// CPU) every eight, so a static slide stays within ~0.25 % of a core on any renderer; a real GPU
// (well under a millisecond) gets its floor of 100 ms. Pure: the App feeds it the CPU time of each
// still frame.
#pragma once

#include <cstdint>

namespace machikado::kiosk {

class ProgressPacer {
 public:
  // floor_ms: the shortest interval (100 ms where a GPU blends, 1000 ms otherwise).
  // budget: the share of one core still frames may use (0.0025 = 0.25 %).
  explicit ProgressPacer(int64_t floor_ms, double budget = 0.0025, int64_t ceiling_ms = 10000);

  // The CPU time one still frame took (drawing and presenting), in milliseconds.
  void AddFrameCost(double cpu_ms);
  // The interval between progress-bar redraws now.
  int64_t interval_ms() const;
  double frame_cost_ms() const { return cost_ms_; }

 private:
  int64_t floor_ms_, ceiling_ms_;
  double budget_;
  double cost_ms_ = 0;  // moving average; 0 until the first frame
  bool have_cost_ = false;
};

}  // namespace machikado::kiosk
