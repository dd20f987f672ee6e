// MediaCache (media_cache.h): the index, the budget and least-recently-shown eviction.
#include "media/media_cache.h"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "trust/image_digest.h"

namespace machikado::media {
namespace {

constexpr char kIndexName[] = "index.json";
constexpr char kPartialSuffix[] = ".part";

}  // namespace

std::string_view MediaStateName(MediaState s) {
  switch (s) {
    case MediaState::kPartial:
      return "partial";
    case MediaState::kReady:
      return "ready";
    case MediaState::kFailed:
      return "failed";
  }
  return "partial";
}

MediaCache::MediaCache(FileSystem& fs, std::string dir, const Clock& clock, MediaCacheLimits limits)
    : fs_(fs), dir_(std::move(dir)), clock_(clock), limits_(limits) {
  counters_.budget_bytes = limits_.budget_bytes;
}

std::string MediaCache::FileName(std::string_view url) const {
  return trust::Sha256Hex(url).substr(0, 32);
}
std::string MediaCache::PartialPath(std::string_view url) const {
  return dir_ + "/" + FileName(url) + kPartialSuffix;
}
std::string MediaCache::ReadyFilePath(std::string_view url) const {
  return dir_ + "/" + FileName(url);
}

Status MediaCache::Open() {
  Status made = fs_.MakeDirs(dir_);
  if (!made.ok()) return made;
  std::lock_guard<std::mutex> lock(mu_);
  slots_.clear();
  Status problem = Status::Ok();
  Result<std::string> index = fs_.ReadFile(dir_ + "/" + kIndexName, limits_.max_index_bytes);
  if (index.ok()) {
    try {
      const nlohmann::json doc = nlohmann::json::parse(*index);
      for (const auto& j : doc.at("entries")) {
        if (slots_.size() >= limits_.max_entries) break;
        Slot s;
        s.e.url = j.at("url").get<std::string>();
        s.e.sha256 = j.value("sha256", "");
        s.e.state = j.value("ready", false) ? MediaState::kReady : MediaState::kPartial;
        s.e.total = j.value("total", int64_t{-1});
        s.e.added = j.value("added", int64_t{0});
        s.e.last_shown = j.value("last_shown", int64_t{0});
        s.e.error = j.value("error", "");
        if (j.value("failed", false)) s.e.state = MediaState::kFailed;
        s.e.file = FileName(s.e.url);
        slots_[s.e.url] = std::move(s);
      }
    } catch (const nlohmann::json::exception& e) {
      slots_.clear();
      problem = Status::Corrupt("media cache index " + dir_ + "/" + kIndexName +
                                " is unreadable (" + e.what() + "); starting empty");
    }
  } else if (index.status().code() != StatusCode::kNotFound) {
    problem = index.status();
  }
  // Reconcile with the disk: the files are the truth for sizes and existence.
  for (auto it = slots_.begin(); it != slots_.end();) {
    MediaEntry& e = it->second.e;
    const std::string path =
        dir_ + "/" + e.file + (e.state == MediaState::kReady ? "" : kPartialSuffix);
    Result<FileInfo> info = fs_.Stat(path);
    if (e.state == MediaState::kReady &&
        (!info.ok() || (e.total >= 0 && info->size != static_cast<uint64_t>(e.total)))) {
      fs_.Remove(path);
      it = slots_.erase(it);  // a ready file that vanished or changed size is downloaded again
      continue;
    }
    e.bytes = info.ok() ? info->size : 0;
    ++it;
  }
  Result<std::vector<std::string>> names = fs_.ListDir(dir_);
  if (names.ok()) {
    for (const std::string& name : *names) {
      if (name == kIndexName) continue;
      bool known = false;
      for (const auto& [url, s] : slots_)
        if (name == s.e.file || name == s.e.file + kPartialSuffix) known = true;
      if (!known) fs_.Remove(dir_ + "/" + name);
    }
  }
  return problem;
}

uint64_t MediaCache::UsedLocked() const {
  uint64_t used = 0;
  for (const auto& [url, s] : slots_) used += std::max(s.e.bytes, s.reserved);
  return used;
}

Status MediaCache::SaveLocked() {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& [url, s] : slots_) {
    entries.push_back({{"url", s.e.url},
                       {"sha256", s.e.sha256},
                       {"ready", s.e.state == MediaState::kReady},
                       {"failed", s.e.state == MediaState::kFailed},
                       {"total", s.e.total},
                       {"added", s.e.added},
                       {"last_shown", s.e.last_shown},
                       {"error", s.e.error}});
  }
  nlohmann::json doc = {{"version", 1}, {"entries", std::move(entries)}};
  return fs_.WriteFileAtomic(dir_ + "/" + kIndexName,
                             doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void MediaCache::RemoveFilesLocked(const Slot& s) {
  fs_.Remove(dir_ + "/" + s.e.file);
  fs_.Remove(dir_ + "/" + s.e.file + kPartialSuffix);
}

std::optional<std::string> MediaCache::ReadyPath(std::string_view url) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(url);
  if (it == slots_.end() || it->second.e.state != MediaState::kReady) return std::nullopt;
  return dir_ + "/" + it->second.e.file;
}

void MediaCache::MarkShown(std::string_view url) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(url);
  if (it != slots_.end()) it->second.e.last_shown = clock_.now();
}

MediaCounters MediaCache::counters() const {
  std::lock_guard<std::mutex> lock(mu_);
  MediaCounters c = counters_;
  c.ready = c.partial = c.failed = 0;
  c.bytes_on_disk = 0;
  for (const auto& [url, s] : slots_) {
    c.bytes_on_disk += s.e.bytes;
    switch (s.e.state) {
      case MediaState::kReady:
        ++c.ready;
        break;
      case MediaState::kPartial:
        ++c.partial;
        break;
      case MediaState::kFailed:
        ++c.failed;
        break;
    }
  }
  return c;
}

