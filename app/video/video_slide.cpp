// VideoSlideDurationMs and PickCaptions (video_slide.h).
#include "video/video_slide.h"

#include <algorithm>
#include <cmath>

namespace machikado::video {

int64_t VideoSlideDurationMs(const feed::Item& item, double video_duration_s, int fallback_s) {
  int64_t ms;
  if (item.duration_s)
    ms = int64_t{*item.duration_s} * 1000;
  else if (!item.video.loop && video_duration_s > 0 && std::isfinite(video_duration_s))
    ms = static_cast<int64_t>(std::ceil(std::min(video_duration_s, 1e6))) * 1000;
  else
    ms = int64_t{fallback_s} * 1000;
  const int64_t cap = int64_t{item.video.max_seconds.value_or(kMaxVideoSlideS)} * 1000;
  return std::clamp<int64_t>(ms, 3000, std::max<int64_t>(cap, 3000));
}

const feed::CaptionTrack* PickCaptions(const feed::Item& item, std::string_view lang) {
  const auto& tracks = item.video.captions;
  if (tracks.empty()) return nullptr;
  for (std::string_view want : {lang, std::string_view("ja")})
    for (const feed::CaptionTrack& t : tracks)
      if (t.lang == want) return &t;
  return &tracks.front();
}

}  // namespace machikado::video
