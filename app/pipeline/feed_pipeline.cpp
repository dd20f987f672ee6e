#include "pipeline/feed_pipeline.h"

#include <algorithm>
#include <chrono>

#include "core/worker_thread.h"
#include "feed/shelter_refs.h"
#include "net/file_source.h"
#include "net/http_date.h"
#include "trust/image_digest.h"

namespace machikado::pipeline {

FeedPipeline::FeedPipeline(PipelineConfig config, net::HttpClient& client, FeedStore* store,
                           const Clock& clock, ClockSanity& clock_sanity, Log& log,
                           std::function<void()> wake)
    : config_(std::move(config)),
      client_(client),
      store_(store),
      clock_(clock),
      sanity_(clock_sanity),
      log_(log),
      handoff_(std::move(wake)) {
  uint64_t seed = config_.seed;
  for (const config::FeedSource& source : config_.feeds) {
    net::PollConfig poll = config_.poll;
    poll.interval_s = source.poll_interval_s;
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;  // a distinct stream per feed
    auto slot =
        std::make_unique<Slot>(Slot{source, net::PollPolicy(poll, seed), {}, {}, {}, {}, 0});
    slot->report.url = source.url;
    slots_.push_back(std::move(slot));
  }
}

FeedPipeline::~FeedPipeline() {
  Stop();
}

void FeedPipeline::Start() {
  StartWorker(worker_, stop_, [this] { WorkerMain(); });
}

void FeedPipeline::Stop() {
  StopWorker(worker_, stop_, mu_, cv_);
}

void FeedPipeline::PollNow() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    poll_now_ = true;
  }
  cv_.notify_all();
}

void FeedPipeline::WorkerMain() {
  LoadCache();
  while (!stop_) {
    const int64_t wait_ms = std::clamp<int64_t>(RunDue(), 0, 60'000);
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stop_ || poll_now_; });
  }
}

void FeedPipeline::LoadCache() {
  const int64_t mono = clock_.monotonic_ms();
  for (auto& slot : slots_) {
    slot->due_ms = mono + slot->policy.FirstDelayMs();
    if (!store_) continue;
    Result<cache::CachedFeed> cached = store_->LoadFeed(slot->source.url);
    if (!cached.ok()) {
      if (cached.status().code() != StatusCode::kNotFound) {
        log_.warn("cache: " + slot->source.url + ": " + cached.status().message());
      }
      continue;
    }
    feed::ParseOutcome outcome = feed::ParseFeed(cached->body, config_.limits, slot->source.url);
    if (!outcome.feed) {
      log_.warn("cache: the cached copy of " + slot->source.url + " is no longer accepted");
      continue;
    }
    slot->feed = std::make_shared<const feed::Feed>(std::move(*outcome.feed));
    slot->etag = cached->etag;
    slot->last_modified = cached->last_modified;
    FeedReport& r = slot->report;
    r.feed_id = slot->feed->id;
    r.items = slot->feed->items.size();
    r.item_errors = outcome.errors.size();
    r.from_cache = true;
    r.content_fetched_at = cached->fetched_at;
    r.generated = slot->feed->generated;
    r.title = slot->feed->title;
    sanity_.ObserveFeedGenerated(slot->feed->generated);
  }
  dirty_ = true;
  RefreshImages();
  Publish();
}

int64_t FeedPipeline::RunDue() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (poll_now_) {
      poll_now_ = false;
      for (auto& slot : slots_) slot->due_ms = clock_.monotonic_ms();
    }
  }
  bool polled = false;
  for (auto& slot : slots_) {
    if (stop_) break;
    if (slot->due_ms <= clock_.monotonic_ms()) {
      Poll(*slot);
      polled = true;
    }
  }
  if (dirty_ || ImageRetryDue()) RefreshImages();
  if (polled || dirty_) Publish();
  // Images only while no feed is due, one at a time, so an alert feed is never kept waiting long.
  while (config_.fetch_images && !pending_images_.empty() && !stop_ && NextDueInMs() > 0) {
    std::string url = pending_images_.back();
    pending_images_.pop_back();
    FetchOneImage(url);
    Publish();  // a new image, or a new reason why an item shows without one
  }
  return NextDueInMs();
}

