#include "ops/play_log.h"

#include <sys/stat.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "feed/datetime.h"

namespace machikado::ops {

std::string PlayRecordToJson(const PlayRecord& r) {
  nlohmann::json j = {{"item", r.item_id},
                      {"kind", r.kind},
                      {"feed", r.feed},
                      {"start", feed::FormatRfc3339(r.start, 0)},
                      {"seconds", std::round(r.seconds * 10) / 10},
                      {"lang", r.lang},
                      {"mode", r.mode},
                      {"status", r.status}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

PlayLog::PlayLog(PlayLogOptions options) : options_(std::move(options)) {
  std::error_code ec;
  std::filesystem::create_directories(options_.dir, ec);
  thread_ = std::thread([this] { Run(); });
}

PlayLog::~PlayLog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void PlayLog::Record(PlayRecord record) {
  std::string line = PlayRecordToJson(record);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (queue_.size() >= options_.max_queue) {
      queue_.pop_front();
      ++dropped_;
    }
    queue_.push_back(std::move(line));
  }
  cv_.notify_one();
}

void PlayLog::Flush() {
  std::unique_lock<std::mutex> lock(mu_);
  drained_.wait(lock, [this] { return queue_.empty() && !writing_; });
}

uint64_t PlayLog::dropped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_;
}

uint64_t PlayLog::write_errors() const {
  std::lock_guard<std::mutex> lock(mu_);
  return write_errors_;
}

void PlayLog::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (queue_.empty() && stop_) break;
    std::deque<std::string> batch;
    batch.swap(queue_);
    writing_ = true;
    lock.unlock();
    for (const auto& line : batch) WriteLine(line);
    lock.lock();
    writing_ = false;
    if (queue_.empty()) drained_.notify_all();
  }
  drained_.notify_all();
}

void PlayLog::WriteLine(const std::string& line) {
  const std::string current = options_.dir + "/play.jsonl";
  struct stat st;
  if (::stat(current.c_str(), &st) == 0 &&
      static_cast<uint64_t>(st.st_size) + line.size() + 1 > options_.max_bytes) {
    // Rotate: play.<keep-1> → play.<keep>, …, play.jsonl → play.1.jsonl.
    auto name = [&](int i) { return options_.dir + "/play." + std::to_string(i) + ".jsonl"; };
    std::remove(name(options_.keep).c_str());
    for (int i = options_.keep - 1; i >= 1; --i) std::rename(name(i).c_str(), name(i + 1).c_str());
    std::rename(current.c_str(), name(1).c_str());
  }
  FILE* f = std::fopen(current.c_str(), "ae");
  bool ok =
      f && std::fwrite(line.data(), 1, line.size(), f) == line.size() && std::fputc('\n', f) != EOF;
  if (f && std::fclose(f) != 0) ok = false;
  if (!ok) {
    std::lock_guard<std::mutex> lock(mu_);
    ++write_errors_;
  }
}

}  // namespace machikado::ops
