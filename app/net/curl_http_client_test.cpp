// Integration tests of CurlHttpClient against an in-process server on 127.0.0.1.
#include "net/curl_http_client.h"

#include <gtest/gtest.h>

#include "gzip_bomb.h"
#include "loopback_server.h"

namespace machikado::net {
namespace {

using machikado::testing::LoopbackServer;
using namespace std::chrono_literals;

constexpr char kJson[] = "application/json; charset=utf-8";

class CurlClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(global_.status().ok());
    Route();
    server_.Start();
  }
  void Route() {
    auto& s = server_.server();
    s.Get("/etag", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
      } else {
        res.set_content("{\"v\":1}", kJson);
      }
      res.set_header("ETag", "\"v1\"");
      res.set_header("Date", "Mon, 23 Nov 2026 00:00:00 GMT");
    });
    s.Get("/lastmod", [](const httplib::Request& req, httplib::Response& res) {
      const std::string lm = "Sun, 22 Nov 2026 10:00:00 GMT";
      if (req.get_header_value("If-Modified-Since") == lm) {
        res.status = 304;
      } else {
        res.set_content("{}", kJson);
        res.set_header("Last-Modified", lm);
      }
    });
    s.Get("/500", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content("<html>oops</html>", "text/html");
    });
    s.Get("/404", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    s.Get("/429", [](const httplib::Request&, httplib::Response& res) {
      res.status = 429;
      res.set_header("Retry-After", "7");
    });
    s.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
      server_.Stalled(10s);
      res.set_content("{}", kJson);
    });
    s.Get("/drip", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider(kJson, [this](size_t, httplib::DataSink& sink) {
        if (!server_.Stalled(300ms)) return false;
        sink.write(" ", 1);
        return true;
      });
    });
    s.Get("/truncated", [](const httplib::Request&, httplib::Response& res) {
      res.set_content_provider(1000, kJson, [](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset > 0) return false;  // the connection drops after 100 of 1000 bytes
        sink.write(std::string(100, ' ').data(), 100);
        return true;
      });
    });
    s.Get("/loop",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
    s.Get("/hop",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/etag"); });
    s.Get("/to-file", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("file:///etc/passwd");
    });
    s.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(2000, ' '), kJson);
    });
    s.Get("/bomb", [this](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(Bomb(), kJson);
    });
    s.Get("/text", [](const httplib::Request&, httplib::Response& res) {
      // cpp-httplib gzips text/* for clients that accept it: the client must decode transparently.
      std::string body;
      for (int i = 0; i < 2000; ++i) body += "{\"line\": " + std::to_string(i) + "}\n";
      res.set_content(body, "text/plain");
    });
    s.Get("/clip.mp4", [](const httplib::Request&, httplib::Response& res) {
      // cpp-httplib answers a Range request with 206 and Content-Range by itself.
      res.set_content(Clip(), "video/mp4");
    });
    s.Get("/portal", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body>Please log in to the guest Wi-Fi</body></html>", "text/html");
    });
  }
  FetchResult Get(const std::string& path, HttpRequest req = {}) {
    req.url = server_.Url(path);
    req.connect_timeout_ms = 2000;
    if (req.total_timeout_ms == HttpRequest{}.total_timeout_ms) req.total_timeout_ms = 5000;
    return client_.Fetch(req);
  }

  static std::string Clip() {
    std::string s;
    for (int i = 0; i < 100000; ++i) s.push_back(static_cast<char>('a' + i % 26));
    return s;
  }

  CurlGlobal global_;
  LoopbackServer server_;
  CurlHttpClient client_;
  // 64 MiB of zeros, about 64 KiB gzipped; built once for the whole suite.
  static const std::string& Bomb() {
    static const std::string bomb = machikado::testing::GzipOfZeros(64u << 20);
    return bomb;
  }
};

TEST_F(CurlClientTest, EtagRoundTripAnswers304WithoutABody) {
  FetchResult first = Get("/etag");
  ASSERT_TRUE(first.ok()) << first.error.message;
  EXPECT_EQ(first.response.status, 200);
  EXPECT_EQ(first.response.body, "{\"v\":1}");
  EXPECT_EQ(first.response.etag, "\"v1\"");
  EXPECT_EQ(first.response.date, "Mon, 23 Nov 2026 00:00:00 GMT");
  EXPECT_GT(first.response.wire_bytes, 0u);

  HttpRequest cond;
  cond.if_none_match = first.response.etag;
  FetchResult second = Get("/etag", cond);
  ASSERT_TRUE(second.ok()) << second.error.message;
  EXPECT_TRUE(second.response.not_modified());
  EXPECT_TRUE(second.response.body.empty());

  auto seen = server_.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].if_none_match, "");
  EXPECT_EQ(seen[1].if_none_match, "\"v1\"");
  EXPECT_NE(seen[1].accept_encoding.find("gzip"), std::string::npos);
  EXPECT_EQ(seen[1].user_agent, UserAgent());
  EXPECT_EQ(seen[1].user_agent.rfind("machikado/", 0), 0u);
}

