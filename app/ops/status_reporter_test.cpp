// StatusReporter: posts status.json with the token to a loopback server; an unreachable console
// (hung) neither blocks nor fails the owner (the destructor returns promptly).
#include "ops/status_reporter.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/temp_dir.h"
#include "net/curl_http_client.h"

namespace machikado::ops {
namespace {

TEST(StatusReporter, PostsStatusJsonWithTheToken) {
  net::CurlGlobal curl;
  ScopedTempDir dir("reporter");
  PosixFileSystem fs;
  ASSERT_TRUE(fs.WriteFileAtomic(dir.path() + "/status.json", "{\"mode\":\"rotation\"}").ok());
  httplib::Server server;
  std::mutex mu;
  std::condition_variable cv;
  std::string got_body, got_auth;
  server.Post("/report", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mu);
    got_body = req.body;
    got_auth = req.get_header_value("Authorization");
    res.status = 204;
    cv.notify_all();
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });
  MemoryLog log;
  {
    StatusReporterOptions o;
    o.url = "http://127.0.0.1:" + std::to_string(port) + "/report";
    o.token = "kiosk-token";
    o.status_path = dir.path() + "/status.json";
    o.first_delay_ms = 0;
    StatusReporter reporter(o, fs, log);
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return !got_body.empty(); }));
    EXPECT_EQ(got_body, "{\"mode\":\"rotation\"}");
    EXPECT_EQ(got_auth, "Bearer kiosk-token");
  }
  server.stop();
  serving.join();
}

TEST(StatusReporter, AHungConsoleIsLoggedOnceAndDoesNotBlock) {
  net::CurlGlobal curl;
  ScopedTempDir dir("reporter");
  PosixFileSystem fs;
  ASSERT_TRUE(fs.WriteFileAtomic(dir.path() + "/status.json", "{}").ok());
  // A console that accepts connections (the listen backlog) and never answers.
  httplib::Server hung;
  const int port = hung.bind_to_any_port("127.0.0.1");
  MemoryLog log;
  StatusReporterOptions o;
  o.url = "http://127.0.0.1:" + std::to_string(port) + "/report";
  o.token = "t";
  o.status_path = dir.path() + "/status.json";
  o.first_delay_ms = 0;
  o.interval_ms = 10;
  o.timeout_ms = 200;
  auto reporter = std::make_unique<StatusReporter>(o, fs, log);
  for (int i = 0; i < 3000 && reporter->failed() < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GE(reporter->failed(), 3u);
  reporter.reset();  // joins: must not hang
  int warnings = 0;
  for (const auto& l : log.lines()) warnings += l.text.find("status report") != std::string::npos;
  EXPECT_EQ(warnings, 1);
}

}  // namespace
}  // namespace machikado::ops
