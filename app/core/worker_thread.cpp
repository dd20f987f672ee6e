#include "core/worker_thread.h"

namespace machikado {

void StartWorker(std::thread& thread, std::atomic<bool>& stop, std::function<void()> body) {
  if (thread.joinable()) return;
  stop = false;
  thread = std::thread(std::move(body));
}

void StopWorker(std::thread& thread, std::atomic<bool>& stop, std::mutex& mu,
                std::condition_variable& cv) {
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
  }
  cv.notify_all();
  if (thread.joinable()) thread.join();
}

}  // namespace machikado
