// SoakWorld: the content a soak run serves — a few feeds whose items come, go and change every
// second, images that appear, disappear, turn into 404s or into bytes that are no image, and now
// and then a feed that is not valid. With WorldOptions, also emergency takeovers that arrive in
// their own feed and expire, and hostile images (the three of issue 22) among the answers.
// Pure and deterministic (seeded); the loopback server (soak_server.h) asks it for bodies.
// Not thread-safe: the server guards it with its own mutex.
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
  uint64_t takeovers = 0;       // level-5 alerts published (each expires, then leaves the feed)
};

struct WorldOptions {
  // Every `takeover_every_s` seconds a level-5 alert (an emergency takeover) appears in the
  // `alerts` feed, expires `takeover_lasts_s` seconds later and is removed 15 s after that.
  // 0 = no takeovers and no `alerts` feed.
  int takeover_every_s = 0;
  int takeover_lasts_s = 20;
  // Some image answers are the hostile images (a 20000×20000 PNG, a 65000×65000 JPEG header and
  // GIF) instead of a real picture.
  bool hostile_images = false;
};

class SoakWorld {
 public:
  // `base_url` is "http://127.0.0.1:PORT"; feeds are <base>/feed/<name>.json.
  SoakWorld(std::string base_url, uint64_t seed, int64_t unix_now, WorldOptions options = {});

  // One second of the world: every feed may change.
  void Tick(int64_t unix_now);

  size_t feed_count() const { return feeds_.size(); }
  const std::string& feed_name(size_t i) const { return feeds_[i].name; }
  // The feed's current body and its ETag; nullptr for an unknown name.
  const std::string* Body(const std::string& name, std::string* etag) const;
  // Image `n` at this moment: 200 with PNG bytes, 200 with bytes that are no image, or 404.
  enum class ImageAnswer { kPng, kGarbage, kNotFound, kHostilePng, kHostileJpeg, kHostileGif };
  ImageAnswer Image(int n, int epoch) const;
  const SoakCounters& counters() const { return counters_; }

 private:
  struct Item {
    std::string id;
    std::string kind;  // news, preparedness, project, alert
    int rev = 0;
    int image = -1;                   // -1 = no image
    int level = 3;                    // alerts: 5 = a takeover
    int64_t issued = 0, expires = 0;  // takeovers: fixed when they arrive
  };
  struct Feed {
    std::string name;
    bool calm = false;  // changes only by the takeover schedule (the `alerts` feed)
    std::vector<Item> items;
    uint64_t version = 0;
    std::string body, etag;
  };
  void Change(Feed& f);
  void Render(Feed& f, bool invalid, int64_t unix_now);
  std::string ItemJson(const Item& it, int64_t unix_now) const;

  void Takeovers(int64_t unix_now);

  std::string base_url_;
  WorldOptions options_;
  std::mt19937_64 rng_;
  std::vector<Feed> feeds_;
  int next_item_ = 0;
  int epoch_ = 0;  // image URLs carry it: a new epoch = every image URL new
  SoakCounters counters_;
};

}  // namespace machikado::soak
