// WantedMedia and DescribeMediaCache (media_report.h).
#include "kiosk/media_report.h"

#include "video/webvtt.h"

#include <algorithm>
#include <set>

namespace machikado::kiosk {

std::vector<media::MediaWant> WantedMedia(const std::vector<feed::Item>& items) {
  std::vector<const feed::Item*> videos;
  for (const feed::Item& it : items)
    if (it.kind == feed::Kind::kVideo && !it.video.url.empty()) videos.push_back(&it);
  std::stable_sort(videos.begin(), videos.end(), [](const feed::Item* a, const feed::Item* b) {
    return a->priority > b->priority;
  });
  std::vector<media::MediaWant> out;
  std::set<std::string, std::less<>> seen;
  auto add = [&](media::MediaWant w) {
    if (seen.insert(w.url).second) out.push_back(std::move(w));
  };
  for (const feed::Item* it : videos) add({it->video.url, it->video.sha256, it->video.bytes});
  for (const feed::Item* it : videos)
    for (const feed::CaptionTrack& c : it->video.captions)
      add({c.url, "", std::nullopt, video::WebVttLimits{}.max_bytes});
  return out;
}

MediaStatus DescribeMediaCache(const media::MediaCache& cache,
                               const std::vector<RefusedImage>& player_refusals) {
  const media::MediaCounters c = cache.counters();
  MediaStatus s;
  s.ready = c.ready;
  s.partial = c.partial;
  s.failed = c.failed;
  s.bytes = c.bytes_on_disk;
  s.budget_bytes = c.budget_bytes;
  for (const media::MediaEntry& e : cache.entries())
    if (e.state == media::MediaState::kFailed) s.skipped.push_back({e.url, e.error});
  for (const RefusedImage& r : player_refusals) s.skipped.push_back(r);
  return s;
}

}  // namespace machikado::kiosk