std::vector<MediaEntry> MediaCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<MediaEntry> out;
  for (const auto& [url, s] : slots_) out.push_back(s.e);
  return out;
}

std::optional<MediaEntry> MediaCache::Find(std::string_view url) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(url);
  if (it == slots_.end()) return std::nullopt;
  return it->second.e;
}

Result<uint64_t> MediaCache::Begin(std::string_view url, std::string_view sha256) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(url);
  if (it == slots_.end()) {
    if (slots_.size() >= limits_.max_entries)
      return Status::Limit("the media cache already holds " + std::to_string(slots_.size()) +
                           " files, its limit");
    Slot s;
    s.e.url = std::string(url);
    s.e.sha256 = std::string(sha256);
    s.e.file = FileName(url);
    s.e.added = clock_.now();
    it = slots_.emplace(s.e.url, std::move(s)).first;
    fs_.Remove(PartialPath(url));  // a stale partial of a forgotten entry is not trusted
    SaveLocked();
    return uint64_t{0};
  }
  MediaEntry& e = it->second.e;
  if (e.sha256 != sha256) {  // the publisher replaced the file: start over
    RemoveFilesLocked(it->second);
    e.sha256 = std::string(sha256);
    e.state = MediaState::kPartial;
    e.bytes = 0;
    e.total = -1;
    e.error.clear();
    SaveLocked();
  } else if (e.state == MediaState::kFailed) {
    e.state = MediaState::kPartial;  // a retry after a failure starts from nothing
    e.bytes = 0;
  }
  return e.bytes;
}

Status MediaCache::Reserve(std::string_view url, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  auto self = slots_.find(url);
  if (self == slots_.end()) return Status::Invalid("media cache: Reserve before Begin");
  if (bytes > limits_.max_file_bytes)
    return Status::Limit("the file is " + std::to_string(bytes) + " bytes; the media cache takes " +
                         "files of at most " + std::to_string(limits_.max_file_bytes));
  self->second.reserved = std::max(self->second.reserved, bytes);
  // Evict the least recently shown (never shown first, then the oldest) until it fits.
  while (UsedLocked() > limits_.budget_bytes) {
    auto victim = slots_.end();
    for (auto it = slots_.begin(); it != slots_.end(); ++it) {
      if (it == self || it->second.reserved > 0 || it->second.e.bytes == 0) continue;
      if (victim == slots_.end() ||
          std::tie(it->second.e.last_shown, it->second.e.added) <
              std::tie(victim->second.e.last_shown, victim->second.e.added))
        victim = it;
    }
    if (victim == slots_.end()) {
      self->second.reserved = 0;
      return Status::Limit("the media cache's budget of " + std::to_string(limits_.budget_bytes) +
                           " bytes cannot hold a file of " + std::to_string(bytes) + " bytes");
    }
    RemoveFilesLocked(victim->second);
    slots_.erase(victim);
    ++counters_.evictions;
  }
  SaveLocked();
  return Status::Ok();
}

Result<std::unique_ptr<WritableFile>> MediaCache::OpenPartial(std::string_view url, bool truncate) {
  return fs_.AppendFile(PartialPath(url), truncate);
}

Result<std::string> MediaCache::PartialSha256(std::string_view url) {
  const std::string path = PartialPath(url);
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::string chunk;
  uint64_t offset = 0;
  do {
    Status s = fs_.ReadAt(path, offset, 1 << 20, &chunk);
    if (!s.ok()) return s;
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(chunk.data()),
                              chunk.size());
    offset += chunk.size();
  } while (!chunk.empty());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return trust::DigestHex(digest);
}

void MediaCache::Progress(std::string_view url, uint64_t bytes_on_disk, int64_t total) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(url);
  if (it == slots_.end()) return;
  it->second.e.bytes = bytes_on_disk;
  if (total >= 0) it->second.e.total = total;
}

Status MediaCache::Complete(std::string_view url) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(url);
  if (it == slots_.end()) return Status::Invalid("media cache: Complete before Begin");
  Status s = fs_.Rename(PartialPath(url), ReadyFilePath(url));
  if (s.ok()) s = fs_.SyncDir(dir_);
  if (!s.ok()) return s;
  MediaEntry& e = it->second.e;
  e.state = MediaState::kReady;
  e.total = static_cast<int64_t>(e.bytes);
  e.error.clear();
  it->second.reserved = 0;
  ++counters_.downloads_completed;
  return SaveLocked();
}

void MediaCache::Fail(std::string_view url, std::string reason) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(url);
  if (it == slots_.end()) return;
  RemoveFilesLocked(it->second);
  it->second.e.state = MediaState::kFailed;
  it->second.e.bytes = 0;
  it->second.e.error = std::move(reason);
  it->second.reserved = 0;
  SaveLocked();
}

void MediaCache::NoteError(std::string_view url, std::string reason) {
  std::lock_guard<std::mutex> lock(mu_);
  ++counters_.download_errors;
  auto it = slots_.find(url);
  if (it == slots_.end()) return;
  it->second.e.error = std::move(reason);
  it->second.reserved = 0;
  SaveLocked();
}

void MediaCache::CountResumed() {
  std::lock_guard<std::mutex> lock(mu_);
  ++counters_.downloads_resumed;
}
void MediaCache::CountDigestMismatch() {
  std::lock_guard<std::mutex> lock(mu_);
  ++counters_.digest_mismatches;
}
void MediaCache::CountRejected() {
  std::lock_guard<std::mutex> lock(mu_);
  ++counters_.files_rejected;
}
void MediaCache::CountDownloaded(uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  counters_.bytes_downloaded += bytes;
}

}  // namespace machikado::media
