// How long a video slide stays, and which captions it shows: the slide's duration follows the
// video unless capped (feeds/README.md, "kind = video").
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "feed/model.h"

namespace machikado::video {

// Upper bound of any video slide when the item sets no max_seconds (FeedLimits::max_video_seconds).
inline constexpr int kMaxVideoSlideS = 600;

// The slide's time in ms: the item's `duration` when given; otherwise the video's length (rounded
// up to whole seconds) once the player knows it, or `fallback_s` for a looping video or one whose
// length is not known yet; never above `max_seconds` (or kMaxVideoSlideS), never below 3 s.
int64_t VideoSlideDurationMs(const feed::Item& item, double video_duration_s, int fallback_s);

// The captions track for the visitor's language: requested → "ja" → the first listed; nullptr
// when the item has none.
const feed::CaptionTrack* PickCaptions(const feed::Item& item, std::string_view lang);

}  // namespace machikado::video
