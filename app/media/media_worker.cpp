// MediaWorker (media_worker.h): the download queue, one resumable transfer at a time.
#include "media/media_worker.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "core/worker_thread.h"

namespace machikado::media {
namespace {

constexpr uint64_t kReserveStep = 8u << 20;    // budget taken ahead when the size is unknown
constexpr uint64_t kProgressEvery = 1u << 20;  // how often the cache hears of progress

// "bytes 1000-4999/5000" → start 1000, total 5000 (total -1 for "*"); false when malformed.
bool ParseContentRange(const std::string& v, uint64_t* start, int64_t* total) {
  if (v.rfind("bytes ", 0) != 0) return false;
  char* end = nullptr;
  const char* p = v.c_str() + 6;
  const unsigned long long s = std::strtoull(p, &end, 10);
  if (end == p || *end != '-') return false;
  const char* slash = std::strchr(end, '/');
  if (!slash) return false;
  *start = s;
  if (slash[1] == '*') {
    *total = -1;
    return true;
  }
  const long long t = std::strtoll(slash + 1, &end, 10);
  if (end == slash + 1 || t < 0) return false;
  *total = t;
  return true;
}

// Streams a response into the cache's partial file, checking sizes and the budget as it goes.
class PartialFileSink final : public net::BodySink {
 public:
  PartialFileSink(MediaCache& cache, const MediaWant& want, uint64_t have)
      : cache_(cache), want_(want), have_(have) {}

  bool Start(const net::HttpResponse& r) override {
    bool truncate = true;
    if (r.status == 206) {
      uint64_t start = 0;
      if (!ParseContentRange(r.content_range, &start, &total_) || start != have_)
        return Reject("the server resumed at a different place (" + r.content_range + ")");
      truncate = false;
      resumed_ = true;
    } else {
      have_ = 0;  // the whole file again
      total_ = r.content_length;
    }
    if (total_ >= 0 && want_.bytes && total_ != *want_.bytes)
      return Reject("the server's file is " + std::to_string(total_) + " bytes, the feed says " +
                    std::to_string(*want_.bytes));
    if (total_ >= 0 && !Reserve(static_cast<uint64_t>(total_))) return false;
    Result<std::unique_ptr<WritableFile>> f = cache_.OpenPartial(want_.url, truncate);
    if (!f.ok()) {
      io_error_ = f.status().message();
      return false;
    }
    file_ = std::move(f).value();
    return true;
  }

  bool Write(std::string_view bytes) override {
    const uint64_t size = have_ + written_ + bytes.size();
    if (total_ >= 0 && size > static_cast<uint64_t>(total_))
      return Reject("the server sent more than the " + std::to_string(total_) +
                    " bytes it announced");
    if (size > reserved_ &&
        !Reserve(std::min(size + kReserveStep, std::max(size, cache_.limits().max_file_bytes))))
      return false;
    Status s = file_->Append(bytes);
    if (!s.ok()) {
      io_error_ = s.message();
      return false;
    }
    written_ += bytes.size();
    if (written_ - reported_ >= kProgressEvery) {
      reported_ = written_;
      cache_.Progress(want_.url, have_ + written_, total_);
    }
    return true;
  }

  // Flushes the file to disk and reports the final size.
  Status Finish() {
    Status s = Status::Ok();
    if (file_) {
      s = file_->Sync();
      Status closed = file_->Close();
      if (s.ok()) s = closed;
    }
    cache_.Progress(want_.url, size(), total_);
    return s;
  }

  uint64_t size() const { return have_ + written_; }
  uint64_t written() const { return written_; }
  int64_t total() const { return total_; }
  bool resumed() const { return resumed_; }
  const std::string& rejected() const { return rejected_; }
  const std::string& io_error() const { return io_error_; }

