// FeedPipeline's item images (see feed_pipeline.h): which images the accepted feeds want, fetching
// them (http(s) or file://), the image gate and the digest rule, and retrying failed ones. Runs on
// the pipeline's worker thread (or the caller's, in synchronous mode) like the rest of the class.
#include <algorithm>

#include "net/file_source.h"
#include "pipeline/feed_pipeline.h"
#include "trust/image_digest.h"

namespace machikado::pipeline {

bool FeedPipeline::ImageRetryDue() const {
  if (!config_.fetch_images || !pending_images_.empty()) return false;
  const int64_t mono = clock_.monotonic_ms();
  for (const auto& [url, failed_at] : image_failed_at_ms_) {
    if (mono - failed_at >= int64_t{config_.image_retry_s} * 1000) return true;
  }
  return false;
}

Status FeedPipeline::AcceptImage(const std::string& url, const std::string& bytes,
                                 media::ImageInfo* info) const {
  Result<media::ImageInfo> checked = media::CheckImage(bytes, config_.image_limits);
  if (!checked.ok()) return checked.status();
  *info = *checked;
  const auto rule = image_rules_.find(url);
  trust::ImageDigestPolicy policy;
  policy.signatures_required = config_.verifier.required();
  policy.allow_unhashed_images = rule != image_rules_.end() && rule->second.allow_unhashed;
  return trust::CheckImageDigest(url, bytes, rule != image_rules_.end() ? rule->second.sha256 : "",
                                 policy);
}

void FeedPipeline::RefreshImages() {
  std::map<std::string, ImageRule> rules;
  std::set<std::string> wanted;
  std::set<std::string> feed_urls;
  for (const auto& slot : slots_) {
    feed_urls.insert(slot->source.url);
    if (!slot->feed || !config_.fetch_images) continue;
    for (const feed::Item& item : slot->feed->items) {
      if (!item.image || item.image->url.empty()) continue;
      wanted.insert(item.image->url);
      auto [rule, first] = rules.try_emplace(item.image->url);
      if (first || rule->second.sha256.empty()) rule->second.sha256 = item.image->sha256;
      rule->second.allow_unhashed =
          first ? slot->source.allow_unhashed_images
                : rule->second.allow_unhashed && slot->source.allow_unhashed_images;
    }
  }
  // A changed rule (a new sha256 in the feed) re-checks the image held for it.
  for (const auto& [url, rule] : rules) {
    auto old = image_rules_.find(url);
    if (old != image_rules_.end() && old->second.sha256 == rule.sha256 &&
        old->second.allow_unhashed == rule.allow_unhashed)
      continue;
    if (auto held = images_.find(url); held != images_.end()) {
      image_memory_bytes_ -= held->second->bytes.size();
      images_.erase(held);
      dirty_ = true;
    }
    image_failed_at_ms_.erase(url);
  }
  image_rules_ = std::move(rules);
  for (auto it = images_.begin(); it != images_.end();) {
    if (wanted.count(it->first)) {
      ++it;
      continue;
    }
    image_memory_bytes_ -= it->second->bytes.size();
    it = images_.erase(it);
  }
  std::erase_if(image_errors_, [&](const auto& e) { return !wanted.count(e.first); });
  std::erase_if(image_failed_at_ms_, [&](const auto& e) { return !wanted.count(e.first); });

  pending_images_.clear();
  const int64_t mono = clock_.monotonic_ms();
  for (const std::string& url : wanted) {
    if (images_.count(url)) continue;
    auto failed = image_failed_at_ms_.find(url);
    if (failed != image_failed_at_ms_.end() &&
        mono - failed->second < int64_t{config_.image_retry_s} * 1000) {
      continue;
    }
    // The cache first: it costs no network and works offline.
    if (store_) {
      Result<std::string> bytes = store_->LoadImage(url);
      media::ImageInfo info;
      if (bytes.ok() && AcceptImage(url, *bytes, &info).ok() &&
          image_memory_bytes_ + bytes->size() <= config_.max_image_memory_bytes) {
        image_memory_bytes_ += bytes->size();
        images_[url] = std::make_shared<const ImageData>(
            ImageData{url, std::move(bytes).value(), info.width, info.height});
        image_errors_.erase(url);
        continue;
      }
    }
    pending_images_.push_back(url);
  }
  if (store_) store_->KeepOnly(feed_urls, wanted);
}

bool FeedPipeline::FetchOneImage(const std::string& url) {
  net::HttpRequest req = config_.request;
  req.url = url;
  req.expect = net::ExpectedContent::kImage;
  req.max_body_bytes = config_.image_limits.max_bytes;
  req.cancel = &stop_;
  net::FetchResult r = client_.Fetch(req);
  auto fail = [&](const std::string& why) {
    if (image_errors_[url] != why) log_.warn("image " + url + ": " + why);
    image_errors_[url] = why;
    image_failed_at_ms_[url] = clock_.monotonic_ms();
    return false;
  };
  if (!r.ok()) {
    if (r.error.kind == net::FetchErrorKind::kCancelled) return false;
    return fail(r.error.message);
  }
  if (r.response.not_modified()) return fail("unexpected 304 for an unconditional request");
  media::ImageInfo info;
  if (Status accepted = AcceptImage(url, r.response.body, &info); !accepted.ok())
    return fail(accepted.message());
  if (image_memory_bytes_ + r.response.body.size() > config_.max_image_memory_bytes) {
    return fail("the images of all items together exceed the memory budget");
  }
  if (store_) {
    Status stored = store_->StoreImage(url, r.response.body);
    if (!stored.ok()) log_.warn("cache: image " + url + ": " + stored.message());
  }
  image_memory_bytes_ += r.response.body.size();
  images_[url] = std::make_shared<const ImageData>(
      ImageData{url, std::move(r.response.body), info.width, info.height});
  image_errors_.erase(url);
  image_failed_at_ms_.erase(url);
  dirty_ = true;
  return true;
}

}  // namespace machikado::pipeline
