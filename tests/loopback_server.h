// LoopbackServer: an in-process cpp-httplib server on 127.0.0.1 with a free port, for integration
// tests of the fetcher and the pipeline. Records the headers of every request. Handlers that stall
// (timeout, slow drip) wait on Stalled(), which returns as soon as the server shuts down, so tests
// end promptly. Thread-safe; handlers run on the server's worker threads.
#pragma once

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace machikado::testing {

class LoopbackServer {
 public:
  struct Seen {
    std::string path;
    std::string if_none_match;
    std::string if_modified_since;
    std::string accept_encoding;
    std::string user_agent;
    int remote_port = 0;  // the client's port: equal ports mean one kept-alive connection
  };

  LoopbackServer() {
    server_.set_keep_alive_max_count(1'000'000);
    server_.set_keep_alive_timeout(1);  // Stop() waits for idle kept-alive connections this long
    // Recorded before routing, so a request is visible as soon as its response can be.
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mu_);
      seen_.push_back({req.path, req.get_header_value("If-None-Match"),
                       req.get_header_value("If-Modified-Since"),
                       req.get_header_value("Accept-Encoding"), req.get_header_value("User-Agent"),
                       req.remote_port});
      return httplib::Server::HandlerResponse::Unhandled;
    });
  }
  ~LoopbackServer() { Stop(); }

  httplib::Server& server() { return server_; }

  // Binds to a free port and serves in a background thread; returns the port.
  int Start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // httplib's stop() is a no-op until the accept loop runs; a test that stops the server at
    // once (e.g. "connection refused") would otherwise leave listen_after_bind() blocked forever.
    while (port_ > 0 && !server_.is_running())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return port_;
  }
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // Blocks a handler for up to `d`; false when the server is stopping.
  bool Stalled(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(mu_);
    return !cv_.wait_for(lock, d, [this] { return stopping_; });
  }
  std::vector<Seen> seen() const {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_;
  }
  size_t hits(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mu_);
    size_t n = 0;
    for (const auto& s : seen_) n += s.path == path;
    return n;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::vector<Seen> seen_;
};

// A free TCP port on 127.0.0.1 with nothing listening (bound, then closed), for "connection
// refused".
inline int UnusedLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);  // never listened: connecting is refused
  return port;
}

}  // namespace machikado::testing
