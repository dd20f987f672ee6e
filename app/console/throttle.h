// LoginThrottle: refuses logins (HTTP 429) for a name or an address after 5 failed attempts
// within a minute, so a password cannot be guessed online. Failures age out of the window; a
// successful login does not reset the address's count (an attacker with one valid account must
// not unlock guessing at others). Time comes from an injected Clock, so tests never sleep.
// Thread-safe (a mutex); memory is bounded (at most max_keys names and addresses are tracked;
// the oldest are dropped).
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace machikado::console {

struct ThrottleOptions {
  int max_failures = 5;
  int64_t window_ms = 60 * 1000;
  size_t max_keys = 10000;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(const Clock& clock, ThrottleOptions options = {})
      : clock_(clock), options_(options) {}

  // True when a login for `name` from `address` may be tried now.
  bool Allowed(const std::string& name, const std::string& address);
  void RecordFailure(const std::string& name, const std::string& address);
  // Seconds until a refused attempt may be retried (for Retry-After).
  int64_t RetryAfterSeconds(const std::string& name, const std::string& address);

 private:
  int Count(const std::string& key, int64_t now);
  void Add(const std::string& key, int64_t now);

  const Clock& clock_;
  const ThrottleOptions options_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<int64_t>> failures_;  // key → monotonic ms
};

}  // namespace machikado::console