TEST_F(CurlClientTest, LastModifiedRoundTripAnswers304) {
  FetchResult first = Get("/lastmod");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.response.last_modified, "Sun, 22 Nov 2026 10:00:00 GMT");
  HttpRequest cond;
  cond.if_modified_since = first.response.last_modified;
  FetchResult second = Get("/lastmod", cond);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.response.status, 304);
  EXPECT_EQ(server_.seen().back().if_modified_since, "Sun, 22 Nov 2026 10:00:00 GMT");
}

TEST_F(CurlClientTest, ServerErrorsAreHttpStatusErrors) {
  FetchResult r500 = Get("/500");
  EXPECT_EQ(r500.error.kind, FetchErrorKind::kHttpStatus);
  EXPECT_EQ(r500.response.status, 500);
  EXPECT_TRUE(r500.response.body.empty());
  EXPECT_NE(r500.error.message.find("500"), std::string::npos);
  FetchResult r404 = Get("/404");
  EXPECT_EQ(r404.error.kind, FetchErrorKind::kHttpStatus);
  EXPECT_EQ(r404.response.status, 404);
}

TEST_F(CurlClientTest, TooManyRequestsCarriesRetryAfter) {
  FetchResult r = Get("/429");
  EXPECT_EQ(r.error.kind, FetchErrorKind::kHttpStatus);
  EXPECT_EQ(r.response.status, 429);
  EXPECT_EQ(r.response.retry_after, "7");
}

TEST_F(CurlClientTest, AStalledServerTimesOut) {
  HttpRequest req;
  req.total_timeout_ms = 300;
  FetchResult r = Get("/stall", req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTimeout) << r.error.message;
}

TEST_F(CurlClientTest, ASlowDripIsAbortedByTheLowSpeedLimit) {
  HttpRequest req;
  req.low_speed_bytes_per_s = 100;
  req.low_speed_time_s = 1;
  req.total_timeout_ms = 20'000;  // the low-speed limit, not the total timeout, must fire
  FetchResult r = Get("/drip", req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTimeout) << r.error.message;
  EXPECT_NE(r.error.message.find("slow"), std::string::npos) << r.error.message;
}

TEST_F(CurlClientTest, ConnectionRefusedIsAConnectError) {
  HttpRequest req;
  req.url = "http://127.0.0.1:" + std::to_string(machikado::testing::UnusedLoopbackPort()) + "/";
  FetchResult r = client_.Fetch(req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kConnect) << r.error.message;
}

TEST_F(CurlClientTest, ABodyShorterThanContentLengthIsTruncated) {
  FetchResult r = Get("/truncated");
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTruncated) << r.error.message;
  EXPECT_TRUE(r.response.body.empty());
}

TEST_F(CurlClientTest, ARedirectLoopStopsAfterFiveRedirects) {
  FetchResult r = Get("/loop");
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTooManyRedirects) << r.error.message;
  EXPECT_EQ(server_.hits("/loop"), 6u);  // the request and 5 redirects
}

TEST_F(CurlClientTest, FollowsARedirect) {
  FetchResult r = Get("/hop");
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.response.body, "{\"v\":1}");
  EXPECT_EQ(r.response.effective_url, server_.Url("/etag"));
}

TEST_F(CurlClientTest, RefusesARedirectToAFileUrl) {
  FetchResult r = Get("/to-file");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error.kind, FetchErrorKind::kUnsupportedScheme) << r.error.message;
}

TEST_F(CurlClientTest, RefusesSchemesOtherThanHttp) {
  HttpRequest req;
  req.url = "file:///etc/hostname";
  EXPECT_EQ(client_.Fetch(req).error.kind, FetchErrorKind::kUnsupportedScheme);
  req.url = "ftp://127.0.0.1/x";
  EXPECT_EQ(client_.Fetch(req).error.kind, FetchErrorKind::kUnsupportedScheme);
}

TEST_F(CurlClientTest, ABodyAboveTheCapIsTooLarge) {
  HttpRequest req;
  req.max_body_bytes = 1000;
  FetchResult r = Get("/big", req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTooLarge) << r.error.message;
  EXPECT_TRUE(r.response.body.empty());
}

