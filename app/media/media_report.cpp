// WantedMedia and DescribeMediaCache (media_report.h).
#include "media/media_report.h"

#include "video/webvtt.h"

#include <algorithm>
#include <set>

namespace machikado::media {

std::vector<MediaWant> WantedMedia(const std::vector<feed::Item>& items) {
  std::vector<const feed::Item*> videos;
  for (const feed::Item& it : items)
    if (it.kind == feed::Kind::kVideo && !it.video.url.empty()) videos.push_back(&it);
  std::stable_sort(videos.begin(), videos.end(), [](const feed::Item* a, const feed::Item* b) {
    return a->priority > b->priority;
  });
  std::vector<MediaWant> out;
  std::set<std::string, std::less<>> seen;
  auto add = [&](MediaWant w) {
    if (seen.insert(w.url).second) out.push_back(std::move(w));
  };
  for (const feed::Item* it : videos) add({it->video.url, it->video.sha256, it->video.bytes});
  for (const feed::Item* it : videos)
    for (const feed::CaptionTrack& c : it->video.captions)
      add({c.url, "", std::nullopt, video::WebVttLimits{}.max_bytes});
  return out;
}

platform::MediaStatus DescribeMediaCache(
    const MediaCache& cache, const std::vector<platform::RefusedImage>& player_refusals) {
  const MediaCounters c = cache.counters();
  platform::MediaStatus s;
  s.ready = c.ready;
  s.partial = c.partial;
  s.failed = c.failed;
  s.bytes = c.bytes_on_disk;
  s.budget_bytes = c.budget_bytes;
  for (const MediaEntry& e : cache.entries())
    if (e.state == MediaState::kFailed) s.skipped.push_back({e.url, e.error});
  for (const platform::RefusedImage& r : player_refusals) s.skipped.push_back(r);
  return s;
}

}  // namespace machikado::media
