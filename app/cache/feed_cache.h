// FeedCache: the offline cache of last-good feed bodies and of item images, in a state directory.
// Every file is written atomically (temp file, fsync, rename, fsync the directory) and carries a
// checksum, so a torn or corrupt file is detected and ignored. Size is bounded; unused images are
// evicted. Layout: <dir>/feeds/<key>.feed and <dir>/images/<key>.img, key = CacheKeyForUrl(url),
// each file in the format of cache/cache_file.h. One process per directory (temp files of others
// are deleted). Owned by the feed pipeline; thread-safe (one internal mutex; disk I/O happens under
// it, so keep calls off the render thread).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cache/cache_file.h"
#include "core/clock.h"
#include "core/file_system.h"
#include "core/status.h"

namespace machikado::cache {

struct CachedFeed {
  std::string url;             // the feed's source URL or path, as configured
  std::string body;            // the last good (accepted) body, decoded
  std::string etag;            // validator for If-None-Match ("" when none)
  std::string last_modified;   // validator for If-Modified-Since ("" when none)
  UnixSeconds fetched_at = 0;  // wall-clock time of the fetch that produced `body`
};

struct CacheLimits {
  uint64_t max_total_bytes = 256ull * 1024 * 1024;  // feeds + images on disk
  uint64_t max_image_bytes = 8ull * 1024 * 1024;    // per image (FEED-v1)
  uint64_t max_feed_bytes = 4ull * 1024 * 1024;     // per feed body (FEED-v1 decoded body cap)
};

class FeedCache {
 public:
  // `dir` is the cache directory (e.g. <state-dir>/cache); `fs` must outlive the cache.
  FeedCache(std::string dir, FileSystem& fs, CacheLimits limits = {});

  // Creates the directories, deletes temp files left by a killed writer and indexes the entries
  // on disk. Every other method opens lazily; calling Open first surfaces a bad directory early.
  Status Open();

  // The cached copy of `url`: kNotFound when there is none, kCorrupt (with what is wrong) when
  // the file is damaged, torn, or not ours. A corrupt file is left in place and is replaced by
  // the next Store. Marks the feed in use.
  Result<CachedFeed> Load(std::string_view url);
  // Replaces the cached copy of feed.url atomically. On error (disk full, I/O, over a limit)
  // the previous copy stays readable and the Status says why. Marks the feed in use.
  Status Store(const CachedFeed& feed);
  // Every readable cached feed (in no particular order); damaged files are skipped and, when
  // `problems` is given, reported there. Marks the returned feeds in use.
  std::vector<CachedFeed> LoadAll(std::vector<Status>* problems = nullptr);
  // Declares the feeds in use (the configured ones). Others stay on disk but may be evicted
  // to make room. Feeds in use are never evicted.
  void SetFeedsInUse(const std::set<std::string>& urls);

  // Image bytes (as fetched, still encoded). Over max_image_bytes is kLimitExceeded.
  Status StoreImage(std::string_view url, std::string_view bytes);
  // The cached bytes of an image: kNotFound / kCorrupt like Load. Marks the image in use.
  Result<std::string> LoadImage(std::string_view url);
  bool HasImage(std::string_view url);
  // Deletes every cached image whose URL is not in `urls_in_use` (all images referenced by the
  // current items of all feeds), and makes exactly those the images in use.
  void EvictImagesExcept(const std::set<std::string>& urls_in_use);

  // Bytes of all indexed cache files on disk.
  uint64_t total_bytes();
  // Paths of the files for a URL (for diagnostics and tests).
  std::string FeedFilePath(std::string_view url) const;
  std::string ImageFilePath(std::string_view url) const;

 private:
  struct Entry {
    uint64_t bytes = 0;
    uint64_t last_used = 0;  // LRU tick; larger = more recent
  };
  using Index = std::map<std::string, Entry>;  // key -> entry

  Status OpenLocked();
  Status IndexDir(const std::string& sub, std::string_view suffix, Index& index);
  Result<CacheRecord> ReadRecord(const std::string& path, RecordKind kind, uint64_t max_body);
  // Load and LoadImage under the lock: reads the URL's record, checks it holds that URL, and marks
  // it most recently used and in use.
  Result<CacheRecord> LoadLocked(std::string_view url, bool image);
  Status WriteRecord(const CacheRecord& record, Index& index, const std::string& key,
                     bool may_evict_images_in_use);
  // Evicts until `incoming` more bytes fit (replacing `replacing` in `index`), or fails.
  Status MakeRoom(uint64_t incoming, Index& target, const std::string& replacing,
                  bool may_evict_images_in_use);
  void EvictEntry(Index& index, const std::string& sub, std::string_view suffix,
                  const std::string& key);
  void Touch(Index& index, const std::string& key);

  const std::string dir_;
  FileSystem& fs_;
  const CacheLimits limits_;

  std::mutex mu_;
  bool open_ = false;
  Index feeds_;
  Index images_;
  std::set<std::string> feeds_in_use_;   // keys
  std::set<std::string> images_in_use_;  // keys
  uint64_t total_bytes_ = 0;
  uint64_t tick_ = 0;
};

}  // namespace machikado::cache
