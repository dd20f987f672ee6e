// FeedPublisher: writes a feed snapshot and its minisign signature into the publish directory
// (which nginx serves) and keeps the newest published pair in memory for the console's own
// GET /feeds/{feed}.json. Both files are first written in full to temp files (fsynced), then
// renamed into place, then the directory is fsynced: a full disk or an I/O error leaves the old
// pair served and is reported; a SIGKILL leaves at most temp files (removed at the next start),
// never a torn or unsigned feed. The served pair changes only after both renames succeeded.
// Thread-safe: publishes are serialised by a mutex; Get is cheap (shared_ptr copy).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/file_system.h"
#include "trust/minisign_signer.h"

namespace machikado::console {

struct Published {
  std::string body;
  std::string signature;
  std::string etag;  // "\"<hex>\"" of the body
};

class FeedPublisher {
 public:
  // `fs` and `key` must outlive the publisher.
  FeedPublisher(std::string dir, FileSystem& fs, const trust::SecretKey& key);

  // Creates the directory, removes temp files a killed publish left, loads the published pairs
  // whose signature is present.
  Status Start();
  // Signs and writes `body` as <feed>.json (+ .minisig). On error nothing served changes.
  Result<Published> Publish(const std::string& feed, const std::string& body, UnixSeconds now);
  // The pair served for `feed`, or nullptr when never published.
  std::shared_ptr<const Published> Get(const std::string& feed) const;

 private:
  Status WriteTemp(const std::string& path, const std::string& bytes);

  const std::string dir_;
  FileSystem& fs_;
  const trust::SecretKey& key_;
  mutable std::mutex mu_;
  std::mutex publish_mu_;
  std::map<std::string, std::shared_ptr<const Published>> served_;
  uint64_t counter_ = 0;
};

std::string EtagOf(const std::string& body);

}  // namespace machikado::console
