// LayoutRecord: everything a Canvas drew on one rendering — text lines and filled boxes with their
// colours — so layout.json describes the picture exactly (it is recorded while drawing, not
// recomputed). Plain value type; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "render/color.h"

namespace machikado::render {

struct RectF {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool Contains(const RectF& o, float tolerance = 0.5f) const {
    return o.x >= x - tolerance && o.y >= y - tolerance && o.right() <= right() + tolerance &&
           o.bottom() <= bottom() + tolerance;
  }
  bool ContainsPoint(float px, float py) const {
    return px >= x && py >= y && px < right() && py < bottom();
  }
};

struct RecordedText {
  std::string text;
  std::string role;  // documented in docs/render.md
  std::string lang;
  RectF rect;    // glyph box of the line (ruby: its own band)
  float px = 0;  // font size in pixels
  Color fg;
  Color bg;   // the colour actually behind the line (topmost filled box under its centre)
  RectF box;  // the box the text was laid out in; the line never leaves it
};

struct RecordedBox {
  std::string role;
  RectF rect;
  Color color;  // as drawn (alpha blended over what was under it)
};

struct LayoutRecord {
  int width = 0;
  int height = 0;
  std::vector<RecordedText> texts;
  std::vector<RecordedBox> boxes;

  // The colour of the topmost box covering point (x, y); `fallback` when none does.
  Color ColorAt(float x, float y, Color fallback) const;
  // layout.json: {"width","height","texts":[…],"boxes":[…]} with colours as "#rrggbb".
  std::string ToJson() const;
};

}  // namespace machikado::render
