#include "net/curl_http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace machikado::net {

CurlGlobal::CurlGlobal() {
  CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) {
    status_ = Status::Error(StatusCode::kInternal, std::string("libcurl initialisation failed: ") +
                                                       curl_easy_strerror(rc));
  }
}

CurlGlobal::~CurlGlobal() {
  if (status_.ok()) curl_global_cleanup();
}

std::string UserAgent() {
  return std::string("machikado/") + MACHIKADO_VERSION;
}

namespace {

// Per-transfer state shared with the callbacks.
struct Transfer {
  const HttpRequest* request = nullptr;
  HttpResponse* response = nullptr;
  bool too_large = false;
  bool wrong_type = false;
  size_t discarded = 0;  // body bytes of non-2xx responses (not kept)
  size_t received = 0;   // 2xx body bytes of this transfer (the cap, with a sink)
  bool sink_started = false;
  bool sink_failed = false;
};

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  return v;
}

// Headers arrive once per response, redirects included: a status line starts a new block, so what
// is left at the end describes the final response.
size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * n);
  HttpResponse& r = *t->response;
  if (line.rfind("HTTP/", 0) == 0) {
    r.etag.clear();
    r.last_modified.clear();
    r.date.clear();
    r.content_type.clear();
    r.retry_after.clear();
    r.content_range.clear();
    r.content_length = -1;
    size_t sp = line.find(' ');
    r.status =
        sp == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
    return size * n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string_view name = Trim(line.substr(0, colon));
  std::string value(Trim(line.substr(colon + 1)));
  if (IEquals(name, "ETag"))
    r.etag = value;
  else if (IEquals(name, "Last-Modified"))
    r.last_modified = value;
  else if (IEquals(name, "Date"))
    r.date = value;
  else if (IEquals(name, "Content-Type"))
    r.content_type = value;
  else if (IEquals(name, "Retry-After"))
    r.retry_after = value;
  else if (IEquals(name, "Content-Range"))
    r.content_range = value;
  else if (IEquals(name, "Content-Length"))
    r.content_length = std::strtoll(value.c_str(), nullptr, 10);
  return size * n;
}

// libcurl hands us the body already decoded (CURLOPT_ACCEPT_ENCODING), so the cap counts decoded
// bytes: a gzip bomb stops here after max_body_bytes, with memory bounded by the cap plus one
// chunk.
size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t len = size * n;
  HttpResponse& r = *t->response;
  if (r.status < 200 || r.status >= 300) {
    t->discarded += len;  // error pages are not kept; the status says enough
    return len;
  }
  if (t->received == 0 && !ContentTypeAcceptable(r.content_type, t->request->expect)) {
    t->wrong_type = true;
    return 0;  // abort: nothing of a portal page is downloaded
  }
  if (t->received + len > t->request->max_body_bytes) {
    t->too_large = true;
    return 0;
  }
  t->received += len;
  if (BodySink* sink = t->request->sink) {
    if (!t->sink_started) {
      t->sink_started = true;
      if (!sink->Start(r)) {
        t->sink_failed = true;
        return 0;
      }
    }
    if (!sink->Write(std::string_view(data, len))) {
      t->sink_failed = true;
      return 0;
    }
    return len;
  }
  r.body.append(data, len);
  return len;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return t->request->cancel && t->request->cancel->load() ? 1 : 0;  // non-zero aborts
}

FetchErrorKind KindOf(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return FetchErrorKind::kDns;
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return FetchErrorKind::kConnect;
    case CURLE_OPERATION_TIMEDOUT:
      return FetchErrorKind::kTimeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
      return FetchErrorKind::kTls;
    case CURLE_TOO_MANY_REDIRECTS:
      return FetchErrorKind::kTooManyRedirects;
    case CURLE_BAD_CONTENT_ENCODING:
      return FetchErrorKind::kDecode;
    case CURLE_PARTIAL_FILE:
      return FetchErrorKind::kTruncated;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return FetchErrorKind::kUnsupportedScheme;
    default:
      return FetchErrorKind::kOther;
  }
}

}  // namespace

struct CurlHttpClient::Impl {
  CURL* easy = nullptr;
  char error[CURL_ERROR_SIZE] = {};
};

