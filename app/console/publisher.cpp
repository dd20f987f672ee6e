#include "console/publisher.h"

#include <unistd.h>

#include "console/store.h"

namespace machikado::console {

std::string EtagOf(const std::string& body) {
  return "\"" + HashHex(body).substr(0, 32) + "\"";
}

FeedPublisher::FeedPublisher(std::string dir, FileSystem& fs, const trust::SecretKey& key)
    : dir_(std::move(dir)), fs_(fs), key_(key) {}

Status FeedPublisher::Start() {
  if (Status s = fs_.MakeDirs(dir_); !s.ok()) return s;
  Result<std::vector<std::string>> names = fs_.ListDir(dir_);
  if (!names.ok()) return names.status();
  for (const std::string& name : *names) {
    const std::string path = JoinPath(dir_, name);
    if (FileSystem::IsTempFileName(name)) {
      (void)fs_.Remove(path);
      continue;
    }
    const std::string suffix = ".json";
    if (name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    Result<std::string> body = fs_.ReadFile(path, 4 * 1024 * 1024);
    Result<std::string> sig = fs_.ReadFile(path + ".minisig", 4096);
    if (!body.ok() || !sig.ok()) continue;
    auto p = std::make_shared<Published>();
    p->body = std::move(body).value();
    p->signature = std::move(sig).value();
    p->etag = EtagOf(p->body);
    served_[name.substr(0, name.size() - suffix.size())] = std::move(p);
  }
  return Status::Ok();
}

Status FeedPublisher::WriteTemp(const std::string& path, const std::string& bytes) {
  Result<std::unique_ptr<WritableFile>> f = fs_.CreateFile(path);
  if (!f.ok()) return f.status();
  Status s = (*f)->Append(bytes);
  if (s.ok()) s = (*f)->Sync();
  Status c = (*f)->Close();
  if (s.ok()) s = c;
  if (!s.ok()) (void)fs_.Remove(path);
  return s;
}

Result<Published> FeedPublisher::Publish(const std::string& feed, const std::string& body,
                                         UnixSeconds now) {
  std::lock_guard publishing(publish_mu_);
  const std::string name = feed + ".json";
  Published p;
  p.body = body;
  p.signature = trust::SignMinisign(key_, body, name, now);
  p.etag = EtagOf(body);
  if (Status s = fs_.MakeDirs(dir_); !s.ok()) return s;
  const std::string final_body = JoinPath(dir_, name);
  const std::string final_sig = final_body + ".minisig";
  const std::string tag = std::string(FileSystem::kTempMarker) + std::to_string(::getpid()) + "-" +
                          std::to_string(++counter_);
  const std::string tmp_body = final_body + tag;
  const std::string tmp_sig = final_sig + tag;
  Status s = WriteTemp(tmp_body, p.body);
  if (s.ok()) s = WriteTemp(tmp_sig, p.signature);
  if (!s.ok()) {
    (void)fs_.Remove(tmp_body);
    (void)fs_.Remove(tmp_sig);
    return Status::Error(
        s.code(), "publishing " + name + " (the previous version stays served): " + s.message());
  }
  // Both complete on disk: now the two renames, signature first (as deploy/nginx/publish-feed.sh
  // does). Between them a kiosk may see the new signature with the old body: it refuses that pair
  // and keeps its last good content until its next poll.
  s = fs_.Rename(tmp_sig, final_sig);
  if (!s.ok()) {
    (void)fs_.Remove(tmp_body);
    (void)fs_.Remove(tmp_sig);
    return Status::Error(
        s.code(), "publishing " + name + " (the previous version stays served): " + s.message());
  }
  s = fs_.Rename(tmp_body, final_body);
  if (!s.ok()) {
    (void)fs_.Remove(tmp_body);
    // The new signature is in place over the old body: kiosks refuse the pair (and keep their
    // cache) until a publish succeeds; the console itself keeps serving the old, matching pair.
    return Status::Error(s.code(),
                         "publishing " + name + ": the feed could not be put in place; " +
                             "kiosks keep their last good content until it is published " +
                             "again: " + s.message());
  }
  if (Status d = fs_.SyncDir(dir_); !d.ok())
    return Status::Error(d.code(), "publishing " + name + ": " + d.message());
  {
    std::lock_guard lock(mu_);
    served_[feed] = std::make_shared<const Published>(p);
  }
  return p;
}

std::shared_ptr<const Published> FeedPublisher::Get(const std::string& feed) const {
  std::lock_guard lock(mu_);
  auto it = served_.find(feed);
  return it == served_.end() ? nullptr : it->second;
}

}  // namespace machikado::console
