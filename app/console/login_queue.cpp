#include "console/login_queue.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace machikado::console {

LoginQueue::LoginQueue(LoginQueueOptions options) : options_(options) {}

std::optional<bool> LoginQueue::Run(const std::function<bool()>& check) {
  {
    std::unique_lock lock(mu_);
    if (running_ >= options_.checks) {
      if (waiting_ >= options_.waiting) {
        ++refused_;
        return std::nullopt;
      }
      ++waiting_;
      turn_.wait(lock, [&] { return running_ < options_.checks; });
      --waiting_;
    }
    ++running_;
  }
  // The turn is given back however `check` ends.
  struct Release {
    LoginQueue* q;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    ~Release() {
      const double s =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      {
        std::lock_guard lock(q->mu_);
        --q->running_;
        q->average_s_ = q->average_s_ == 0 ? s : 0.8 * q->average_s_ + 0.2 * s;
      }
      q->turn_.notify_one();
    }
  } release{this};
  return check();
}

int LoginQueue::RetryAfterSeconds() const {
  std::lock_guard lock(mu_);
  if (average_s_ <= 0) return 1;
  const double ahead = running_ + waiting_;
  const double s = std::ceil(average_s_ * ahead / std::max(1, options_.checks));
  return static_cast<int>(std::clamp(s, 1.0, 60.0));
}

int LoginQueue::running() const {
  std::lock_guard lock(mu_);
  return running_;
}

int LoginQueue::waiting() const {
  std::lock_guard lock(mu_);
  return waiting_;
}

uint64_t LoginQueue::refused() const {
  std::lock_guard lock(mu_);
  return refused_;
}

}  // namespace machikado::console
