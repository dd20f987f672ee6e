#include "ops/metrics.h"

#include <algorithm>
#include <cstdio>

namespace machikado::ops {

void FrameTimes::Add(double ms) {
  ++count_;
  sum_ms_ += ms;
  if (recent_.size() < capacity_) {
    recent_.push_back(ms);
  } else {
    recent_[next_] = ms;
    next_ = (next_ + 1) % capacity_;
  }
}

double FrameTimes::Quantile(double q) const {
  if (recent_.empty()) return 0;
  std::vector<double> v = recent_;
  size_t k = static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

namespace {

class Writer {
 public:
  void Header(const char* name, const char* type, const char* help) {
    out_ += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
  }
  void Sample(const std::string& name, const std::string& labels, double v) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.17g", v);
    out_ += name + (labels.empty() ? "" : "{" + labels + "}") + " " + buf + "\n";
  }
  std::string str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace

std::string FormatMetrics(const KioskMetrics& m) {
  Writer w;
  w.Header("machikado_build_info", "gauge", "Version of the running kiosk.");
  w.Sample("machikado_build_info", "version=\"" + EscapeLabelValue(m.version) + "\"", 1);
  if (!m.renderer_name.empty()) {
    w.Header("machikado_renderer_info", "gauge",
             "The renderer drawing the screen, its path (gpu or software) and why it was chosen.");
    w.Sample("machikado_renderer_info",
             "renderer=\"" + EscapeLabelValue(m.renderer_name) + "\",path=\"" +
                 EscapeLabelValue(m.renderer_path) + "\",reason=\"" +
                 EscapeLabelValue(m.renderer_reason) + "\"",
             1);
  }
  w.Header("machikado_uptime_seconds", "gauge", "Seconds since the kiosk started.");
  w.Sample("machikado_uptime_seconds", "", m.uptime_s);
  w.Header("machikado_resident_memory_bytes", "gauge", "Resident set size of the kiosk process.");
  w.Sample("machikado_resident_memory_bytes", "", static_cast<double>(m.rss_bytes));
  if (m.open_fds >= 0) {
    w.Header("machikado_open_fds", "gauge", "Open file descriptors of the kiosk process.");
    w.Sample("machikado_open_fds", "", static_cast<double>(m.open_fds));
  }
  if (m.threads >= 0) {
    w.Header("machikado_threads", "gauge", "Threads of the kiosk process.");
    w.Sample("machikado_threads", "", static_cast<double>(m.threads));
  }
  uint64_t textures = 0;
  for (const auto& [owner, n] : m.textures_by_owner) textures += n;
  w.Header("machikado_textures", "gauge", "Live SDL textures (all owners).");
  w.Sample("machikado_textures", "", static_cast<double>(textures));
  w.Header("machikado_textures_by_owner", "gauge", "Live SDL textures, by owner.");
  for (const auto& [owner, n] : m.textures_by_owner)
    w.Sample("machikado_textures_by_owner", "owner=\"" + EscapeLabelValue(owner) + "\"",
             static_cast<double>(n));
  w.Header("machikado_detail_opens_total", "counter", "Detail views opened by visitors.");
  w.Sample("machikado_detail_opens_total", "", static_cast<double>(m.detail_opens));
  w.Header("machikado_mode", "gauge", "1 for the current display mode.");
  for (const char* mode : {"rotation", "detail", "emergency", "idle"})
    w.Sample("machikado_mode", std::string("mode=\"") + mode + "\"", m.mode == mode ? 1 : 0);
  w.Header("machikado_clock_trusted", "gauge", "1 when the wall clock is believed correct.");
  w.Sample("machikado_clock_trusted", "", m.clock_trusted ? 1 : 0);
  w.Header("machikado_quarantined_items", "gauge",
           "Items skipped because the kiosk died while preparing or showing them.");
  w.Sample("machikado_quarantined_items", "", static_cast<double>(m.quarantined_items));
  w.Header("machikado_quarantined_at_start", "gauge",
           "Items quarantined at this start (the previous run died on them).");
  w.Sample("machikado_quarantined_at_start", "", static_cast<double>(m.quarantined_this_run));
  w.Header("machikado_refused_images", "gauge",
           "Images of current items refused by the image gate (shown without them).");
  w.Sample("machikado_refused_images", "", static_cast<double>(m.refused_images));
  if (m.media) {
    const media::MediaCounters& c = *m.media;
    w.Header("machikado_media_files", "gauge", "Files in the media cache, by state.");
    w.Sample("machikado_media_files", "state=\"ready\"", static_cast<double>(c.ready));
    w.Sample("machikado_media_files", "state=\"partial\"", static_cast<double>(c.partial));
    w.Sample("machikado_media_files", "state=\"failed\"", static_cast<double>(c.failed));
    w.Header("machikado_media_bytes", "gauge", "Bytes of the media cache on disk.");
    w.Sample("machikado_media_bytes", "", static_cast<double>(c.bytes_on_disk));
    w.Header("machikado_media_budget_bytes", "gauge", "The media cache's byte budget.");
    w.Sample("machikado_media_budget_bytes", "", static_cast<double>(c.budget_bytes));
    w.Header("machikado_media_downloads_total", "counter",
             "Media transfers since start, by outcome.");
    const std::pair<const char*, uint64_t> outcomes[] = {{"completed", c.downloads_completed},
                                                         {"resumed", c.downloads_resumed},
                                                         {"error", c.download_errors},
                                                         {"digest_mismatch", c.digest_mismatches},
                                                         {"rejected", c.files_rejected}};
    for (const auto& [name, n] : outcomes)
      w.Sample("machikado_media_downloads_total", std::string("outcome=\"") + name + "\"",
               static_cast<double>(n));
    w.Header("machikado_media_downloaded_bytes_total", "counter", "Media bytes downloaded.");
    w.Sample("machikado_media_downloaded_bytes_total", "", static_cast<double>(c.bytes_downloaded));
    w.Header("machikado_media_evictions_total", "counter",
             "Files removed from the media cache to make room (least recently shown first).");
    w.Sample("machikado_media_evictions_total", "", static_cast<double>(c.evictions));
    w.Header("machikado_videos_refused", "gauge",
             "Video files of current items the player refused (skipped with a reason).");
    w.Sample("machikado_videos_refused", "", static_cast<double>(m.videos_refused));
  }
  w.Header("machikado_slides_shown_total", "counter", "Slides shown since start, by kind.");
  for (const auto& [kind, n] : m.slides_by_kind)
    w.Sample("machikado_slides_shown_total", "kind=\"" + EscapeLabelValue(kind) + "\"",
             static_cast<double>(n));
  if (m.slides_by_kind.empty()) w.Sample("machikado_slides_shown_total", "kind=\"news\"", 0);

  w.Header("machikado_feed_up", "gauge", "1 when the feed's last fetch succeeded (state ok).");
  for (const auto& f : m.feeds)
    w.Sample("machikado_feed_up", "url=\"" + EscapeLabelValue(f.url) + "\"",
             f.state == "ok" ? 1 : 0);
  w.Header("machikado_feed_state", "gauge", "1 for the feed's current state.");
  for (const auto& f : m.feeds)
    for (const char* s : {"ok", "offline", "rejected"})
      w.Sample("machikado_feed_state",
               "url=\"" + EscapeLabelValue(f.url) + "\",state=\"" + s + "\"", f.state == s ? 1 : 0);
  w.Header("machikado_feed_last_success_age_seconds", "gauge",
           "Seconds since the feed was last fetched successfully (-1 = never).");
  for (const auto& f : m.feeds)
    w.Sample("machikado_feed_last_success_age_seconds", "url=\"" + EscapeLabelValue(f.url) + "\"",
             f.last_ok > 0 ? static_cast<double>(m.now - f.last_ok) : -1);
  w.Header("machikado_feed_items", "gauge", "Valid items in the feed's last good content.");
  for (const auto& f : m.feeds)
    w.Sample("machikado_feed_items", "url=\"" + EscapeLabelValue(f.url) + "\"",
             static_cast<double>(f.items));
  w.Header("machikado_feed_fetches_total", "counter", "Fetch attempts per feed.");
  for (const auto& f : m.feeds)
    w.Sample("machikado_feed_fetches_total", "url=\"" + EscapeLabelValue(f.url) + "\"",
             static_cast<double>(f.fetches));
  w.Header("machikado_feed_not_modified_total", "counter", "Fetches answered 304 Not Modified.");
  for (const auto& f : m.feeds)
    w.Sample("machikado_feed_not_modified_total", "url=\"" + EscapeLabelValue(f.url) + "\"",
             static_cast<double>(f.not_modified));
  w.Header("machikado_fetch_errors_total", "counter", "Failed fetches per feed, by kind of error.");
  for (const auto& f : m.feeds)
    for (const auto& [kind, n] : f.fetch_errors)
      w.Sample("machikado_fetch_errors_total",
               "url=\"" + EscapeLabelValue(f.url) + "\",kind=\"" + EscapeLabelValue(kind) + "\"",
               static_cast<double>(n));

  if (m.frames) {
    w.Header("machikado_frame_time_milliseconds", "summary",
             "Time to draw a frame (recent frames).");
    for (double q : {0.5, 0.9, 0.99})
      w.Sample("machikado_frame_time_milliseconds",
               "quantile=\"" + std::to_string(q).substr(0, 4) + "\"", m.frames->Quantile(q));
    w.Sample("machikado_frame_time_milliseconds_sum", "", m.frames->sum_ms());
    w.Sample("machikado_frame_time_milliseconds_count", "", static_cast<double>(m.frames->count()));
  }
  return w.str();
}

std::string EscapeLabelValue(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace machikado::ops
