// PollPolicy: when to poll one feed next — the configured interval (a feed's ttl may lengthen it,
// never shorten it), exponential backoff with full jitter after failures (reset on success),
// Retry-After on 429/503, and a start jitter so a fleet of kiosks booted together does not poll in
// lockstep. Pure logic over an injected, seeded random generator. One instance per feed;
// thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string_view>

#include "core/clock.h"

namespace machikado::net {

struct PollConfig {
  int interval_s = 60;  // configured poll interval of this feed
  int floor_s = 5;      // no delay is ever shorter (a feed's ttl cannot go below it either)
  int max_ttl_interval_s = 3600;  // a feed's ttl lengthens the interval up to this, not beyond
  int backoff_cap_s = 300;        // backoff after failures grows to at most max(this, the interval)
  int start_jitter_max_s = 10;    // first poll after start: uniform in [0, min(this, interval)]
  int retry_after_max_s =
      3600;  // a Retry-After larger than this is clamped (a typo must not silence a feed)
  double steady_jitter = 0.1;  // each regular delay is spread by ±10 % so kiosks drift apart …
  int max_late_ms = 250;  // … but never more than this later than the interval (alert latency)
};

class PollPolicy {
 public:
  PollPolicy(PollConfig config, uint64_t seed);

  // Delay before the first poll after start, in ms.
  int64_t FirstDelayMs();
  // After an accepted (200) or unchanged (304) poll; `ttl_s` is the feed's ttl when known.
  int64_t OnSuccess(std::optional<int> ttl_s);
  // After a failed or rejected poll. `retry_after_s` (already resolved from the header) applies to
  // 429 and 503 only and is honoured instead of the backoff.
  int64_t OnFailure(int http_status, std::optional<int64_t> retry_after_s);

  int consecutive_failures() const { return failures_; }
  // The regular interval in effect (configured, lengthened by ttl, at least the floor), in seconds.
  int effective_interval_s() const;

 private:
  int64_t Uniform(int64_t lo, int64_t hi);
  PollConfig config_;
  std::mt19937_64 rng_;
  int failures_ = 0;
  std::optional<int> ttl_s_;
};

// Retry-After as seconds from now: delta-seconds ("120") or an HTTP-date, the latter measured
// against the same response's Date header when present (so a wrong local clock does not matter),
// else `now`. nullopt when absent or malformed; negative results become 0.
std::optional<int64_t> ParseRetryAfter(std::string_view value, std::string_view date_header,
                                       UnixSeconds now);

}  // namespace machikado::net
