// HttpClient: the fetch interface of the pipeline — one GET (optionally conditional) with a byte
// cap on the decoded body, timeouts and a content-type check; errors come back as values with a
// kind. Implementations: CurlHttpClient (http/https), SourceClient (adds file:// and plain paths),
// FakeHttpClient (tests). An HttpClient instance is used by one thread at a time (it may keep a
// connection open between calls).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace machikado::net {

// What the caller expects in the body; decides which Content-Type values are acceptable.
enum class ExpectedContent {
  kFeedJson,  // application/json, application/*+json, text/json, text/plain,
              // application/octet-stream, none
  kImage,     // image/*, application/octet-stream, none
  kMedia,     // video/*, image/*, application/mp4, text/vtt, application/octet-stream, none
  kAny,       // no check (tools, benchmarks)
};

struct HttpResponse;

// Receives the body of a 2xx response as it arrives instead of HttpResponse::body (the media
// cache streams videos to a file). Called on the fetching thread.
class BodySink {
 public:
  virtual ~BodySink() = default;
  // Before the first body byte of the final response (its status and headers are known). False
  // aborts the transfer (kFile).
  virtual bool Start(const HttpResponse& response) = 0;
  // A piece of the decoded body. False aborts the transfer (kFile: e.g. the disk is full).
  virtual bool Write(std::string_view bytes) = 0;
};

struct HttpRequest {
  std::string url;
  std::string if_none_match;      // "" = not sent
  std::string if_modified_since;  // "" = not sent (an HTTP-date, sent verbatim)
  ExpectedContent expect = ExpectedContent::kFeedJson;
  // Cap on the DECODED body (after Content-Encoding); exceeding it aborts the transfer (kTooLarge).
  size_t max_body_bytes = 4 * 1024 * 1024;  // FEED-v1 feed body limit
  int connect_timeout_ms = 10'000;          // TCP + TLS handshake
  int total_timeout_ms = 30'000;            // whole transfer, redirects included
  // Slow drip: abort when slower than low_speed_bytes_per_s for low_speed_time_s seconds.
  int low_speed_bytes_per_s = 64;
  int low_speed_time_s = 15;
  int max_redirects = 5;
  // PEM file of the certificate authorities https servers are checked against instead of the
  // system's (config `tls_ca_file`: a municipality's own CA; the soak's test CA). "" = the
  // system's.
  std::string ca_file;
  // When set and it becomes true, a transfer in progress is abandoned (kCancelled) within about a
  // second; lets the pipeline stop promptly even during a stalled fetch. Not owned.
  const std::atomic<bool>* cancel = nullptr;
  // > 0: ask for the body from this byte offset on (`Range: bytes=N-`, resuming a download). The
  // server may answer 206 (Content-Range tells where it starts) or ignore it and send 200.
  uint64_t range_start = 0;
  // When set, a 2xx body goes to the sink instead of HttpResponse::body (still capped by
  // max_body_bytes, counted over this transfer). Not owned.
  BodySink* sink = nullptr;
};

struct HttpResponse {
  int status = 0;  // 200, 304, … (0 when no HTTP response arrived)
  std::string etag;
  std::string last_modified;
  std::string date;  // the server's Date header, raw
  std::string content_type;
  std::string retry_after;    // raw; parse with ParseRetryAfter (poll_policy.h)
  std::string content_range;  // raw, e.g. "bytes 1000-4999/5000" on a 206
  // Content-Length of the final response as announced (-1 when absent).
  int64_t content_length = -1;
  std::string body;           // decoded; empty for 304
  std::string effective_url;  // after redirects
  // Bytes on the wire: request headers + response headers + body as received (possibly compressed).
  uint64_t wire_bytes = 0;
  bool not_modified() const { return status == 304; }
};

enum class FetchErrorKind {
  kNone,
  kDns,                // host name did not resolve
  kConnect,            // refused, unreachable
  kTimeout,            // connect or total timeout, or the low-speed abort
  kTls,                // certificate or handshake
  kTooLarge,           // decoded body above max_body_bytes (also a gzip bomb)
  kDecode,             // bad Content-Encoding data
  kTooManyRedirects,   // more than max_redirects
  kHttpStatus,         // a status other than 2xx/304 (see response.status)
  kContentType,        // e.g. text/html from a captive portal
  kTruncated,          // the connection closed before the announced body length
  kUnsupportedScheme,  // not http, https, file or a path
  kFile,               // a local file could not be read
  kCancelled,          // HttpRequest::cancel was set (shutdown)
                       // (kFile also: HttpRequest::sink refused the body, e.g. a full disk)
  kOther,
};

std::string_view FetchErrorKindName(FetchErrorKind k);  // "dns", "connect", "timeout", …

struct FetchError {
  FetchErrorKind kind = FetchErrorKind::kNone;
  std::string message;  // for IT staff: what happened, with the URL's host or path
};

// The outcome of one fetch: a response (possibly a 304) or an error. On kHttpStatus the response's
// status and headers (Retry-After, Date) are filled in as well.
struct FetchResult {
  HttpResponse response;
  FetchError error;
  bool ok() const { return error.kind == FetchErrorKind::kNone; }
  static FetchResult Fail(FetchErrorKind kind, std::string message) {
    FetchResult r;
    r.error = {kind, std::move(message)};
    return r;
  }
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual FetchResult Fetch(const HttpRequest& request) = 0;
};

// True when `content_type` (a Content-Type header value, parameters allowed) is acceptable for
// `expect`.
bool ContentTypeAcceptable(std::string_view content_type, ExpectedContent expect);

// FakeHttpClient: scripted responses per URL for unit tests; records every request. Thread-safe.
class FakeHttpClient final : public HttpClient {
 public:
  // Queues a result for `url`; results are handed out in order, the last one repeats.
  void Push(const std::string& url, FetchResult result);
  // Convenience: a 200 with body and validators.
  void PushOk(const std::string& url, std::string body, std::string etag = "",
              std::string last_modified = "", std::string date = "");
  void PushNotModified(const std::string& url, std::string date = "");
  void PushError(const std::string& url, FetchErrorKind kind, int status = 0,
                 std::string retry_after = "");

  FetchResult Fetch(const HttpRequest& request) override;
  std::vector<HttpRequest> requests() const;
  size_t request_count(const std::string& url) const;

 private:
  struct Script {
    std::string url;
    std::deque<FetchResult> results;
  };
  mutable std::mutex mu_;
  std::vector<Script> scripts_;
  std::vector<HttpRequest> requests_;
};

}  // namespace machikado::net
