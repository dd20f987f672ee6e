// What the kiosk needs from the feed and reports about the media cache: the files its current
// items want downloaded (videos, then captions), and the cache's part of status.json.
// Pure functions over values and a media::MediaCache (thread-safe reads).
#pragma once

#include <vector>

#include "feed/model.h"
#include "kiosk/status_file.h"
#include "media/media_cache.h"
#include "media/media_worker.h"

namespace machikado::kiosk {

// The files the video items of `items` need, most important first (priority, then feed order):
// each video, then its captions files. Duplicates (one clip in two items) are listed once.
std::vector<media::MediaWant> WantedMedia(const std::vector<feed::Item>& items);

// status.json's "media": the cache's counts and every video skipped with a reason (the cache's
// failed downloads, then `player_refusals`: files the player refused, by URL).
MediaStatus DescribeMediaCache(const media::MediaCache& cache,
                               const std::vector<RefusedImage>& player_refusals);

}  // namespace machikado::kiosk
