#include "render/ttf_measurer.h"

namespace machikado::render {

float TtfMeasurer::Width(std::string_view s, float px) {
  if (s.empty()) return 0;
  const int ipx = FontPx(px);
  std::string key = std::to_string(ipx);
  key += '\x1f';
  key.append(s);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  int w = 0;
  for (const auto& run : fonts_.Split(s, style_, ipx)) w += fonts_.RunWidth(run, ipx);
  // A simple bound: when full, start over (entries are cheap to recompute; no unbounded growth).
  if (cache_.size() >= max_cached_) cache_.clear();
  cache_.emplace(std::move(key), static_cast<float>(w));
  return static_cast<float>(w);
}

}  // namespace machikado::render
