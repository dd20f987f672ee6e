// LayoutCaption (caption_layout.h).
#include "video/caption_layout.h"

#include <algorithm>

namespace machikado::video {

CaptionLayout LayoutCaption(const Cue& cue, std::string_view lang, const render::RectF& video,
                            text::TextMeasurer& measurer, text::PhraseSegmenter* phrases) {
  CaptionLayout out;
  if (cue.segments.empty() || video.w <= 0 || video.h <= 0) return out;
  // Sizes relative to the video: ~54 px on a 720 px box, never below 18 px (readable at 3 m on a
  // 32-inch screen only above that), three lines in at most 36 % of the height.
  const float pad = std::max(4.f, video.h * 0.015f);
  text::BoxSpec box;
  box.width = video.w * 0.9f - 2 * pad;
  box.height = video.h * 0.36f - 2 * pad;
  box.max_px = std::max(18.f, video.h * 0.075f);
  box.min_px = std::max(18.f, video.h * 0.045f);
  box.min_px = std::min(box.min_px, box.max_px);
  box.line_spacing = 1.25f;
  box.max_lines = 3;
  box.lang = std::string(lang.empty() ? "ja" : lang);
  box.align = text::Align::kCenter;
  box.balance = true;
  if (box.width <= 0 || box.height <= 0) return out;
  out.layout = text::LayoutText(cue.segments, box, measurer, phrases);
  if (out.layout.lines.empty()) return out;
  float left = box.width, right = 0;
  for (const text::LaidLine& l : out.layout.lines) {
    left = std::min(left, l.x);
    right = std::max(right, l.x + l.w);
  }
  const float used_h = out.layout.height;
  const float bottom_margin = video.h * 0.04f;
  out.text_x = video.x + (video.w - box.width) / 2;
  out.text_y = video.bottom() - bottom_margin - pad - used_h;
  out.band = {out.text_x + left - pad, out.text_y - pad, right - left + 2 * pad, used_h + 2 * pad};
  return out;
}

}  // namespace machikado::video
