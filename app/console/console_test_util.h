// A console for tests: a temp state directory, a store, a key, the HTTP service on a free port of
// 127.0.0.1 (served on its own thread) and a FakeClock; users made directly in the store.
// Header-only, test code only.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "console/publisher.h"
#include "console/secrets.h"
#include "console/server.h"
#include "console/store.h"
#include "core/temp_dir.h"

namespace machikado::console::testing {

using J = nlohmann::json;

inline J NewsItem(const std::string& id, const std::string& title = "秋の防災訓練") {
  return J{{"id", id}, {"kind", "news"}, {"title", {{"ja", title}, {"en", "Autumn drill"}}}};
}
inline J AlertItem(const std::string& id, int level) {
  return J{{"id", id},       {"kind", "alert"},   {"title", "避難指示"},
           {"level", level}, {"hazard", "flood"}, {"issued", "2026-11-23T09:00:00+09:00"}};
}

class TestConsole {
 public:
  explicit TestConsole(FileSystem* fs = nullptr) : fs_(fs ? *fs : posix_) {
    config_.state_dir = dir_.path();
    config_.publish_dir = dir_.path() + "/publish";
    config_.port = 0;
    config_.max_body_bytes = 64 * 1024;
    config_.max_report_bytes = 64 * 1024;
    config_.threads = 4;
    config_.feeds = {{"center.news", "\"センターのお知らせ\"", 60},
                     {"center.alerts", "\"避難情報\"", 60}};
    store_ = Store::Open(dir_.path() + "/console.db").value();
    key_.emplace(LoadOrCreateKey(posix_, dir_.path(), true).value());
    publisher_ = std::make_unique<FeedPublisher>(config_.publish_dir, fs_, *key_);
    EXPECT_TRUE(publisher_->Start().ok());
    throttle_ = std::make_unique<LoginThrottle>(clock_);
    ctx_.reset(new ConsoleContext{config_, *store_, *publisher_, *throttle_, clock_, log_, {}, {}});
    server_ = std::make_unique<ConsoleServer>(*ctx_);
    EXPECT_TRUE(server_->Start().ok());
    thread_ = std::thread([this] { server_->Serve(); });
  }
  ~TestConsole() {
    server_->Stop();
    thread_.join();
  }

  void AddUser(const std::string& name, Role role, std::vector<std::string> feeds = {},
               const std::string& password = "correct horse battery") {
    User u;
    u.name = name;
    u.role = role;
    u.feeds = std::move(feeds);
    u.password_hash = HashPassword(password).value();
    ASSERT_TRUE(store_->AddUser(u).ok());
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(10);
    c.set_read_timeout(30);
    return c;
  }

  // Logs in; returns {cookie header, csrf}; empty cookie when refused.
  std::pair<std::string, std::string> Login(const std::string& name,
                                            const std::string& password = "correct horse battery") {
    auto c = Client();
    auto res = c.Post("/api/v1/session", J{{"name", name}, {"password", password}}.dump(),
                      "application/json");
    if (!res || res->status != 200) return {};
    std::string cookie = res->get_header_value("Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    return {cookie, J::parse(res->body)["csrf"].get<std::string>()};
  }

  Store& store() { return *store_; }
  // Set the injected preview / re-encoder before the requests that need them.
  ConsoleContext& ctx() { return *ctx_; }
  FakeClock& clock() { return clock_; }
  FeedPublisher& publisher() { return *publisher_; }
  const ConsoleConfig& config() const { return config_; }
  const std::string& dir() const { return dir_.path(); }
  const trust::SecretKey& key() const { return *key_; }

 private:
  ScopedTempDir dir_{"console-test"};
  PosixFileSystem posix_;
  FileSystem& fs_;
  ConsoleConfig config_;
  FakeClock clock_;
  MemoryLog log_;
  std::unique_ptr<Store> store_;
  std::optional<trust::SecretKey> key_;
  std::unique_ptr<FeedPublisher> publisher_;
  std::unique_ptr<LoginThrottle> throttle_;
  std::unique_ptr<ConsoleContext> ctx_;
  std::unique_ptr<ConsoleServer> server_;
  std::thread thread_;
};

// A session: a client that sends the cookie (and the CSRF token unless told not to).
struct Session {
  httplib::Client client;
  httplib::Headers headers;
  Session(TestConsole& console, const std::pair<std::string, std::string>& login,
          bool with_csrf = true)
      : client(console.Client()) {
    headers.emplace("Cookie", login.first);
    if (with_csrf) headers.emplace("X-CSRF-Token", login.second);
  }
  httplib::Result Post(const std::string& path, const J& body) {
    return client.Post(path.c_str(), headers, body.dump(), "application/json");
  }
  httplib::Result Put(const std::string& path, const J& body, int64_t revision) {
    httplib::Headers h = headers;
    h.emplace("If-Match", "\"" + std::to_string(revision) + "\"");
    return client.Put(path.c_str(), h, body.dump(), "application/json");
  }
  httplib::Result Get(const std::string& path) { return client.Get(path.c_str(), headers); }
};

}  // namespace machikado::console::testing
