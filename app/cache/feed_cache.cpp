#include "cache/feed_cache.h"

#include <algorithm>
#include <utility>

namespace machikado::cache {

namespace {

constexpr std::string_view kFeedsDir = "feeds";
constexpr std::string_view kImagesDir = "images";
constexpr std::string_view kFeedSuffix = ".feed";
constexpr std::string_view kImageSuffix = ".img";

uint64_t EncodedBytes(const CacheRecord& r) {
  return kCacheHeaderBytes + r.url.size() + r.etag.size() + r.last_modified.size() + r.body.size() +
         kCacheChecksumBytes;
}

Status WithContext(const Status& s, const std::string& prefix) {
  return Status::Error(s.code(), prefix + s.message());
}

}  // namespace

FeedCache::FeedCache(std::string dir, FileSystem& fs, CacheLimits limits)
    : dir_(std::move(dir)), fs_(fs), limits_(limits) {}

std::string FeedCache::FeedFilePath(std::string_view url) const {
  return JoinPath(JoinPath(dir_, kFeedsDir), CacheKeyForUrl(url) + std::string(kFeedSuffix));
}

std::string FeedCache::ImageFilePath(std::string_view url) const {
  return JoinPath(JoinPath(dir_, kImagesDir), CacheKeyForUrl(url) + std::string(kImageSuffix));
}

Status FeedCache::Open() {
  std::lock_guard<std::mutex> lock(mu_);
  return OpenLocked();
}

Status FeedCache::OpenLocked() {
  if (open_) return Status::Ok();
  for (std::string_view sub : {kFeedsDir, kImagesDir}) {
    Status s = fs_.MakeDirs(JoinPath(dir_, sub));
    if (!s.ok()) return WithContext(s, "cannot open the cache: ");
  }
  feeds_.clear();
  images_.clear();
  total_bytes_ = 0;
  if (Status s = IndexDir(std::string(kFeedsDir), kFeedSuffix, feeds_); !s.ok()) return s;
  if (Status s = IndexDir(std::string(kImagesDir), kImageSuffix, images_); !s.ok()) return s;
  // IndexDir left modification times in last_used; turn them into LRU ticks, oldest first.
  std::vector<Entry*> all;
  for (Index* index : {&feeds_, &images_})
    for (auto& [key, entry] : *index) all.push_back(&entry);
  std::stable_sort(all.begin(), all.end(),
                   [](const Entry* a, const Entry* b) { return a->last_used < b->last_used; });
  tick_ = 0;
  for (Entry* e : all) e->last_used = ++tick_;
  open_ = true;
  return Status::Ok();
}

Status FeedCache::IndexDir(const std::string& sub, std::string_view suffix, Index& index) {
  const std::string dir = JoinPath(dir_, sub);
  Result<std::vector<std::string>> names = fs_.ListDir(dir);
  if (!names.ok()) return WithContext(names.status(), "cannot open the cache: ");
  for (const std::string& name : names.value()) {
    const std::string path = JoinPath(dir, name);
    if (FileSystem::IsTempFileName(name)) {
      fs_.Remove(path);  // left by a writer that was killed; never a complete entry
      continue;
    }
    if (name.size() <= suffix.size() || !name.ends_with(suffix)) continue;
    std::string key = name.substr(0, name.size() - suffix.size());
    if (!IsCacheKey(key)) continue;  // not ours: leave it alone and don't count it
    Result<FileInfo> info = fs_.Stat(path);
    if (!info.ok() || info->is_dir) continue;
    index[key] = Entry{info->size, static_cast<uint64_t>(std::max<int64_t>(0, info->mtime_s))};
    total_bytes_ += info->size;
  }
  return Status::Ok();
}

Result<CacheRecord> FeedCache::ReadRecord(const std::string& path, RecordKind kind,
                                          uint64_t max_body) {
  Result<std::string> bytes = fs_.ReadFile(path, MaxEncodedBytes(max_body));
  if (!bytes.ok()) {
    if (bytes.status().code() == StatusCode::kLimitExceeded) {
      return Status::Corrupt("corrupt cache file: larger than any valid entry");
    }
    return bytes.status();
  }
  Result<CacheRecord> record = DecodeCacheRecord(bytes.value(), max_body);
  if (record.ok() && record->kind != kind) {
    return Status::Corrupt("corrupt cache file: holds an entry of another kind");
  }
  return record;
}

void FeedCache::Touch(Index& index, const std::string& key) {
  auto it = index.find(key);
  if (it != index.end()) it->second.last_used = ++tick_;
}

Result<CacheRecord> FeedCache::LoadLocked(std::string_view url, bool image) {
  if (Status s = OpenLocked(); !s.ok()) return s;
  const std::string path = image ? ImageFilePath(url) : FeedFilePath(url);
  Result<CacheRecord> record = ReadRecord(path, image ? RecordKind::kImage : RecordKind::kFeed,
                                          image ? limits_.max_image_bytes : limits_.max_feed_bytes);
  const std::string what = (image ? "image " : "copy of ") + std::string(url);
  if (!record.ok()) {
    if (record.status().code() == StatusCode::kNotFound)
      return Status::NotFound("no cached copy of " + std::string(image ? "image " : "") +
                              std::string(url));
    return WithContext(record.status(), "ignoring the cached " + what + " (" + path + "): ");
  }
  if (record->url != url)
    return Status::Corrupt("ignoring the cached " + what + " (" + path + "): it holds " +
                           record->url);
  const std::string key = CacheKeyForUrl(url);
  const uint64_t size = EncodedBytes(record.value());
  Entry& entry = (image ? images_ : feeds_)[key];  // also picks up a file that appeared after Open
  total_bytes_ = total_bytes_ - entry.bytes + size;
  entry.bytes = size;
  entry.last_used = ++tick_;
  (image ? images_in_use_ : feeds_in_use_).insert(key);
  return record;
}

Result<CachedFeed> FeedCache::Load(std::string_view url) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<CacheRecord> record = LoadLocked(url, /*image=*/false);
  if (!record.ok()) return record.status();
  CacheRecord& r = record.value();
  return CachedFeed{std::move(r.url), std::move(r.body), std::move(r.etag),
                    std::move(r.last_modified), r.fetched_at};
}

