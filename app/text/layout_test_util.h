// Helpers shared by the text layout tests: plain-text views of a Layout and the geometric
// invariants every Layout must satisfy. Test-only; header-only.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/layout.h"

namespace machikado::text::testing {

inline std::vector<std::string> LineTexts(const Layout& layout) {
  std::vector<std::string> out;
  for (const LaidLine& line : layout.lines) out.push_back(line.text);
  return out;
}

inline std::string Joined(const Layout& layout) {
  std::string out;
  for (const LaidLine& line : layout.lines) out += line.text + "|";
  return out;
}

// Nothing outside the box; runs and readings inside their line; lines in order; runs spell the
// text.
inline void ExpectInsideBox(const Layout& layout, const BoxSpec& box, const std::string& what) {
  SCOPED_TRACE(what + " → " + Joined(layout));
  float prev_bottom = 0;
  int n = 0;
  for (const LaidLine& line : layout.lines) {
    ++n;
    EXPECT_GE(line.x, 0);
    EXPECT_LE(line.x + line.w, box.width);
    EXPECT_GE(line.y, prev_bottom);
    EXPECT_LE(line.y + line.h, box.height);
    EXPECT_GE(line.baseline_top, line.y);
    EXPECT_LE(line.baseline_top + layout.px, line.y + line.h);
    prev_bottom = line.y + line.h;
    std::string spelled;
    for (const TextRun& run : line.runs) {
      EXPECT_GE(run.x, 0);
      EXPECT_LE(run.x + run.w, line.w + 1e-3f);
      spelled += run.text;
    }
    EXPECT_EQ(spelled, line.text);
    for (const RubyPlacement& r : line.ruby) {
      EXPECT_GE(r.x, 0);
      EXPECT_LE(r.x + r.w, line.w + 1e-3f);
      EXPECT_LE(line.y + r.px, line.baseline_top + 1e-3f);
    }
  }
  if (box.max_lines > 0) {
    EXPECT_LE(n, box.max_lines);
  }
  if (!layout.lines.empty()) {
    EXPECT_LE(layout.height, box.height);
  }
}

}  // namespace machikado::text::testing
