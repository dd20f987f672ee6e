// ProofOfPlay: what was on screen, when and for how long. A showing is one item in one language
// and one mode; when the screen moves to another showing (or to nothing) the finished one becomes
// a typed record in the play log (ops/play_log.h, written through the FileSystem). Also counts
// showings for the metrics. Owned by App; main thread only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "feed/model.h"
#include "ops/play_log.h"
#include "schedule/mode.h"

namespace machikado::kiosk {

class ProofOfPlay {
 public:
  // `log` may be null (nothing recorded, only counted).
  explicit ProofOfPlay(std::unique_ptr<ops::PlayLog> log) : log_(std::move(log)) {}

  // The screen shows `item` (null: nothing) in `lang` and `mode` since `start` (wall) / `mono_ms`.
  // The same showing as before changes nothing; another one closes the previous showing first.
  void Show(const feed::Item* item, const std::string& lang, schedule::Mode mode, UnixSeconds start,
            int64_t mono_ms);
  // Closes the current showing (the screen went blank, or the kiosk stops).
  void Close(int64_t mono_ms);
  // Blocks until every finished showing is on disk.
  void Flush();

  uint64_t shown() const { return shown_; }
  const std::map<std::string, uint64_t>& shown_by_kind() const { return by_kind_; }

 private:
  std::unique_ptr<ops::PlayLog> log_;
  std::optional<ops::PlayRecord> showing_;  // seconds unset until it ends
  int64_t start_ms_ = 0;
  uint64_t shown_ = 0;
  std::map<std::string, uint64_t> by_kind_;
};

}  // namespace machikado::kiosk
