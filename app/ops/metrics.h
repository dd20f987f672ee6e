// Metrics: the kiosk's health in Prometheus text exposition format, for node_exporter's
// textfile collector (docs/operations.md). The App fills a KioskMetrics value; FormatMetrics turns
// it into text; it is written atomically (<name>.prom) by the status writer thread. Value types;
// pure.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <optional>

#include "core/clock.h"
#include "media/media_cache.h"

namespace machikado::ops {

struct FeedMetrics {
  std::string url;
  std::string state;        // ok | offline | rejected
  UnixSeconds last_ok = 0;  // 0 = never
  uint64_t items = 0;
  std::map<std::string, uint64_t> fetch_errors;  // by kind: timeout, http_status, rejected, …
  uint64_t fetches = 0;
  uint64_t not_modified = 0;  // 304 answers
};

// Running frame-time statistics: a bounded reservoir of recent frame times for quantiles.
class FrameTimes {
 public:
  explicit FrameTimes(size_t capacity = 1024) : capacity_(capacity) {}
  void Add(double ms);
  double Quantile(double q) const;  // 0 when empty
  uint64_t count() const { return count_; }
  double sum_ms() const { return sum_ms_; }

 private:
  size_t capacity_;
  std::vector<double> recent_;
  size_t next_ = 0;
  uint64_t count_ = 0;
  double sum_ms_ = 0;
};

struct KioskMetrics {
  std::string version;
  std::string mode;  // rotation | detail | emergency | idle
  UnixSeconds now = 0;
  double uptime_s = 0;
  uint64_t rss_bytes = 0;
  int64_t open_fds = -1;  // -1 = unknown (not exported)
  int64_t threads = -1;   // -1 = unknown (not exported)
  // Live SDL textures by owner (slide text/image caches, prepared slides, detail view, …): the sum
  // is machikado_textures. Counted from what each owner holds, so it is exact for them.
  std::map<std::string, uint64_t> textures_by_owner;
  uint64_t detail_opens = 0;  // detail views opened by visitors since start
  uint64_t slides_shown = 0;
  std::map<std::string, uint64_t> slides_by_kind;
  std::vector<FeedMetrics> feeds;
  const FrameTimes* frames = nullptr;
  bool clock_trusted = true;
  // What draws the screen (empty name: not known yet, not exported).
  std::string renderer_name;                  // SDL's: software, opengl, opengles2
  std::string renderer_path;                  // software | gpu
  std::string renderer_reason;                // why it was chosen
  uint64_t quarantined_items = 0;             // items skipped because a run died on them
  uint64_t quarantined_this_run = 0;          // of which quarantined at this start (0 or 1)
  uint64_t refused_images = 0;                // images of current items the image gate refused
  std::optional<media::MediaCounters> media;  // the media cache's, when the kiosk has one
  uint64_t videos_refused = 0;  // video files the player refused (wrong container, over 4K, …)
};

std::string FormatMetrics(const KioskMetrics& m);

// A Prometheus label value with backslash, double quote and newline escaped (text format 0.0.4).
std::string EscapeLabelValue(const std::string& s);

}  // namespace machikado::ops
