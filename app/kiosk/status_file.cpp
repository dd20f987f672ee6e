#include "kiosk/status_file.h"

#include <unistd.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "platform/rfc3339_utc.h"

namespace machikado::kiosk {

namespace {

using Json = nlohmann::ordered_json;

Json Time(std::optional<UnixSeconds> t) {
  if (!t) return nullptr;
  std::optional<std::string> s = platform::FormatRfc3339Utc(*t);
  return s ? Json(*s) : Json(nullptr);
}

}  // namespace

std::string_view StatusName(ClockSource source) {
  return source == ClockSource::kNone ? "unknown" : pipeline::TimeSourceName(source);
}

bool SameContent(const KioskStatus& a, const KioskStatus& b) {
  if (a.mode != b.mode || a.idle_reason != b.idle_reason || a.slide != b.slide ||
      a.version != b.version || a.renderer != b.renderer)
    return false;
  if (a.clock.source != b.clock.source || a.clock.trusted != b.clock.trusted ||
      a.clock.offset_s != b.clock.offset_s) {
    return false;
  }
  if (a.refused_images != b.refused_images || a.quarantined != b.quarantined) return false;
  if (a.media != b.media || a.video != b.video) return false;
  if (a.feeds.size() != b.feeds.size()) return false;
  for (size_t i = 0; i < a.feeds.size(); ++i) {
    const FeedStatus& x = a.feeds[i];
    const FeedStatus& y = b.feeds[i];
    if (x.url != y.url || x.transport != y.transport || x.state != y.state ||
        x.last_ok != y.last_ok || x.last_attempt != y.last_attempt ||
        x.last_error != y.last_error || x.items != y.items || x.from_cache != y.from_cache ||
        x.age_s.has_value() != y.age_s.has_value()) {
      return false;
    }
  }
  return true;
}

std::string StatusToJson(const KioskStatus& s, UnixSeconds updated, int64_t pid) {
  Json doc;
  doc["mode"] = std::string(schedule::ModeName(s.mode));
  doc["idle_reason"] = s.idle_reason ? Json(*s.idle_reason) : Json(nullptr);
  doc["slide"] = s.slide ? Json{{"id", s.slide->id}, {"kind", s.slide->kind}} : Json(nullptr);
  Json feeds = Json::array();
  for (const FeedStatus& f : s.feeds) {
    Json j;
    j["url"] = f.url;
    j["transport"] = std::string(config::TransportName(f.transport));
    j["state"] = std::string(pipeline::FeedStateName(f.state));
    j["last_ok"] = Time(f.last_ok);
    j["last_attempt"] = Time(f.last_attempt);
    j["last_error"] = f.last_error ? Json(*f.last_error) : Json(nullptr);
    j["items"] = f.items;
    j["from_cache"] = f.from_cache;
    j["age_s"] = f.age_s ? Json(*f.age_s) : Json(nullptr);
    feeds.push_back(std::move(j));
  }
  doc["feeds"] = std::move(feeds);
  doc["clock"] = Json{{"now", Time(s.clock.now)},
                      {"source", std::string(StatusName(s.clock.source))},
                      {"trusted", s.clock.trusted},
                      {"offset_s", s.clock.offset_s}};
  doc["renderer"] = s.renderer ? Json{{"name", s.renderer->name},
                                      {"path", s.renderer->path},
                                      {"preference", s.renderer->preference},
                                      {"reason", s.renderer->reason}}
                               : Json(nullptr);
  Json refused = Json::array();
  for (size_t i = 0; i < s.refused_images.size() && i < kMaxRefusedImages; ++i)
    refused.push_back(
        Json{{"url", s.refused_images[i].url}, {"reason", s.refused_images[i].reason}});
  doc["refused_images"] = std::move(refused);
  doc["refused_images_total"] = s.refused_images.size();
  Json quarantined = Json::array();
  for (const QuarantinedItem& q : s.quarantined)
    quarantined.push_back(Json{{"feed", q.feed},
                               {"id", q.id},
                               {"content_hash", q.hash},
                               {"phase", q.phase},
                               {"since", Time(q.since)}});
  doc["quarantined"] = std::move(quarantined);
  if (s.media) {
    Json skipped = Json::array();
    for (size_t i = 0; i < s.media->skipped.size() && i < kMaxRefusedImages; ++i)
      skipped.push_back(
          Json{{"url", s.media->skipped[i].url}, {"reason", s.media->skipped[i].reason}});
    doc["media"] = Json{{"ready", s.media->ready},
                        {"partial", s.media->partial},
                        {"failed", s.media->failed},
                        {"bytes", s.media->bytes},
                        {"budget_bytes", s.media->budget_bytes},
                        {"skipped", std::move(skipped)},
                        {"skipped_total", s.media->skipped.size()}};
  } else {
    doc["media"] = nullptr;
  }
  if (s.video)
    doc["video"] =
        Json{{"url", s.video->url},
             {"state", s.video->state},
             {"box", {s.video->box[0], s.video->box[1], s.video->box[2], s.video->box[3]}},
             {"caption", s.video->caption},
             {"caption_lang", s.video->caption_lang}};
  else
    doc["video"] = nullptr;
  doc["version"] = s.version;
  doc["updated"] = Time(updated);
  doc["pid"] = pid;
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

StatusFileWriter::StatusFileWriter(std::string path, FileSystem& fs, const Clock& clock, Log& log,
                                   StatusFileOptions options)
    : path_(std::move(path)),
      fs_(fs),
      clock_(clock),
      log_(log),
      options_(options),
      pid_(::getpid()) {}

StatusFileWriter::~StatusFileWriter() = default;  // the writer writes the last pending status

void StatusFileWriter::Update(const KioskStatus& status) {
  const int64_t now_ms = clock_.monotonic_ms();
  if (last_handed_ && SameContent(*last_handed_, status)) {
    const bool heartbeat_due =
        options_.heartbeat_ms > 0 && now_ms - last_handed_ms_ >= options_.heartbeat_ms;
    if (!heartbeat_due) return;
  }
  last_handed_ = status;
  last_handed_ms_ = now_ms;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.handed_over;
  }
  writer_.Post([this, status, updated = clock_.now()] { Write(status, updated); });
}

void StatusFileWriter::Flush() {
  writer_.Flush();
}

StatusFileWriter::Stats StatusFileWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void StatusFileWriter::Write(const KioskStatus& status, UnixSeconds updated) {
  Status s = fs_.WriteFileAtomic(path_, StatusToJson(status, updated, pid_));
  std::string note;  // logged outside the lock: the log may block (a full pipe to journald)
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (s.ok()) {
      ++stats_.written;
      if (!stats_.last_error.ok()) note = "the status file is written again: " + path_;
      stats_.last_error = Status::Ok();
    } else {
      ++stats_.failed;
      // Log a new kind of failure once, not on every change or heartbeat.
      if (s.message() != stats_.last_error.message())
        note = "cannot update the status file (retried on the next change or heartbeat): " +
               s.message();
      stats_.last_error = s;
    }
  }
  if (note.empty()) return;
  if (s.ok())
    log_.info(note);
  else
    log_.warn(note);
}

}  // namespace machikado::kiosk
