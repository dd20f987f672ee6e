#include "ops/status_reporter.h"

#include <curl/curl.h>

#include <chrono>

namespace machikado::ops {
namespace {

size_t Discard(char*, size_t size, size_t n, void*) {
  return size * n;
}

}  // namespace

StatusReporter::StatusReporter(StatusReporterOptions options, FileSystem& fs, Log& log)
    : options_(std::move(options)), fs_(fs), log_(log), thread_([this] { Run(); }) {}

StatusReporter::~StatusReporter() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

uint64_t StatusReporter::sent() const {
  std::lock_guard lock(mu_);
  return sent_;
}
uint64_t StatusReporter::failed() const {
  std::lock_guard lock(mu_);
  return failed_;
}

bool StatusReporter::SendOnce() {
  Result<std::string> body = fs_.ReadFile(options_.status_path, options_.max_bytes);
  if (!body.ok())
    return body.status().code() == StatusCode::kNotFound;  // nothing yet: not a failure
  CURL* curl = curl_easy_init();
  if (!curl) return false;
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, ("Authorization: Bearer " + options_.token).c_str());
  curl_easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body->size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Discard);
  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  const bool ok = rc == CURLE_OK && code >= 200 && code < 300;
  std::lock_guard lock(mu_);
  if (ok) {
    ++sent_;
    if (failing_) log_.info("status report: the console answers again");
    failing_ = false;
  } else {
    ++failed_;
    if (!failing_)
      log_.warn(
          "status report to " + options_.url + " failed (" +
          (rc != CURLE_OK ? std::string(curl_easy_strerror(rc)) : "HTTP " + std::to_string(code)) +
          "); the kiosk carries on and retries every interval");
    failing_ = true;
  }
  return ok;
}

void StatusReporter::Run() {
  int64_t wait_ms = options_.first_delay_ms;
  while (true) {
    {
      std::unique_lock lock(mu_);
      if (cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stop_; })) return;
    }
    SendOnce();
    wait_ms = options_.interval_ms;
  }
}

}  // namespace machikado::ops
