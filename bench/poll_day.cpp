// poll_day: the cost of a day of polling one feed every 10 s when nothing changes — 8640
// conditional GETs answered 304 by a cpp-httplib server on 127.0.0.1 that behaves like nginx's
// defaults (ETag, Date, keep-alive for up to 1000 requests). The polls run back to back; the cost
// per poll is what matters. Two runs: the bare CurlHttpClient, and the whole FeedPipeline (poll
// policy, 304 handling, snapshot publication) driven by a FakeClock advancing 10 s per poll. Bytes
// = request + response headers + body as on the wire (CURLINFO_REQUEST_SIZE + HEADER_SIZE +
// SIZE_DOWNLOAD). CPU = getrusage(RUSAGE_THREAD) of the polling thread only (the server has its
// own). Usage: poll_day [POLLS]   (default 8640)
#include <httplib.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/log.h"
#include "net/curl_http_client.h"
#include "pipeline/feed_pipeline.h"
#include "platform/build_paths.h"

using namespace machikado;

namespace {

double ThreadCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_THREAD, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Counts the wire bytes of every fetch made through it.
class CountingClient final : public net::HttpClient {
 public:
  explicit CountingClient(net::HttpClient& inner) : inner_(inner) {}
  net::FetchResult Fetch(const net::HttpRequest& req) override {
    net::FetchResult r = inner_.Fetch(req);
    bytes += r.response.wire_bytes;
    ++requests;
    not_modified += r.response.status == 304;
    if (!r.ok() && errors++ < 3) std::fprintf(stderr, "poll_day: %s\n", r.error.message.c_str());
    return r;
  }
  uint64_t bytes = 0, requests = 0, not_modified = 0, errors = 0;

 private:
  net::HttpClient& inner_;
};

void Report(const char* what, const CountingClient& c, double cpu_s, double wall_s) {
  std::printf(
      "%-28s polls %6llu (304: %llu)  bytes %9llu (%.2f MB, %.0f B/poll)  CPU %.3f s "
      "(%.1f us/poll)  wall %.2f s\n",
      what, static_cast<unsigned long long>(c.requests),
      static_cast<unsigned long long>(c.not_modified), static_cast<unsigned long long>(c.bytes),
      c.bytes / 1e6, static_cast<double>(c.bytes) / c.requests, cpu_s, cpu_s / c.requests * 1e6,
      wall_s);
}

}  // namespace

int main(int argc, char** argv) {
  const int polls = argc > 1 ? std::atoi(argv[1]) : 8640;
  std::ifstream in(std::string(MACHIKADO_SOURCE_DIR) + "/feeds/demo/news.json");
  std::stringstream ss;
  ss << in.rdbuf();
  // The demo feed asks for "ttl": 300, which would (rightly) stretch the pipeline's 10 s interval
  // to 5 min; the day simulated here is the worst case of a feed polled every 10 s, so serve
  // ttl 10.
  std::string body = ss.str();
  if (size_t at = body.find("\"ttl\": 300"); at != std::string::npos) {
    body.replace(at, 10, "\"ttl\": 10");
  }
  const std::string etag = "\"65f1c2a8-3b1f\"";

  httplib::Server server;
  server.set_keep_alive_max_count(1000);  // nginx: keepalive_requests 1000
  server.set_keep_alive_timeout(75);      // nginx: keepalive_timeout 75s
  server.Get("/news.json", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", etag);
    res.set_header("Date", "Mon, 23 Nov 2026 00:00:00 GMT");
    res.set_header("Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT");
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      return;
    }
    res.set_content(body, "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/news.json";

  net::CurlGlobal curl;
  if (!curl.status().ok()) {
    std::fprintf(stderr, "%s\n", curl.status().message().c_str());
    return 1;
  }
  std::printf("poll_day: %d polls of %s (a %zu-byte feed, unchanged)\n", polls, url.c_str(),
              body.size());

  {  // 1. The bare client: one 200, then conditional GETs.
    net::CurlHttpClient curl_client;
    CountingClient client(curl_client);
    net::HttpRequest req;
    req.url = url;
    net::FetchResult first = client.Fetch(req);
    req.if_none_match = first.response.etag;
    client.bytes = client.requests = client.not_modified = 0;
    const double cpu0 = ThreadCpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < polls; ++i) client.Fetch(req);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    Report("HttpClient, 304s", client, ThreadCpuSeconds() - cpu0, wall);
  }
  {  // 2. The whole pipeline with a fake clock: every RunDue is one 10 s poll.
    net::CurlHttpClient curl_client;
    CountingClient client(curl_client);
    FakeClock clock;
    pipeline::ClockSanity sanity(clock);
    pipeline::MemoryFeedStore store;
    MemoryLog log;
    pipeline::PipelineConfig config;
    config.feeds.push_back({url, 10, false});
    config.poll.start_jitter_max_s = 0;
    config.poll.steady_jitter = 0;
    config.fetch_images = false;  // the feed's images are not served here; polling is measured
    pipeline::FeedPipeline p(config, client, &store, clock, sanity, log);
    p.LoadCache();
    p.RunDue();  // the initial 200
    client.bytes = client.requests = client.not_modified = 0;
    const double cpu0 = ThreadCpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < polls; ++i) {
      clock.advance_s(10);
      p.RunDue();
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    Report("FeedPipeline, 304s", client, ThreadCpuSeconds() - cpu0, wall);
    if (p.Latest()->feeds[0].state != pipeline::FeedReport::State::kOk) {
      std::fprintf(stderr, "unexpected feed state: %s\n", p.Latest()->feeds[0].last_error.c_str());
    }
  }
  server.stop();
  serving.join();
  return 0;
}
