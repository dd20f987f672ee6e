// The kiosk's status, typed, and StatusFileWriter, which keeps <state-dir>/status.json in step
// with it for staff tooling, monitoring and tests (format: docs/status-file.md).
// Threads: the App calls StatusFileWriter::Update from the render thread every frame. Update
// compares the typed status with the last one it handed over (no allocation when unchanged) and,
// on a change, hands a copy to the writer's own thread, which serialises it and replaces the file
// atomically through FileSystem. The frame never waits on the disk: the only lock Update takes
// is held by the writer thread just long enough to take the pending status.
// If the disk is slower than the changes, intermediate states are skipped (the newest wins).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "config/transport.h"
#include "core/background_writer.h"
#include "core/clock.h"
#include "core/file_system.h"
#include "core/log.h"
#include "core/status.h"
#include "pipeline/clock_sanity.h"
#include "pipeline/snapshot.h"
#include "schedule/mode.h"

namespace machikado::kiosk {

// The status speaks the kiosk's own types: the schedule's Mode, the pipeline's feed state and
// time source, the configuration's transport (their names: docs/status-file.md). No mirrors.
using KioskMode = schedule::Mode;
using FeedState = pipeline::FeedReport::State;
using FeedTransport = config::Transport;
using ClockSource = pipeline::TimeSource;

// The names status.json uses: "rotation"…, "ok"…, "https"…, "system", "http-date",
// "feed-generated", and "unknown" for TimeSource::kNone.
std::string_view StatusName(ClockSource source);

struct SlideStatus {
  std::string id;    // the item id shown
  std::string kind;  // "news", "preparedness", "alert", "project"
  bool operator==(const SlideStatus&) const = default;
};

struct FeedStatus {
  std::string url;
  FeedTransport transport = FeedTransport::kHttps;
  FeedState state = FeedState::kOffline;
  std::optional<UnixSeconds> last_ok;       // last fetch that gave usable content (200 or 304)
  std::optional<UnixSeconds> last_attempt;  // last fetch attempt, whatever its outcome
  std::optional<std::string> last_error;  // why the last attempt failed; nullopt when it succeeded
  int items = 0;                          // items of this feed currently eligible to show
  bool from_cache = false;                // shown content came from the offline cache
  std::optional<int64_t> age_s;  // seconds since the shown content was fetched; ticks, not compared
  bool operator==(const FeedStatus&) const = default;
};

struct ClockStatus {
  UnixSeconds now = 0;  // the time the kiosk schedules with; ticks, not compared for changes
  ClockSource source = ClockSource::kSystem;  // kNone: no trustworthy time known
  bool trusted = true;                        // false when no trustworthy time is known
  int64_t offset_s = 0;                       // correction applied: now - system clock
  bool operator==(const ClockStatus&) const = default;
};

// What draws the screen and why (kiosk/renderer_choice.h).
struct RendererStatus {
  std::string name;        // SDL's renderer: "software", "opengl", "opengles2"
  std::string path;        // "software" or "gpu"
  std::string preference;  // display.renderer: "auto", "gpu", "software"
  std::string reason;      // one sentence
  bool operator==(const RendererStatus&) const = default;
};

// An image an item names that the kiosk refused (image gate: too large, wrong format…) or could not
// read; the item is shown without it.
struct RefusedImage {
  std::string url;
  std::string reason;
  bool operator==(const RefusedImage&) const = default;
};

// The media cache (media/media_cache.h) and the videos that could not be shown.
struct MediaStatus {
  uint64_t ready = 0;    // complete files
  uint64_t partial = 0;  // downloads in progress or waiting to resume
  uint64_t failed = 0;   // downloads refused for good (digest, size, cap)
  uint64_t bytes = 0;    // on disk
  uint64_t budget_bytes = 0;
  // Videos skipped with a reason: failed downloads and files the player refused (wrong container,
  // truncated, over 4K). At most kMaxRefusedImages are listed.
  std::vector<RefusedImage> skipped;
  bool operator==(const MediaStatus&) const = default;
};

// The video playing in the slide (kiosk/video_slot.h): what an operator (and the Xvfb test) can
// see of it without a screenshot.
struct VideoStatus {
  std::string url;
  std::string state;          // the player's: "loading", "playing", "paused", "ended"
  int box[4] = {0, 0, 0, 0};  // x, y, w, h of the video's box, in screen pixels
  std::string caption;        // the cue on screen ("" none)
  std::string caption_lang;   // the captions track's language
  bool operator==(const VideoStatus&) const = default;
};

// An item skipped because the kiosk died while preparing or showing it (ops/item_quarantine.h).
struct QuarantinedItem {
  std::string feed;   // the feed's id
  std::string id;     // the item's id
  std::string hash;   // the item's content hash: a changed item is shown again
  std::string phase;  // "preparing" or "showing"
  UnixSeconds since = 0;
  bool operator==(const QuarantinedItem&) const = default;
};

struct KioskStatus {
  KioskMode mode = KioskMode::kIdle;
  // Why the mode is idle: "quiet_hours", "not_configured" (no usable feed in the configuration),
  // "nothing_to_show" (no current item: feeds empty, rejected or all expired). nullopt otherwise.
  std::optional<std::string> idle_reason;
  std::optional<SlideStatus> slide;  // nullopt when nothing is shown
  std::vector<FeedStatus> feeds;     // in configuration order
  ClockStatus clock;
  std::optional<RendererStatus> renderer;    // nullopt until the display is open
  std::vector<RefusedImage> refused_images;  // at most kMaxRefusedImages, by URL
  std::vector<QuarantinedItem> quarantined;
  std::optional<MediaStatus> media;  // nullopt when the kiosk has no media cache
  std::optional<VideoStatus> video;  // nullopt when no video plays
  std::string version = MACHIKADO_VERSION;
  bool operator==(const KioskStatus&) const = default;
};

// True when a and b differ only in the fields that tick by themselves (clock.now, feeds[].age_s):
// such a change alone does not rewrite the file.
bool SameContent(const KioskStatus& a, const KioskStatus& b);

// status.json lists at most this many refused images (and says how many there were).
inline constexpr size_t kMaxRefusedImages = 50;

// The JSON document of docs/status-file.md, pretty-printed, ending in a newline. Invalid UTF-8
// in strings (e.g. an error message quoting a server) is replaced, never thrown.
std::string StatusToJson(const KioskStatus& status, UnixSeconds updated, int64_t pid);

struct StatusFileOptions {
  // Rewrite at least this often even without a change, so that monitoring can tell a live kiosk
  // from a hung one by `updated` (and see a fresh age_s). 0 disables the heartbeat.
  int64_t heartbeat_ms = 60 * 1000;
};

class StatusFileWriter {
 public:
  // `path` is usually <state-dir>/status.json; its directory must exist. `fs`, `clock` and `log`
  // must outlive the writer. `clock` stamps `updated` and paces the heartbeat.
  StatusFileWriter(std::string path, FileSystem& fs, const Clock& clock, Log& log,
                   StatusFileOptions options = {});
  // Writes the last pending status, then stops the thread.
  ~StatusFileWriter();
  StatusFileWriter(const StatusFileWriter&) = delete;
  StatusFileWriter& operator=(const StatusFileWriter&) = delete;

