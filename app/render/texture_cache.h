// TextureCache: a bounded LRU of SDL textures keyed by string (text runs: string+face+px+colour;
// images: path+size). Evicted textures are destroyed. Counters are exposed for soak tests and
// benchmarks. Owned by the renderer; tied to one SDL_Renderer. Not thread-safe (render thread
// only).
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

#include <SDL2/SDL.h>

namespace machikado::render {

struct CachedTexture {
  SDL_Texture* texture = nullptr;  // owned by the cache
  int w = 0;
  int h = 0;
};

struct TextureCacheStats {
  size_t entries = 0;
  size_t hits = 0;
  size_t misses = 0;
  size_t created = 0;
  size_t destroyed = 0;
  size_t bytes = 0;  // approximate: w*h*4 of live entries
};

class TextureCache {
 public:
  // Limits: entry count and approximate bytes (RGBA); whichever is reached first evicts.
  explicit TextureCache(size_t max_entries = 1024, size_t max_bytes = 96u << 20)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}
  ~TextureCache() { Clear(); }
  TextureCache(const TextureCache&) = delete;
  TextureCache& operator=(const TextureCache&) = delete;

  // The cached texture for `key`, or nullptr (counts a miss).
  const CachedTexture* Find(const std::string& key);
  // Takes ownership of `texture`. The returned entry stays valid until the next Put.
  const CachedTexture* Put(const std::string& key, SDL_Texture* texture, int w, int h);
  void Clear();
  TextureCacheStats stats() const;

 private:
  void EvictToFit();
  size_t max_entries_;
  size_t max_bytes_;
  std::list<std::pair<std::string, CachedTexture>> lru_;
  std::unordered_map<std::string, decltype(lru_)::iterator> index_;
  TextureCacheStats stats_;
};

}  // namespace machikado::render