CurlHttpClient::CurlHttpClient() : impl_(std::make_unique<Impl>()) {
  impl_->easy = curl_easy_init();
}

CurlHttpClient::~CurlHttpClient() {
  if (impl_->easy) curl_easy_cleanup(impl_->easy);
}

FetchResult CurlHttpClient::Fetch(const HttpRequest& req) {
  CURL* h = impl_->easy;
  if (!h) return FetchResult::Fail(FetchErrorKind::kOther, "libcurl could not create a handle");
  // Reset keeps the connection cache, so a kept-alive connection is reused by the next poll.
  curl_easy_reset(h);

  FetchResult result;
  HttpResponse& resp = result.response;
  Transfer t;
  t.request = &req;
  t.response = &resp;

  struct curl_slist* headers = nullptr;
  std::string inm = "If-None-Match: " + req.if_none_match;
  std::string ims = "If-Modified-Since: " + req.if_modified_since;
  if (!req.if_none_match.empty()) headers = curl_slist_append(headers, inm.c_str());
  if (!req.if_modified_since.empty()) headers = curl_slist_append(headers, ims.c_str());
  if (req.expect == ExpectedContent::kFeedJson) {
    headers = curl_slist_append(headers, "Accept: application/json, */*;q=0.5");
  }
  const std::string ua = UserAgent();
  impl_->error[0] = '\0';

  const std::string range = std::to_string(req.range_start) + "-";
  if (req.range_start > 0) curl_easy_setopt(h, CURLOPT_RANGE, range.c_str());
  curl_easy_setopt(h, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, impl_->error);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // worker thread: no SIGALRM for DNS timeouts
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, static_cast<long>(req.max_redirects));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!req.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, req.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(h, CURLOPT_USERAGENT, ua.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(req.connect_timeout_ms));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(req.total_timeout_ms));
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(req.low_speed_bytes_per_s));
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(req.low_speed_time_s));
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  if (req.cancel) {
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, OnProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  }

  CURLcode rc = curl_easy_perform(h);
  curl_slist_free_all(headers);

  long req_size = 0, header_size = 0;
  curl_off_t body_size = 0;
  char* eff = nullptr;
  curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &req_size);
  curl_easy_getinfo(h, CURLINFO_HEADER_SIZE, &header_size);
  curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &body_size);
  curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &eff);
  resp.wire_bytes = static_cast<uint64_t>(req_size) + static_cast<uint64_t>(header_size) +
                    static_cast<uint64_t>(body_size);
  if (eff) resp.effective_url = eff;

  const std::string& url = req.url;
  if (t.too_large) {
    resp.body.clear();
    resp.body.shrink_to_fit();
    result.error = {FetchErrorKind::kTooLarge, url + ": the body is larger than " +
                                                   std::to_string(req.max_body_bytes) +
                                                   " bytes once decoded"};
    return result;
  }
  if (t.sink_failed) {
    result.error = {FetchErrorKind::kFile, url + ": the download could not be stored"};
    return result;
  }
  if (t.wrong_type) {
    result.error = {
        FetchErrorKind::kContentType,
        url + ": the server sent '" + resp.content_type + "' instead of " +
            (req.expect == ExpectedContent::kImage   ? "an image"
             : req.expect == ExpectedContent::kMedia ? "a video, image or captions file"
                                                     : "a JSON feed (a login or captive "
                                                       "portal page?)")};
    return result;
  }
  if (rc != CURLE_OK) {
    std::string detail = impl_->error[0] ? impl_->error : curl_easy_strerror(rc);
    resp.body.clear();
    result.error = {KindOf(rc), url + ": " + detail};
    return result;
  }
  if (resp.status == 304 || (resp.status >= 200 && resp.status < 300)) {
    if (resp.status != 304 && t.received == 0 &&
        !ContentTypeAcceptable(resp.content_type, req.expect)) {
      result.error = {FetchErrorKind::kContentType,
                      url + ": the server sent '" + resp.content_type + "'"};
    }
    return result;
  }
  result.error = {FetchErrorKind::kHttpStatus,
                  url + ": the server answered HTTP " + std::to_string(resp.status)};
  if (resp.status >= 300 && resp.status < 400) {
    result.error.message += " (a redirect without a usable Location)";
  }
  return result;
}

}  // namespace machikado::net
