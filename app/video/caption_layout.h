// Where a caption goes over a playing video: the cue's text (with its readings) laid out by the
// project's own text layout — kinsoku, phrase breaks, ruby, the visitor's language — centred in a
// band at the bottom of the video's box, at most three balanced lines, shrinking before it cuts.
// The renderer draws the band (a dark, translucent rectangle) and the lines; mpv draws no
// subtitles. Pure function of its inputs and the measurer; thread-compatible.
#pragma once

#include <string_view>

#include "render/layout_record.h"
#include "text/layout.h"
#include "video/webvtt.h"

namespace machikado::video {

struct CaptionLayout {
  render::RectF band;  // the backdrop, inside the video box; empty when there is nothing to show
  float text_x = 0;    // where the layout's box starts (its lines' x and y are relative to it)
  float text_y = 0;
  text::Layout layout;
};

// `video` is the rectangle the video is drawn in (screen pixels); `lang` the captions track's
// language (its BCP 47 tag picks the line-breaking rules).
CaptionLayout LayoutCaption(const Cue& cue, std::string_view lang, const render::RectF& video,
                            text::TextMeasurer& measurer, text::PhraseSegmenter* phrases = nullptr);

}  // namespace machikado::video
