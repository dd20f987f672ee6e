// Starting and stopping a background worker thread that sleeps on its owner's condition variable
// and watches its owner's stop flag (FeedPipeline, MediaWorker). The owner keeps the thread, the
// flag, the mutex and the condition variable; these two functions are the start/stop handshake.
// Call both from the owner's controlling thread only.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace machikado {

// Runs `body` on `thread` unless it is already running; clears `stop` first.
void StartWorker(std::thread& thread, std::atomic<bool>& stop, std::function<void()> body);

// Sets `stop` under `mu` (so a waiter that checks it under `mu` cannot miss the wake-up), wakes
// `cv` and joins `thread` when it runs.
void StopWorker(std::thread& thread, std::atomic<bool>& stop, std::mutex& mu,
                std::condition_variable& cv);

}  // namespace machikado
