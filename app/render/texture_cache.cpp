#include "render/texture_cache.h"

namespace machikado::render {

const CachedTexture* TextureCache::Find(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++stats_.misses;
    return nullptr;
  }
  ++stats_.hits;
  lru_.splice(lru_.begin(), lru_, it->second);
  return &it->second->second;
}

const CachedTexture* TextureCache::Put(const std::string& key, SDL_Texture* texture, int w, int h) {
  auto old = index_.find(key);
  if (old != index_.end()) {
    stats_.bytes -= static_cast<size_t>(old->second->second.w) * old->second->second.h * 4;
    SDL_DestroyTexture(old->second->second.texture);
    ++stats_.destroyed;
    lru_.erase(old->second);
    index_.erase(old);
  }
  lru_.emplace_front(key, CachedTexture{texture, w, h});
  index_[key] = lru_.begin();
  ++stats_.created;
  stats_.bytes += static_cast<size_t>(w) * h * 4;
  EvictToFit();
  return &lru_.front().second;
}

void TextureCache::EvictToFit() {
  // Never evict the entry just added (front).
  while (lru_.size() > 1 && (lru_.size() > max_entries_ || stats_.bytes > max_bytes_)) {
    auto& back = lru_.back();
    stats_.bytes -= static_cast<size_t>(back.second.w) * back.second.h * 4;
    SDL_DestroyTexture(back.second.texture);
    ++stats_.destroyed;
    index_.erase(back.first);
    lru_.pop_back();
  }
}

void TextureCache::Clear() {
  for (auto& [key, t] : lru_) {
    SDL_DestroyTexture(t.texture);
    ++stats_.destroyed;
  }
  lru_.clear();
  index_.clear();
  stats_.bytes = 0;
}

TextureCacheStats TextureCache::stats() const {
  TextureCacheStats s = stats_;
  s.entries = lru_.size();
  return s;
}

}  // namespace machikado::render