  // Render thread, every frame. Hands the status to the writer thread when its content changed
  // since the last hand-over, or when the heartbeat is due; otherwise returns at once.
  void Update(const KioskStatus& status);
  // Blocks until every status handed over so far has been written (or failed). Tests, shutdown.
  void Flush();

  struct Stats {
    uint64_t handed_over = 0;  // statuses given to the writer thread
    uint64_t written = 0;      // files written successfully
    uint64_t failed = 0;       // writes that failed (the previous file stays)
    Status last_error;         // of the last write: ok once a write succeeds again
  };
  Stats stats() const;

 private:
  void Write(const KioskStatus& status, UnixSeconds updated);  // on the writer's thread

  const std::string path_;
  FileSystem& fs_;
  const Clock& clock_;
  Log& log_;
  const StatusFileOptions options_;
  const int64_t pid_;

  // Render-thread state (only Update touches it).
  std::optional<KioskStatus> last_handed_;
  int64_t last_handed_ms_ = 0;

  mutable std::mutex mu_;  // guards stats_ (written by the writer's thread)
  Stats stats_;
  // Last: its thread uses the members above. kNewestOnly: a status not yet written is replaced.
  BackgroundWriter writer_{BackgroundWriter::Keep::kNewestOnly};
};

}  // namespace machikado::kiosk
