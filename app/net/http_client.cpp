#include "net/http_client.h"

#include <algorithm>
#include <cctype>

namespace machikado::net {

std::string_view FetchErrorKindName(FetchErrorKind k) {
  switch (k) {
    case FetchErrorKind::kNone:
      return "none";
    case FetchErrorKind::kDns:
      return "dns";
    case FetchErrorKind::kConnect:
      return "connect";
    case FetchErrorKind::kTimeout:
      return "timeout";
    case FetchErrorKind::kTls:
      return "tls";
    case FetchErrorKind::kTooLarge:
      return "too_large";
    case FetchErrorKind::kDecode:
      return "decode";
    case FetchErrorKind::kTooManyRedirects:
      return "too_many_redirects";
    case FetchErrorKind::kHttpStatus:
      return "http_status";
    case FetchErrorKind::kContentType:
      return "content_type";
    case FetchErrorKind::kTruncated:
      return "truncated";
    case FetchErrorKind::kUnsupportedScheme:
      return "unsupported_scheme";
    case FetchErrorKind::kFile:
      return "file";
    case FetchErrorKind::kCancelled:
      return "cancelled";
    case FetchErrorKind::kOther:
      return "other";
  }
  return "other";
}

namespace {

// "Application/JSON; charset=utf-8" → "application/json".
std::string MediaType(std::string_view content_type) {
  std::string_view v = content_type.substr(0, content_type.find(';'));
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  std::string out(v);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

// Feeds: the JSON family is what a well-configured server sends. text/plain (raw file hosts) and
// application/octet-stream (object stores without a type) are accepted because the parser validates
// the bytes anyway. A missing type is accepted for the same reason. Everything else — above all
// text/html, the signature of a captive portal or a login page — is refused before it reaches the
// parser, so the status says "wrong content type" instead of a confusing JSON error.
bool ContentTypeAcceptable(std::string_view content_type, ExpectedContent expect) {
  if (expect == ExpectedContent::kAny) return true;
  const std::string t = MediaType(content_type);
  if (t.empty() || t == "application/octet-stream") return true;
  if (expect == ExpectedContent::kImage) return t.rfind("image/", 0) == 0;
  if (expect == ExpectedContent::kMedia)
    return t.rfind("video/", 0) == 0 || t.rfind("image/", 0) == 0 || t == "application/mp4" ||
           t == "text/vtt";
  return t == "application/json" || t == "text/json" || t == "text/plain" ||
         (t.rfind("application/", 0) == 0 && EndsWith(t, "+json"));
}

void FakeHttpClient::Push(const std::string& url, FetchResult result) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& s : scripts_) {
    if (s.url == url) {
      s.results.push_back(std::move(result));
      return;
    }
  }
  scripts_.push_back({url, {}});
  scripts_.back().results.push_back(std::move(result));
}

void FakeHttpClient::PushOk(const std::string& url, std::string body, std::string etag,
                            std::string last_modified, std::string date) {
  FetchResult r;
  r.response.status = 200;
  r.response.body = std::move(body);
  r.response.etag = std::move(etag);
  r.response.last_modified = std::move(last_modified);
  r.response.date = std::move(date);
  r.response.content_type = "application/json";
  r.response.effective_url = url;
  Push(url, std::move(r));
}

void FakeHttpClient::PushNotModified(const std::string& url, std::string date) {
  FetchResult r;
  r.response.status = 304;
  r.response.date = std::move(date);
  r.response.effective_url = url;
  Push(url, std::move(r));
}

void FakeHttpClient::PushError(const std::string& url, FetchErrorKind kind, int status,
                               std::string retry_after) {
  FetchResult r = FetchResult::Fail(
      kind, std::string("fake ") + std::string(FetchErrorKindName(kind)) + " error");
  r.response.status = status;
  r.response.retry_after = std::move(retry_after);
  Push(url, std::move(r));
}

FetchResult FakeHttpClient::Fetch(const HttpRequest& request) {
  std::lock_guard<std::mutex> lock(mu_);
  requests_.push_back(request);
  for (auto& s : scripts_) {
    if (s.url != request.url || s.results.empty()) continue;
    FetchResult r = s.results.front();
    if (s.results.size() > 1) s.results.pop_front();
    if (r.ok() && r.response.body.size() > request.max_body_bytes) {
      return FetchResult::Fail(FetchErrorKind::kTooLarge, "body larger than the cap");
    }
    const bool success = r.response.status >= 200 && r.response.status < 300;
    if (request.sink && success && !r.response.body.empty()) {
      // Scripted bodies are complete answers; the sink sees them as one piece.
      std::string body = std::move(r.response.body);
      r.response.body.clear();
      if (!request.sink->Start(r.response) || !request.sink->Write(body))
        r.error = {FetchErrorKind::kFile, "fake: the sink refused the body"};
    }
    return r;
  }
  return FetchResult::Fail(FetchErrorKind::kConnect, "fake: nothing scripted for " + request.url);
}

std::vector<HttpRequest> FakeHttpClient::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

size_t FakeHttpClient::request_count(const std::string& url) const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<size_t>(std::count_if(requests_.begin(), requests_.end(),
                                           [&](const HttpRequest& r) { return r.url == url; }));
}

}  // namespace machikado::net