int64_t FeedPipeline::NextDueInMs() const {
  if (slots_.empty()) return 60'000;
  int64_t next = slots_.front()->due_ms;
  for (const auto& slot : slots_) next = std::min(next, slot->due_ms);
  return std::max<int64_t>(0, next - clock_.monotonic_ms());
}

void FeedPipeline::Poll(Slot& slot) {
  UnixSeconds now = sanity_.CorrectedNow();
  slot.report.last_attempt = now;
  net::HttpRequest req = config_.request;
  req.url = slot.source.url;
  req.expect = net::ExpectedContent::kFeedJson;
  req.max_body_bytes = config_.limits.max_body_bytes;
  req.cancel = &stop_;
  // Validators only for content we still hold: a 304 must always have something to confirm.
  req.if_none_match = slot.feed ? slot.etag : "";
  req.if_modified_since = slot.feed ? slot.last_modified : "";
  const net::FetchResult r = client_.Fetch(req);
  const int status = r.response.status;
  ++slot.report.fetches;
  const auto corrected_now = [&] {
    const UnixSeconds t = sanity_.CorrectedNow();
    slot.report.last_attempt =
        t;  // re-read: this fetch's Date header may just have fixed the clock
    return t;
  };

  if (!net::IsLocalSource(slot.source.url) && (status == 304 || (status >= 200 && status < 300))) {
    if (std::optional<UnixSeconds> date = net::ParseHttpDate(r.response.date)) {
      sanity_.ObserveHttpDate(*date);
    }
  }
  now = corrected_now();
  if (!r.ok()) {
    if (r.error.kind == net::FetchErrorKind::kCancelled) return;
    // Over the byte cap is a feed-level limit of FEED-v1: the server answered, the content is
    // refused.
    const FeedReport::State state = r.error.kind == net::FetchErrorKind::kTooLarge
                                        ? FeedReport::State::kRejected
                                        : FeedReport::State::kOffline;
    Fail(slot, state, std::string(net::FetchErrorKindName(r.error.kind)), r.error.message, status,
         net::ParseRetryAfter(r.response.retry_after, r.response.date, now));
    return;
  }
  if (r.response.not_modified()) {
    if (!slot.feed) {
      Fail(slot, FeedReport::State::kOffline, "protocol",
           slot.source.url + ": the server answered 304 Not Modified to an unconditional request",
           status, std::nullopt);
      return;
    }
    FeedReport& rep = slot.report;
    if (rep.state != FeedReport::State::kOk) log_.info("feed " + slot.source.url + ": ok again");
    rep.state = FeedReport::State::kOk;
    rep.last_ok = now;
    rep.last_error.clear();
    rep.last_error_kind.clear();
    rep.http_status = status;
    rep.from_cache = false;  // the server confirmed the content we hold
    ++rep.not_modified;
    rep.consecutive_failures = 0;
    slot.due_ms = clock_.monotonic_ms() + slot.policy.OnSuccess(slot.feed->ttl_s);
    return;
  }
  if (config_.verifier.required() && !VerifySignature(slot, r)) return;
  Accept(slot, r, now);
}

bool FeedPipeline::VerifySignature(Slot& slot, const net::FetchResult& fetched) {
  net::HttpRequest req = config_.request;
  req.url = trust::SignatureUrl(slot.source.url);
  req.expect = net::ExpectedContent::kAny;
  req.max_body_bytes = config_.verifier.limits().max_file_bytes;
  req.cancel = &stop_;
  const net::FetchResult sig = client_.Fetch(req);
  if (!sig.ok() && sig.error.kind == net::FetchErrorKind::kCancelled) return false;
  std::optional<std::string_view> minisig;
  if (sig.ok() && sig.response.status >= 200 && sig.response.status < 300) {
    minisig = sig.response.body;
  } else if (!(sig.response.status == 404 ||
               (!sig.ok() && sig.error.kind == net::FetchErrorKind::kFile))) {
    // The signature could not be fetched (network, server): not a verdict on the feed.
    Fail(slot, FeedReport::State::kOffline, "signature_fetch",
         slot.source.url + ": cannot fetch its signature " + req.url + ": " + sig.error.message,
         sig.response.status, std::nullopt);
    return false;
  }
  const trust::FeedVerification v = config_.verifier.Verify(fetched.response.body, minisig);
  if (v.ok()) return true;
  Fail(slot, FeedReport::State::kRejected, "signature", slot.source.url + ": " + v.message,
       fetched.response.status, std::nullopt);
  return false;
}

