// TtfMeasurer: text::TextMeasurer over a FontSet for one FontStyle, with a bounded width cache.
// Widths follow the font fallback chain run by run, so layout and drawing agree exactly.
// Borrows the FontSet; same thread rules (render thread only).
#pragma once

#include <string>
#include <unordered_map>

#include "render/font_set.h"
#include "text/layout.h"

namespace machikado::render {

class TtfMeasurer final : public text::TextMeasurer {
 public:
  TtfMeasurer(FontSet& fonts, FontStyle style, size_t max_cached = 8192)
      : fonts_(fonts), style_(style), max_cached_(max_cached) {}
  // Sizes are rounded to whole pixels: fonts are opened at integer sizes.
  float Width(std::string_view s, float px) override;
  size_t cached() const { return cache_.size(); }
  const FontStyle& style() const { return style_; }

 private:
  FontSet& fonts_;
  FontStyle style_;
  size_t max_cached_;
  std::unordered_map<std::string, float> cache_;
};

// Integer pixel size used for a layout size.
inline int FontPx(float px) {
  return px < 1 ? 1 : static_cast<int>(px + 0.5f);
}

}  // namespace machikado::render
