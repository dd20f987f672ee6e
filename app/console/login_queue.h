// LoginQueue: a bounded queue for password checks. Argon2id is slow on purpose (~0.1 s of CPU and
// 64 MiB each), so a burst of logins — a whole office at 9:00 — must neither take every HTTP
// worker nor pile up without end: at most `checks` run at once, at most `waiting` more wait for
// a turn, and any further login is answered at once with 503 and a Retry-After (the browser
// console says so and tries again by itself). Each waiting login holds an HTTP worker, so
// checks + waiting stays below the console's `threads` (console_config.cpp checks it), leaving
// workers for edits and kiosk reports.
// Thread-safe (a mutex and a condition variable). Owned by the ConsoleContext.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace machikado::console {

struct LoginQueueOptions {
  int checks = 2;   // password checks at once (the machine's cores are the limit)
  int waiting = 4;  // logins waiting for a turn
};

class LoginQueue {
 public:
  explicit LoginQueue(LoginQueueOptions options = {});

  // Runs `check` once a turn is free and returns its answer; nullopt at once, without running it,
  // when `checks` run and `waiting` already wait (the queue is full: answer 503).
  std::optional<bool> Run(const std::function<bool()>& check);

  // Seconds after which a refused login may hope for a turn: the checks ahead of it at the average
  // duration seen so far (1 s before any), rounded up, 1–60.
  int RetryAfterSeconds() const;

  int running() const;
  int waiting() const;
  uint64_t refused() const;

 private:
  const LoginQueueOptions options_;
  mutable std::mutex mu_;
  std::condition_variable turn_;
  int running_ = 0;
  int waiting_ = 0;
  uint64_t refused_ = 0;
  double average_s_ = 0;  // moving average of a check's duration
};

}  // namespace machikado::console
