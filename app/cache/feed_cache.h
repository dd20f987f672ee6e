// FeedCache: the offline cache of last-good feed bodies and of item images, in a state directory.
// Every file is written atomically (temp file, fsync, rename, fsync the directory) and carries a checksum,
// so a torn or corrupt file is detected and ignored. Size is bounded; unused images are evicted.
// Owned by the feed pipeline's worker thread; not thread-safe (one owner).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"

namespace machikado::cache {

struct CachedFeed {
  std::string url;            // the feed's source URL or path, as configured
  std::string body;           // the last good (accepted) body, decoded
  std::string etag;           // validator for If-None-Match ("" when none)
  std::string last_modified;  // validator for If-Modified-Since ("" when none)
  UnixSeconds fetched_at = 0; // wall-clock time of the fetch that produced `body`
};

struct CacheLimits {
  uint64_t max_total_bytes = 256ull * 1024 * 1024;  // feeds + images on disk
  uint64_t max_image_bytes = 8ull * 1024 * 1024;    // per image (FEED-v1)
};
