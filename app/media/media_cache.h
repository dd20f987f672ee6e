// MediaCache: the kiosk's downloaded videos (and later images) on disk, in the state directory's
// media folder, under a byte budget. It owns the folder and its index (index.json, replaced
// atomically), so what was complete before a restart is still ready offline. A file is "ready"
// only once it is complete, checked (sha256 when the feed gives one) and renamed from its partial
// name; a partial download is kept for resuming. When a download needs room, the least recently
// shown files (never shown first) are removed.
// Owned by the App. Thread-safe: the media worker (media_worker.h) writes, the main thread asks
// for ready files and marks them shown.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/file_system.h"
#include "core/status.h"

namespace machikado::media {

// Caps (docs/caps.md, "Media cache").
struct MediaCacheLimits {
  uint64_t max_file_bytes = 512ull << 20;  // one file (FeedLimits::max_video_bytes)
  uint64_t budget_bytes = 4ull << 30;      // all files of the folder, partial ones included
  size_t max_entries = 1000;               // files known to the index
  uint64_t max_index_bytes = 4u << 20;     // index.json as read at start
};

enum class MediaState { kPartial, kReady, kFailed };
std::string_view MediaStateName(MediaState s);  // "partial", "ready", "failed"

// One file as the index knows it (a copy; for status.json and tests).
struct MediaEntry {
  std::string url;
  std::string sha256;  // expected, lowercase hex; "" when the feed gives none
  std::string file;    // name in the folder: 32 hex digits of the URL's SHA-256
  MediaState state = MediaState::kPartial;
  uint64_t bytes = 0;  // on disk (the partial file's size while partial)
  int64_t total = -1;  // the whole file's size once known (server or feed)
  UnixSeconds added = 0;
  UnixSeconds last_shown = 0;  // 0 = never
  std::string error;           // the last failure, for status.json
};

// For status.json and /metrics.
struct MediaCounters {
  size_t ready = 0;
  size_t partial = 0;
  size_t failed = 0;
  uint64_t bytes_on_disk = 0;
  uint64_t budget_bytes = 0;
  uint64_t downloads_completed = 0;  // since start
  uint64_t downloads_resumed = 0;    // transfers that continued a partial file (206)
  uint64_t download_errors = 0;      // transfers that ended early (kept for resuming)
  uint64_t digest_mismatches = 0;
  uint64_t files_rejected = 0;  // too large, over budget, wrong size
  uint64_t evictions = 0;
  uint64_t bytes_downloaded = 0;
};

class MediaCache {
 public:
  MediaCache(FileSystem& fs, std::string dir, const Clock& clock, MediaCacheLimits limits = {});

  // Creates the folder, reads the index and reconciles it with the disk: entries whose file is
  // gone are dropped, partial sizes are taken from the disk, files the index does not know (and
  // temp files of an interrupted index write) are removed. A corrupt index is set aside (logged
  // by the caller through the returned status) and the cache starts empty. Call before the
  // worker starts.
  Status Open();

  // Main thread: the path of the complete file for `url`, or nullopt (not cached yet, partial,
  // failed).
  std::optional<std::string> ReadyPath(std::string_view url) const;
  // Main thread: the video of `url` was just shown (the eviction order). Persisted lazily, with
  // the next index write.
  void MarkShown(std::string_view url);
  MediaCounters counters() const;
  std::vector<MediaEntry> entries() const;
  std::optional<MediaEntry> Find(std::string_view url) const;
  const MediaCacheLimits& limits() const { return limits_; }

  // --- For the media worker ---
  // Registers `url` (or updates its expected digest; a changed digest discards what was there)
  // and returns the bytes already downloaded (the resume offset). Fails when the index is full.
  Result<uint64_t> Begin(std::string_view url, std::string_view sha256);
  std::string PartialPath(std::string_view url) const;
  std::string ReadyFilePath(std::string_view url) const;
  // Makes room for `url` to grow to `bytes` in total: fails (kLimitExceeded) over the per-file
  // cap, or when even after evicting every other evictable file it would not fit the budget.
  Status Reserve(std::string_view url, uint64_t bytes);
  // The partial file, opened for appending (`truncate`: from the start).
  Result<std::unique_ptr<WritableFile>> OpenPartial(std::string_view url, bool truncate);
  // Lowercase hex SHA-256 of the partial file, read piece by piece.
  Result<std::string> PartialSha256(std::string_view url);
  // Progress of the partial file (its size now); `total`: the whole size once known (-1 unknown).
  void Progress(std::string_view url, uint64_t bytes_on_disk, int64_t total);
  // The partial file was checked and is complete: renamed to its final name, ready from now on.
  Status Complete(std::string_view url);
  // The download failed for good (digest, size, cap): the partial file is removed and the reason
  // kept until the feed changes the item.
  void Fail(std::string_view url, std::string reason);
  // Notes a transfer that ended early (the partial file stays) and why.
  void NoteError(std::string_view url, std::string reason);
  // Counters the worker keeps here so that one place reports them.
  void CountResumed();
  void CountDigestMismatch();
  void CountRejected();
  void CountDownloaded(uint64_t bytes);

 private:
  struct Slot {
    MediaEntry e;
    uint64_t reserved = 0;  // budget held for a download in progress
  };
  std::string FileName(std::string_view url) const;
  uint64_t UsedLocked() const;
  Status SaveLocked();
  void RemoveFilesLocked(const Slot& s);

  FileSystem& fs_;
  const std::string dir_;
  const Clock& clock_;
  const MediaCacheLimits limits_;
  mutable std::mutex mu_;
  std::map<std::string, Slot, std::less<>> slots_;  // by URL
  MediaCounters counters_;
};

}  // namespace machikado::media