 private:
  bool Reserve(uint64_t bytes) {
    Status s = cache_.Reserve(want_.url, bytes);
    if (!s.ok()) return Reject(s.message());
    reserved_ = bytes;
    return true;
  }
  bool Reject(std::string reason) {
    rejected_ = std::move(reason);
    return false;
  }

  MediaCache& cache_;
  const MediaWant& want_;
  uint64_t have_;
  uint64_t written_ = 0;
  uint64_t reported_ = 0;
  uint64_t reserved_ = 0;
  int64_t total_ = -1;
  bool resumed_ = false;
  std::unique_ptr<WritableFile> file_;
  std::string rejected_;
  std::string io_error_;
};

}  // namespace

MediaWorker::MediaWorker(MediaCache& cache, std::unique_ptr<net::HttpClient> client,
                         const Clock& clock, MediaWorkerOptions options)
    : cache_(cache), client_(std::move(client)), clock_(clock), options_(std::move(options)) {}

MediaWorker::~MediaWorker() {
  Stop();
}

void MediaWorker::SetWanted(std::vector<MediaWant> wants) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (wants == wanted_) return;
    wanted_ = std::move(wants);
    // A file the feed no longer asks for forgets its retry time; one it asks for anew is tried.
    std::erase_if(attempts_, [&](const auto& a) {
      return std::none_of(wanted_.begin(), wanted_.end(),
                          [&](const MediaWant& w) { return w.url == a.first; });
    });
    changed_ = true;
  }
  cv_.notify_all();
}

void MediaWorker::Start() {
  StartWorker(thread_, stop_, [this] { Run(); });
}

void MediaWorker::Stop() {
  StopWorker(thread_, stop_, mu_, cv_);
}

StepResult MediaWorker::Step() {
  std::optional<MediaWant> next;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const int64_t now = clock_.monotonic_ms();
    for (const MediaWant& w : wanted_) {
      std::optional<MediaEntry> e = cache_.Find(w.url);
      if (e && e->state == MediaState::kReady && e->sha256 == w.sha256) continue;
      auto a = std::find_if(attempts_.begin(), attempts_.end(),
                            [&](const auto& p) { return p.first == w.url; });
      if (a != attempts_.end() && a->second.next_try_ms > now) continue;
      next = w;
      break;
    }
  }
  if (!next) return StepResult::kIdle;
  const StepResult r = Download(*next);
  std::lock_guard<std::mutex> lock(mu_);
  auto a = std::find_if(attempts_.begin(), attempts_.end(),
                        [&](const auto& p) { return p.first == next->url; });
  if (r == StepResult::kReady) {
    if (a != attempts_.end()) attempts_.erase(a);
  } else {
    if (a == attempts_.end()) a = attempts_.insert(attempts_.end(), {next->url, {}});
    const int wait_s =
        r == StepResult::kFailed ? options_.retry_after_failure_s : options_.retry_after_error_s;
    a->second.next_try_ms = clock_.monotonic_ms() + int64_t{wait_s} * 1000;
  }
  return r;
}

