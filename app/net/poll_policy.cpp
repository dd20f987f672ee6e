#include "net/poll_policy.h"

#include <algorithm>
#include <cctype>

#include "net/http_date.h"

namespace machikado::net {

PollPolicy::PollPolicy(PollConfig config, uint64_t seed) : config_(config), rng_(seed) {}

int64_t PollPolicy::Uniform(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
}

int PollPolicy::effective_interval_s() const {
  int interval = std::max(config_.interval_s, config_.floor_s);
  if (ttl_s_ && *ttl_s_ > interval) {
    interval = std::max(interval, std::min(*ttl_s_, config_.max_ttl_interval_s));
  }
  return interval;
}

int64_t PollPolicy::FirstDelayMs() {
  const int64_t max_ms =
      int64_t{std::min(config_.start_jitter_max_s, effective_interval_s())} * 1000;
  return Uniform(0, std::max<int64_t>(0, max_ms));
}

int64_t PollPolicy::OnSuccess(std::optional<int> ttl_s) {
  failures_ = 0;
  if (ttl_s) ttl_s_ = ttl_s;
  const int64_t base = int64_t{effective_interval_s()} * 1000;
  const int64_t spread = static_cast<int64_t>(static_cast<double>(base) * config_.steady_jitter);
  // Spread mostly downwards: a poll is never more than max_late_ms later than its interval
  // promises, so an alert published right after a poll is on screen within interval + ~0.5 s.
  const int64_t late = std::min<int64_t>(spread, config_.max_late_ms);
  return std::max<int64_t>(int64_t{config_.floor_s} * 1000, Uniform(base - spread, base + late));
}

int64_t PollPolicy::OnFailure(int http_status, std::optional<int64_t> retry_after_s) {
  failures_ = std::min(failures_ + 1, 62);
  const int64_t floor_ms = int64_t{config_.floor_s} * 1000;
  if ((http_status == 429 || http_status == 503) && retry_after_s) {
    const int64_t s =
        std::clamp<int64_t>(*retry_after_s, config_.floor_s, config_.retry_after_max_s);
    return s * 1000;
  }
  // Full jitter (uniform in [0, min(cap, interval·2^n)]), never below the floor: the interval is
  // the base so a failing server sees no more than the normal load on average from the second
  // failure on.
  const int64_t interval_ms = int64_t{effective_interval_s()} * 1000;
  const int64_t cap_ms = std::max<int64_t>(int64_t{config_.backoff_cap_s} * 1000, interval_ms);
  int64_t ceiling = interval_ms;
  for (int i = 0; i < failures_ && ceiling < cap_ms; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap_ms);
  return std::max(floor_ms, Uniform(0, ceiling));
}

std::optional<int64_t> ParseRetryAfter(std::string_view value, std::string_view date_header,
                                       UnixSeconds now) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
    value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (value.size() > 9) return int64_t{999'999'999};  // absurd; the policy clamps it
    return std::stoll(std::string(value));
  }
  std::optional<UnixSeconds> at = ParseHttpDate(value);
  if (!at) return std::nullopt;
  UnixSeconds reference = now;
  if (std::optional<UnixSeconds> server_now = ParseHttpDate(date_header)) reference = *server_now;
  return std::max<int64_t>(0, *at - reference);
}

}  // namespace machikado::net