TEST_F(CurlClientTest, AGzipBombIsTooLargeOnceDecoded) {
  ASSERT_LT(Bomb().size(), 1u << 20);  // small on the wire…
  HttpRequest req;
  req.max_body_bytes = 1u << 20;  // …but 64 MiB decoded
  req.total_timeout_ms = 30'000;
  FetchResult r = Get("/bomb", req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTooLarge) << r.error.message;
  EXPECT_NE(r.error.message.find("decoded"), std::string::npos);
  EXPECT_TRUE(r.response.body.empty());
}

TEST_F(CurlClientTest, DecodesGzipTransparently) {
  FetchResult r = Get("/text");
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(r.response.body.rfind("{\"line\": 0}\n", 0), 0u);
  EXPECT_NE(r.response.body.find("{\"line\": 1999}\n"), std::string::npos);
  EXPECT_LT(r.response.wire_bytes, r.response.body.size());  // it did travel compressed
}

TEST_F(CurlClientTest, AnHtmlPageIsAContentTypeError) {
  FetchResult r = Get("/portal");
  EXPECT_EQ(r.error.kind, FetchErrorKind::kContentType);
  EXPECT_NE(r.error.message.find("text/html"), std::string::npos);
  EXPECT_TRUE(r.response.body.empty());
}

TEST_F(CurlClientTest, ReusesTheConnectionBetweenPolls) {
  HttpRequest cond;
  cond.if_none_match = "\"v1\"";
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Get("/etag", cond).ok());
  // One kept-alive connection: every request comes from the same client port.
  auto seen = server_.seen();
  ASSERT_EQ(seen.size(), 5u);
  for (const auto& s : seen) EXPECT_EQ(s.remote_port, seen[0].remote_port);
}

// Collects what a BodySink is given.
struct RecordingSink final : BodySink {
  bool Start(const HttpResponse& r) override {
    ++starts;
    status = r.status;
    content_range = r.content_range;
    return true;
  }
  bool Write(std::string_view b) override {
    if (refuse_after >= 0 && bytes.size() + b.size() > static_cast<size_t>(refuse_after))
      return false;
    bytes.append(b);
    return true;
  }
  int starts = 0;
  int status = 0;
  std::string content_range;
  std::string bytes;
  long refuse_after = -1;
};

TEST_F(CurlClientTest, StreamsABodyIntoASink) {
  RecordingSink sink;
  HttpRequest req;
  req.expect = ExpectedContent::kMedia;
  req.sink = &sink;
  req.max_body_bytes = 1 << 20;
  FetchResult r = Get("/clip.mp4", req);
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(sink.starts, 1);
  EXPECT_EQ(sink.status, 200);
  EXPECT_EQ(sink.bytes, Clip());
  EXPECT_TRUE(r.response.body.empty());
  EXPECT_EQ(r.response.content_length, static_cast<int64_t>(Clip().size()));
}

TEST_F(CurlClientTest, ARangeRequestResumesFromAnOffset) {
  RecordingSink sink;
  HttpRequest req;
  req.expect = ExpectedContent::kMedia;
  req.sink = &sink;
  req.range_start = 60000;
  FetchResult r = Get("/clip.mp4", req);
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(sink.status, 206);
  EXPECT_EQ(sink.content_range, "bytes 60000-99999/100000");
  EXPECT_EQ(sink.bytes, Clip().substr(60000));
}

TEST_F(CurlClientTest, ASinkThatRefusesAbortsWithAFileError) {
  RecordingSink sink;
  sink.refuse_after = 1000;
  HttpRequest req;
  req.expect = ExpectedContent::kMedia;
  req.sink = &sink;
  FetchResult r = Get("/clip.mp4", req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kFile);
  EXPECT_LE(sink.bytes.size(), 1000u);
}

TEST_F(CurlClientTest, TheCapAppliesToASinkToo) {
  RecordingSink sink;
  HttpRequest req;
  req.expect = ExpectedContent::kMedia;
  req.sink = &sink;
  req.max_body_bytes = 5000;
  FetchResult r = Get("/clip.mp4", req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kTooLarge);
  EXPECT_LE(sink.bytes.size(), 5000u);
}

TEST_F(CurlClientTest, MediaRefusesAPortalPage) {
  RecordingSink sink;
  HttpRequest req;
  req.expect = ExpectedContent::kMedia;
  req.sink = &sink;
  FetchResult r = Get("/portal", req);
  EXPECT_EQ(r.error.kind, FetchErrorKind::kContentType);
  EXPECT_EQ(sink.starts, 0);
}

}  // namespace
}  // namespace machikado::net