Status FeedCache::Store(const CachedFeed& feed) {
  std::lock_guard<std::mutex> lock(mu_);
  if (Status s = OpenLocked(); !s.ok()) return s;
  CacheRecord record{RecordKind::kFeed,  feed.url,        feed.etag,
                     feed.last_modified, feed.fetched_at, feed.body};
  if (Status s = CheckRecordFits(record, limits_.max_feed_bytes); !s.ok()) return s;
  const std::string key = CacheKeyForUrl(feed.url);
  feeds_in_use_.insert(key);  // in use even if the write fails: the old copy must stay
  return WriteRecord(record, feeds_, key, /*may_evict_images_in_use=*/true);
}

std::vector<CachedFeed> FeedCache::LoadAll(std::vector<Status>* problems) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<CachedFeed> out;
  if (Status s = OpenLocked(); !s.ok()) {
    if (problems) problems->push_back(s);
    return out;
  }
  std::vector<std::string> keys;
  for (const auto& [key, entry] : feeds_) keys.push_back(key);
  const std::string dir = JoinPath(dir_, kFeedsDir);
  for (const std::string& key : keys) {
    const std::string path = JoinPath(dir, key + std::string(kFeedSuffix));
    Result<CacheRecord> record = ReadRecord(path, RecordKind::kFeed, limits_.max_feed_bytes);
    if (record.ok() && CacheKeyForUrl(record->url) != key) {
      record = Status::Corrupt("corrupt cache file: its name does not match its URL");
    }
    if (!record.ok()) {
      if (problems) problems->push_back(WithContext(record.status(), "ignoring " + path + ": "));
      continue;
    }
    feeds_in_use_.insert(key);
    Touch(feeds_, key);
    CacheRecord& r = record.value();
    out.push_back(CachedFeed{std::move(r.url), std::move(r.body), std::move(r.etag),
                             std::move(r.last_modified), r.fetched_at});
  }
  return out;
}

void FeedCache::SetFeedsInUse(const std::set<std::string>& urls) {
  std::lock_guard<std::mutex> lock(mu_);
  feeds_in_use_.clear();
  for (const std::string& url : urls) feeds_in_use_.insert(CacheKeyForUrl(url));
}

Status FeedCache::StoreImage(std::string_view url, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (Status s = OpenLocked(); !s.ok()) return s;
  CacheRecord record{RecordKind::kImage, std::string(url), "", "", 0, std::string(bytes)};
  if (Status s = CheckRecordFits(record, limits_.max_image_bytes); !s.ok()) return s;
  const std::string key = CacheKeyForUrl(url);
  Status s = WriteRecord(record, images_, key, /*may_evict_images_in_use=*/false);
  if (s.ok()) images_in_use_.insert(key);
  return s;
}

Result<std::string> FeedCache::LoadImage(std::string_view url) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<CacheRecord> record = LoadLocked(url, /*image=*/true);
  if (!record.ok()) return record.status();
  return std::move(record.value().body);
}

bool FeedCache::HasImage(std::string_view url) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!OpenLocked().ok()) return false;
  return images_.count(CacheKeyForUrl(url)) > 0;
}

