// SoakWorld: the content a soak run serves — a few feeds whose items come, go and change every
// second, images that appear, disappear, turn into 404s or into bytes that are no image, and now
// and then a feed that is not valid. Pure and deterministic (seeded); the loopback server
// (soak_server.h) asks it for bodies. Not thread-safe: the server guards it with its own mutex.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace machikado::soak {

struct SoakCounters {
  uint64_t ticks = 0;
  uint64_t feed_changes = 0;  // a feed's served body changed (new items, removed, edited, images)
  uint64_t items_added = 0;
  uint64_t items_removed = 0;
  uint64_t items_edited = 0;
  uint64_t invalid_bodies = 0;  // versions served as an invalid feed
  uint64_t image_epochs = 0;    // all image URLs replaced by new ones
};

class SoakWorld {
 public:
  // `base_url` is "http://127.0.0.1:PORT"; feeds are <base>/feed/<name>.json.
  SoakWorld(std::string base_url, uint64_t seed, int64_t unix_now);

  // One second of the world: every feed may change.
  void Tick(int64_t unix_now);

  size_t feed_count() const { return feeds_.size(); }
  const std::string& feed_name(size_t i) const { return feeds_[i].name; }
  // The feed's current body and its ETag; nullptr for an unknown name.
  const std::string* Body(const std::string& name, std::string* etag) const;
  // Image `n` at this moment: 200 with PNG bytes, 200 with bytes that are no image, or 404.
  enum class ImageAnswer { kPng, kGarbage, kNotFound };
  ImageAnswer Image(int n, int epoch) const;
  const SoakCounters& counters() const { return counters_; }

 private:
  struct Item {
    std::string id;
    std::string kind;  // news, preparedness, project, alert
    int rev = 0;
    int image = -1;  // -1 = no image
  };
  struct Feed {
    std::string name;
    std::vector<Item> items;
    uint64_t version = 0;
    std::string body, etag;
  };
  void Change(Feed& f);
  void Render(Feed& f, bool invalid, int64_t unix_now);
  std::string ItemJson(const Item& it, int64_t unix_now) const;

  std::string base_url_;
  std::mt19937_64 rng_;
  std::vector<Feed> feeds_;
  int next_item_ = 0;
  int epoch_ = 0;  // image URLs carry it: a new epoch = every image URL new
  SoakCounters counters_;
};

}  // namespace machikado::soak
