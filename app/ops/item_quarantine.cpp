#include "ops/item_quarantine.h"

#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace machikado::ops {
namespace {

using Json = nlohmann::json;

constexpr uint64_t kMaxFileBytes = 1 << 20;

Json KeyJson(const QuarantineKey& k) {
  return Json{{"feed", k.feed}, {"id", k.id}, {"hash", k.hash}};
}

std::optional<QuarantineKey> KeyFrom(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  QuarantineKey k;
  const std::pair<const char*, std::string*> fields[] = {
      {"feed", &k.feed}, {"id", &k.id}, {"hash", &k.hash}};
  for (const auto& [field, into] : fields) {
    auto it = j.find(field);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    *into = it->get<std::string>();
  }
  return k;
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

ItemQuarantine::ItemQuarantine(std::string dir, FileSystem& fs, Log& log, std::string boot_id,
                               QuarantineOptions options)
    : dir_(std::move(dir)), fs_(fs), log_(log), boot_id_(std::move(boot_id)), options_(options) {}

std::string ItemQuarantine::MarkerPath() const {
  return JoinPath(dir_, "marker");
}
std::string ItemQuarantine::ListPath() const {
  return JoinPath(dir_, "items.json");
}

void ItemQuarantine::Open(UnixSeconds now) {
  if (Status s = fs_.MakeDirs(dir_); !s.ok()) {
    log_.warn("quarantine: " + s.message());
    return;
  }
  // Temp files of a run that died mid-write.
  if (auto names = fs_.ListDir(dir_); names.ok())
    for (const std::string& n : *names)
      if (FileSystem::IsTempFileName(n)) fs_.Remove(JoinPath(dir_, n));

  if (Result<std::string> list = fs_.ReadFile(ListPath(), kMaxFileBytes); list.ok()) {
    Json j = Json::parse(*list, nullptr, false);
    if (j.is_array())
      for (const Json& e : j) {
        std::optional<QuarantineKey> k = KeyFrom(e.value("item", Json()));
        if (!k || !e.contains("since") || !e["since"].is_number_integer()) continue;
        entries_.push_back(
            {*k, e.value("phase", std::string("preparing")), e["since"].get<UnixSeconds>()});
      }
    else
      log_.warn("quarantine: " + ListPath() + " is not a list; starting empty");
  }

  Result<std::string> marker = fs_.ReadFile(MarkerPath(), kMaxFileBytes);
  if (!marker.ok()) return;  // a clean exit (or the first start)
  fs_.Remove(MarkerPath());
  Json m = Json::parse(*marker, nullptr, false);
  std::optional<QuarantineKey> k = KeyFrom(m.is_object() ? m.value("item", Json()) : Json());
  if (!k) return;
  const std::string phase = m.value("phase", std::string("preparing"));
  const std::string boot = m.value("boot_id", std::string());
  const std::string what = phase + " item " + k->id + " of feed " + k->feed;
  if (!boot_id_.empty() && boot != boot_id_) {
    log_.info("quarantine: the machine restarted while " + what + "; not held against the item");
    return;
  }
  if (Contains(*k)) return;
  log_.error("quarantine: the previous run died while " + what +
             "; it is skipped until it changes");
  entries_.push_back({*k, phase, now});
  ++added_;
  if (entries_.size() > options_.max_entries)
    entries_.erase(entries_.begin(), entries_.end() - options_.max_entries);
  Save();
}

bool ItemQuarantine::Contains(const QuarantineKey& key) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const QuarantineEntry& e) { return e.key == key; });
}

void ItemQuarantine::Mark(const QuarantineKey& key, std::string_view phase) {
  if (marked_ && marked_->first == key && marked_->second == phase) return;
  marked_ = std::pair{key, std::string(phase)};
  const std::string body = Dump(Json{{"item", KeyJson(key)},
                                     {"phase", std::string(phase)},
                                     {"boot_id", boot_id_},
                                     {"pid", static_cast<int64_t>(::getpid())}}) +
                           "\n";
  // Written and renamed without fsync: it must survive this process, not a power cut.
  const std::string tmp = MarkerPath() + std::string(FileSystem::kTempMarker) +
                          std::to_string(::getpid()) + "-" + std::to_string(++temp_counter_);
  Status s;
  Result<std::unique_ptr<WritableFile>> f = fs_.CreateFile(tmp);
  if (!f.ok()) {
    s = f.status();
  } else {
    s = (*f)->Append(body);
    if (Status c = (*f)->Close(); s.ok()) s = c;
    if (s.ok()) s = fs_.Rename(tmp, MarkerPath());
    if (!s.ok()) fs_.Remove(tmp);
  }
  if (!s.ok() && !write_failed_) log_.warn("quarantine: cannot write the marker: " + s.message());
  write_failed_ = !s.ok();
}

void ItemQuarantine::Clear() {
  if (!marked_) return;
  marked_.reset();
  fs_.Remove(MarkerPath());
}

bool ItemQuarantine::Retain(const std::vector<QuarantineKey>& present,
                            const std::vector<std::string>& feeds_with_content, UnixSeconds now) {
  const size_t before = entries_.size();
  std::erase_if(entries_, [&](const QuarantineEntry& e) {
    if (now - e.since >= options_.expiry_s || now < e.since - options_.expiry_s) return true;
    const bool feed_known = std::find(feeds_with_content.begin(), feeds_with_content.end(),
                                      e.key.feed) != feeds_with_content.end();
    return feed_known && std::find(present.begin(), present.end(), e.key) == present.end();
  });
  if (entries_.size() == before) return false;
  log_.info("quarantine: " + std::to_string(before - entries_.size()) +
            " item(s) changed, went or expired; they are shown again");
  Save();
  return true;
}

void ItemQuarantine::Save() {
  Json list = Json::array();
  for (const QuarantineEntry& e : entries_)
    list.push_back(Json{{"item", KeyJson(e.key)}, {"phase", e.phase}, {"since", e.since}});
  if (Status s = fs_.WriteFileAtomic(ListPath(), Dump(list) + "\n"); !s.ok())
    log_.warn("quarantine: cannot save the list: " + s.message());
}

std::string ReadBootId(FileSystem& fs) {
  Result<std::string> id = fs.ReadFile("/proc/sys/kernel/random/boot_id", 128);
  if (!id.ok()) return "";
  std::string s = *id;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace machikado::ops