void FeedCache::EvictImagesExcept(const std::set<std::string>& urls_in_use) {
  std::lock_guard<std::mutex> lock(mu_);
  images_in_use_.clear();
  for (const std::string& url : urls_in_use) images_in_use_.insert(CacheKeyForUrl(url));
  if (!OpenLocked().ok()) return;
  std::vector<std::string> unused;
  for (const auto& [key, entry] : images_)
    if (!images_in_use_.count(key)) unused.push_back(key);
  for (const std::string& key : unused)
    EvictEntry(images_, std::string(kImagesDir), kImageSuffix, key);
}

uint64_t FeedCache::total_bytes() {
  std::lock_guard<std::mutex> lock(mu_);
  OpenLocked();
  return total_bytes_;
}

Status FeedCache::WriteRecord(const CacheRecord& record, Index& index, const std::string& key,
                              bool may_evict_images_in_use) {
  const bool is_feed = &index == &feeds_;
  const std::string encoded = EncodeCacheRecord(record);
  if (Status s = MakeRoom(encoded.size(), index, key, may_evict_images_in_use); !s.ok()) {
    return WithContext(s, "cannot store " + record.url + " in the cache: ");
  }
  const std::string path = is_feed ? FeedFilePath(record.url) : ImageFilePath(record.url);
  if (Status s = fs_.WriteFileAtomic(path, encoded); !s.ok()) {
    // The rename is the commit point: if it happened (only the directory fsync failed), the
    // new entry is in place; otherwise the old one is untouched.
    Result<FileInfo> now = fs_.Stat(path);
    if (now.ok() && now->size == encoded.size()) {
      Entry& e = index[key];
      total_bytes_ = total_bytes_ - e.bytes + encoded.size();
      e = Entry{encoded.size(), ++tick_};
    }
    return WithContext(
        s, "cannot store " + record.url + " in the cache (the previous copy is " + "kept): ");
  }
  Entry& e = index[key];
  total_bytes_ = total_bytes_ - e.bytes + encoded.size();
  e = Entry{encoded.size(), ++tick_};
  return Status::Ok();
}

Status FeedCache::MakeRoom(uint64_t incoming, Index& target, const std::string& replacing,
                           bool may_evict_images_in_use) {
  if (incoming > limits_.max_total_bytes) {
    return Status::Limit(std::to_string(incoming) + " bytes exceed the cache limit of " +
                         std::to_string(limits_.max_total_bytes));
  }
  auto it = target.find(replacing);
  uint64_t current = total_bytes_ - (it == target.end() ? 0 : it->second.bytes);
  // Victims in order: images not in use, feeds not in use, then (for feeds) images in use;
  // least recently used first within each tier. Feeds in use are never evicted.
  auto pick = [&](Index& index, const std::set<std::string>& in_use, bool want_in_use) {
    const std::string* best = nullptr;
    uint64_t best_tick = 0;
    for (const auto& [key, entry] : index) {
      if (&index == &target && key == replacing) continue;
      if ((in_use.count(key) > 0) != want_in_use) continue;
      if (!best || entry.last_used < best_tick) {
        best = &key;
        best_tick = entry.last_used;
      }
    }
    return best ? *best : std::string();
  };
  while (current + incoming > limits_.max_total_bytes) {
    std::string victim = pick(images_, images_in_use_, false);
    Index* from = &images_;
    if (victim.empty()) {
      victim = pick(feeds_, feeds_in_use_, false);
      from = &feeds_;
    }
    if (victim.empty() && may_evict_images_in_use) {
      victim = pick(images_, images_in_use_, true);
      from = &images_;
    }
    if (victim.empty()) {
      return Status::Limit("the cache is full: " + std::to_string(current) +
                           " bytes are held by feeds and images in use, " +
                           std::to_string(incoming) + " more would exceed the limit of " +
                           std::to_string(limits_.max_total_bytes));
    }
    current -= (*from)[victim].bytes;
    if (from == &images_) {
      images_in_use_.erase(victim);
      EvictEntry(images_, std::string(kImagesDir), kImageSuffix, victim);
    } else {
      EvictEntry(feeds_, std::string(kFeedsDir), kFeedSuffix, victim);
    }
  }
  return Status::Ok();
}

void FeedCache::EvictEntry(Index& index, const std::string& sub, std::string_view suffix,
                           const std::string& key) {
  auto it = index.find(key);
  if (it == index.end()) return;
  // Dropped from the index even if the unlink fails, so eviction always makes progress.
  fs_.Remove(JoinPath(JoinPath(dir_, sub), key + std::string(suffix)));
  total_bytes_ -= it->second.bytes;
  index.erase(it);
}

}  // namespace machikado::cache