StepResult MediaWorker::Download(const MediaWant& want) {
  Result<uint64_t> have = cache_.Begin(want.url, want.sha256);
  if (!have.ok()) return StepResult::kRetryLater;
  if (want.bytes) {
    Status s = cache_.Reserve(want.url, static_cast<uint64_t>(*want.bytes));
    if (!s.ok()) {
      cache_.CountRejected();
      cache_.Fail(want.url, s.message());
      return StepResult::kFailed;
    }
  }
  PartialFileSink sink(cache_, want, *have);
  net::FetchResult fetched;
  const bool already_whole = want.bytes && *have == static_cast<uint64_t>(*want.bytes);
  if (!already_whole) {
    net::HttpRequest req;
    req.url = want.url;
    req.expect = net::ExpectedContent::kMedia;
    const uint64_t cap = want.max_bytes > 0
                             ? std::min(want.max_bytes, cache_.limits().max_file_bytes)
                             : cache_.limits().max_file_bytes;
    req.max_body_bytes = cap - std::min(*have, cap);
    req.connect_timeout_ms = options_.connect_timeout_ms;
    req.total_timeout_ms = options_.transfer_timeout_ms;
    req.low_speed_bytes_per_s = options_.low_speed_bytes_per_s;
    req.low_speed_time_s = options_.low_speed_time_s;
    req.ca_file = options_.ca_file;
    req.cancel = &stop_;
    req.range_start = *have;
    req.sink = &sink;
    fetched = client_->Fetch(req);
  }
  Status flushed = sink.Finish();
  cache_.CountDownloaded(sink.written());
  if (sink.resumed()) cache_.CountResumed();
  if (!sink.rejected().empty()) {
    cache_.CountRejected();
    cache_.Fail(want.url, sink.rejected());
    return StepResult::kFailed;
  }
  if (!fetched.ok()) {
    if (fetched.response.status == 416) {  // the partial file does not fit the server's any more
      cache_.Fail(want.url, "the server refused to resume (HTTP 416); starting over");
      return StepResult::kRetryLater;
    }
    if (fetched.error.kind == net::FetchErrorKind::kTooLarge) {
      const uint64_t cap = want.max_bytes > 0
                               ? std::min(want.max_bytes, cache_.limits().max_file_bytes)
                               : cache_.limits().max_file_bytes;
      cache_.CountRejected();
      cache_.Fail(want.url,
                  "the file is larger than the limit of " + std::to_string(cap) + " bytes");
      return StepResult::kFailed;
    }
    std::string why = fetched.error.message;
    if (!sink.io_error().empty()) why += " (" + sink.io_error() + ")";
    cache_.NoteError(want.url, why);
    return StepResult::kRetryLater;
  }
  if (!flushed.ok()) {
    cache_.NoteError(want.url, flushed.message());
    return StepResult::kRetryLater;
  }
  const uint64_t size = already_whole ? *have : sink.size();
  const int64_t total = already_whole ? *want.bytes : sink.total();
  if (size == 0) {
    cache_.CountRejected();
    cache_.Fail(want.url, "the server sent an empty file");
    return StepResult::kFailed;
  }
  if (total >= 0 && size != static_cast<uint64_t>(total)) {
    cache_.NoteError(want.url, "the transfer ended after " + std::to_string(size) + " of " +
                                   std::to_string(total) + " bytes");
    return StepResult::kRetryLater;
  }
  if (!want.sha256.empty()) {
    Result<std::string> digest = cache_.PartialSha256(want.url);
    if (!digest.ok()) {
      cache_.NoteError(want.url, digest.status().message());
      return StepResult::kRetryLater;
    }
    if (*digest != want.sha256) {
      cache_.CountDigestMismatch();
      cache_.Fail(want.url, "the downloaded file's sha256 is " + *digest + ", the feed says " +
                                want.sha256 + " (the file was changed or damaged on the way)");
      return StepResult::kFailed;
    }
  }
  Status done = cache_.Complete(want.url);
  if (!done.ok()) {
    cache_.NoteError(want.url, done.message());
    return StepResult::kRetryLater;
  }
  if (on_ready_) on_ready_(want.url);
  return StepResult::kReady;
}

void MediaWorker::Run() {
  while (!stop_) {
    const StepResult r = Step();
    if (r != StepResult::kIdle) continue;
    std::unique_lock<std::mutex> lock(mu_);
    // Nothing due: sleep until the earliest retry (at most a minute) or a new wanted list.
    int64_t wait_ms = 60'000;
    const int64_t now = clock_.monotonic_ms();
    for (const auto& [url, a] : attempts_)
      wait_ms = std::min(wait_ms, std::max<int64_t>(a.next_try_ms - now, 0) + 1);
    cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stop_ || changed_; });
    changed_ = false;
  }
}

}  // namespace machikado::media
