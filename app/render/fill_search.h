// LargestFitting: the largest of a few candidate scale factors at which a block still fits, found
// by bisection rather than by trying each in turn. The portrait templates grow their type to fill
// the screen (issue 21); each candidate tried lays the block out at new pixel sizes, and every new
// size opens a font size (FontSet keeps 24), so fewer probes keep preparation within its budget.
// Header-only, stateless; any thread.
#pragma once

#include <cstddef>
#include <span>

namespace machikado::render {

// `ascending` lists candidates from smallest to largest; `fits(k)` says whether the block fits at
// k and is assumed monotone (whatever fits at k fits at any smaller k). Returns the largest
// candidate that fits, or `none` when even the smallest does not. Calls `fits` about log2(n) times.
template <class Fits>
float LargestFitting(std::span<const float> ascending, float none, Fits&& fits) {
  size_t lo = 0, hi = ascending.size();  // answer index in [lo, hi); lo - 1 known to fit
  float best = none;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (fits(ascending[mid])) {
      best = ascending[mid];
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return best;
}

}  // namespace machikado::render
