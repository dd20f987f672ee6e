// ItemQuarantine: one bad item costs the kiosk at most one restart, never a crash loop. Before the
// kiosk prepares or shows an item it names that item (feed, id, content hash) in a marker file;
// the marker follows the item being worked on and is removed at a clean exit. At the next start, a
// marker that survived means the previous run died (crash, abort, watchdog or OOM kill) while that
// item was being prepared or shown: the item is quarantined — skipped, listed in status.json and
// the metrics — until it changes (another content hash), leaves the feeds, or a day has passed.
// A marker from another boot (power cut, reboot) is not the item's fault and is dropped.
//
// Files, in `dir` (<state-dir>/quarantine): `marker` and `items.json`, both written through
// FileSystem. The marker is replaced by a rename of a file written without fsync: that survives the
// process dying, which is the only death it has to survive, and costs no disk flush on the render
// thread (the list itself is written with WriteFileAtomic, rarely).
// Thread-safety: none; used by one thread at a time (the launch's first-slide worker, then the
// render thread). Lifetime: `fs` and `log` must outlive it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/file_system.h"
#include "core/log.h"

namespace machikado::ops {

struct QuarantineKey {
  std::string feed;  // the feed's id
  std::string id;    // the item's id
  std::string hash;  // the item's content_hash
  bool operator==(const QuarantineKey&) const = default;
};

struct QuarantineEntry {
  QuarantineKey key;
  std::string phase;      // what the kiosk was doing with it: "preparing" or "showing"
  UnixSeconds since = 0;  // when it was quarantined (the start after the death)
  bool operator==(const QuarantineEntry&) const = default;
};

struct QuarantineOptions {
  // A quarantined item is tried again after this long even if unchanged (staff may have fixed an
  // image it names in place): a poison item then costs one restart a day, not one in total.
  int64_t expiry_s = 24 * 3600;
  size_t max_entries = 100;  // the oldest go first beyond this
};

class ItemQuarantine {
 public:
  // `boot_id` tells this boot from the previous ones (ReadBootId); "" disables that check.
  ItemQuarantine(std::string dir, FileSystem& fs, Log& log, std::string boot_id,
                 QuarantineOptions options = {});

  // At start, before any Mark: reads the list, turns a surviving marker of this boot into an
  // entry (logged), and removes the marker.
  void Open(UnixSeconds now);
  bool Contains(const QuarantineKey& key) const;
  // The item the kiosk is about to prepare or is showing; rewrites the marker only when the key
  // or phase changed. A failed write is logged once and otherwise ignored (the kiosk goes on).
  void Mark(const QuarantineKey& key, std::string_view phase);
  // Nothing risky goes on (nothing shown, or a clean exit): removes the marker.
  void Clear();
  // Drops entries that expired, and those of a feed in `feeds_with_content` whose item is not in
  // `present` (it changed or is gone; a feed without content yet keeps its entries). Returns true
  // when the list changed (it is then saved).
  bool Retain(const std::vector<QuarantineKey>& present,
              const std::vector<std::string>& feeds_with_content, UnixSeconds now);

  const std::vector<QuarantineEntry>& entries() const { return entries_; }
  uint64_t quarantined_this_run() const { return added_; }

 private:
  void Save();
  std::string MarkerPath() const;
  std::string ListPath() const;

  const std::string dir_;
  FileSystem& fs_;
  Log& log_;
  const std::string boot_id_;
  const QuarantineOptions options_;
  std::vector<QuarantineEntry> entries_;
  std::optional<std::pair<QuarantineKey, std::string>> marked_;
  uint64_t added_ = 0;
  uint64_t temp_counter_ = 0;
  bool write_failed_ = false;
};

// This boot's id (/proc/sys/kernel/random/boot_id), "" when unknown.
std::string ReadBootId(FileSystem& fs);

}  // namespace machikado::ops
