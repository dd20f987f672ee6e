// StatusReporter: sends the kiosk's status.json to the publishing console (`status_url`, with the
// kiosk's own `status_token` as a Bearer token) from its own thread: shortly after start, then
// every `interval_ms` (a minute by default). It reads the file the StatusFileWriter keeps, so the
// render thread is never involved; a slow, absent or failing console costs one short-timeout
// request a minute and a log line on the first failure, never a blocked or failed kiosk.
// Thread-safe: the destructor stops the thread within the request timeout.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "core/file_system.h"
#include "core/log.h"

namespace machikado::ops {

struct StatusReporterOptions {
  std::string url;          // POST target, e.g. https://console.ward.example.jp/api/v1/fleet/report
  std::string token;        // the kiosk's token (machikado console add-kiosk)
  std::string status_path;  // <state-dir>/status.json
  int64_t first_delay_ms = 5 * 1000;
  int64_t interval_ms = 60 * 1000;
  int64_t timeout_ms = 10 * 1000;
  uint64_t max_bytes = 256 * 1024;  // the console's max_report_bytes
};

class StatusReporter {
 public:
  // `fs` and `log` must outlive the reporter. curl_global_init must have run (net::CurlGlobal).
  StatusReporter(StatusReporterOptions options, FileSystem& fs, Log& log);
  ~StatusReporter();
  StatusReporter(const StatusReporter&) = delete;
  StatusReporter& operator=(const StatusReporter&) = delete;

  uint64_t sent() const;
  uint64_t failed() const;

 private:
  void Run();
  bool SendOnce();

  const StatusReporterOptions options_;
  FileSystem& fs_;
  Log& log_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  uint64_t sent_ = 0;
  uint64_t failed_ = 0;
  bool failing_ = false;
  std::thread thread_;
};

}  // namespace machikado::ops
