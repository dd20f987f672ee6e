#include "console/throttle.h"

#include <algorithm>

namespace machikado::console {
namespace {
std::string NameKey(const std::string& n) {
  return "n:" + n;
}
std::string AddrKey(const std::string& a) {
  return "a:" + a;
}
}  // namespace

int LoginThrottle::Count(const std::string& key, int64_t now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto& q = it->second;
  while (!q.empty() && q.front() <= now - options_.window_ms) q.pop_front();
  if (q.empty()) {
    failures_.erase(it);
    return 0;
  }
  return static_cast<int>(q.size());
}

void LoginThrottle::Add(const std::string& key, int64_t now) {
  if (failures_.size() >= options_.max_keys && !failures_.count(key)) {
    // Drop the key whose newest failure is oldest.
    auto oldest = std::min_element(failures_.begin(), failures_.end(), [](auto& a, auto& b) {
      return a.second.back() < b.second.back();
    });
    if (oldest != failures_.end()) failures_.erase(oldest);
  }
  auto& q = failures_[key];
  q.push_back(now);
  while (q.size() > static_cast<size_t>(options_.max_failures)) q.pop_front();
}

bool LoginThrottle::Allowed(const std::string& name, const std::string& address) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_.monotonic_ms();
  return Count(NameKey(name), now) < options_.max_failures &&
         Count(AddrKey(address), now) < options_.max_failures;
}

void LoginThrottle::RecordFailure(const std::string& name, const std::string& address) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_.monotonic_ms();
  Add(NameKey(name), now);
  Add(AddrKey(address), now);
}

int64_t LoginThrottle::RetryAfterSeconds(const std::string& name, const std::string& address) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_.monotonic_ms();
  int64_t wait = 0;
  for (const std::string& key : {NameKey(name), AddrKey(address)}) {
    if (Count(key, now) < options_.max_failures) continue;
    wait = std::max(wait, failures_[key].front() + options_.window_ms - now);
  }
  return (wait + 999) / 1000;
}

}  // namespace machikado::console