void FeedPipeline::Accept(Slot& slot, const net::FetchResult& fetched, UnixSeconds now) {
  const net::HttpResponse& resp = fetched.response;
  const std::string base = resp.effective_url.empty() ? slot.source.url : resp.effective_url;
  feed::ParseOutcome outcome = feed::ParseFeed(resp.body, config_.limits, base);
  if (!outcome.feed) {
    std::string why = "the feed was rejected";
    for (const feed::FeedError& e : outcome.errors) {
      if (e.level != feed::FeedError::Level::kFeed) continue;
      why = (e.pointer.empty() ? std::string() : e.pointer + ": ") + e.message;
      break;
    }
    Fail(slot, FeedReport::State::kRejected, "rejected", slot.source.url + ": " + why, resp.status,
         std::nullopt);
    return;
  }
  auto feed = std::make_shared<const feed::Feed>(std::move(*outcome.feed));
  FeedReport& rep = slot.report;
  if (store_) {
    Status stored =
        store_->StoreFeed({slot.source.url, resp.body, resp.etag, resp.last_modified, now});
    if (!stored.ok()) {
      if (rep.cache_error != stored.message()) log_.error("cache: " + stored.message());
      rep.cache_error = stored.message();
    } else {
      rep.cache_error.clear();
    }
  }
  if (rep.state != FeedReport::State::kOk) log_.info("feed " + slot.source.url + ": ok");
  slot.feed = feed;
  slot.etag = resp.etag;
  slot.last_modified = resp.last_modified;
  rep.state = FeedReport::State::kOk;
  rep.feed_id = feed->id;
  rep.items = feed->items.size();
  rep.item_errors = outcome.errors.size();
  rep.last_ok = now;
  rep.last_error.clear();
  rep.last_error_kind.clear();
  rep.http_status = resp.status;
  rep.from_cache = false;
  rep.content_fetched_at = now;
  rep.generated = feed->generated;
  rep.title = feed->title;
  rep.consecutive_failures = 0;
  sanity_.ObserveFeedGenerated(feed->generated);
  slot.due_ms = clock_.monotonic_ms() + slot.policy.OnSuccess(feed->ttl_s);
  dirty_ = true;
}

void FeedPipeline::Fail(Slot& slot, FeedReport::State state, std::string kind, std::string message,
                        int http_status, std::optional<int64_t> retry_after_s) {
  FeedReport& rep = slot.report;
  if (rep.last_error != message) log_.warn("feed " + message);  // once per distinct error
  rep.state = state;
  rep.last_error = std::move(message);
  ++rep.errors_by_kind[kind];
  rep.last_error_kind = std::move(kind);
  rep.http_status = http_status;
  slot.due_ms = clock_.monotonic_ms() + slot.policy.OnFailure(http_status, retry_after_s);
  rep.consecutive_failures = slot.policy.consecutive_failures();
}

void FeedPipeline::Publish() {
  auto snap = std::make_shared<Snapshot>();
  if (dirty_) ++content_version_;
  dirty_ = false;
  snap->sequence = ++sequence_;
  snap->content_version = content_version_;
  snap->made_at = sanity_.CorrectedNow();
  snap->clock = sanity_.Report();
  // Alerts may list shelters by reference to the register of any feed (config order wins).
  auto merged = std::make_shared<feed::ShelterRegister>();
  feed::ShelterRegister& shelters = *merged;
  for (const auto& slot : slots_)
    if (slot->feed) shelters.Add(slot->feed->shelters);
  snap->shelters = merged;
  for (const auto& slot : slots_) {
    snap->feeds.push_back(slot->report);
    if (!slot->feed) continue;
    for (const feed::Item& item : slot->feed->items) {
      if (feed::HasShelterRefs(item)) {
        auto resolved = std::make_shared<feed::Item>(item);
        feed::ResolveShelterRefs(resolved.get(), shelters);
        snap->items.push_back(std::move(resolved));
        continue;
      }
      snap->items.push_back(std::shared_ptr<const feed::Item>(slot->feed, &item));  // aliasing
    }
  }
  snap->images = images_;
  snap->image_errors = image_errors_;
  handoff_.Publish(std::move(snap));
}

}  // namespace machikado::pipeline
