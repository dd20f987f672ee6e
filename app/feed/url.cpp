#include "feed/url.h"

#include <curl/curl.h>

#include <filesystem>
#include <memory>

namespace machikado::feed {
namespace {

struct UrlDeleter {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

struct CurlString {
  char* p = nullptr;
  ~CurlString() { curl_free(p); }
};

std::string Shown(std::string_view s) {
  if (s.size() <= 60) return "\"" + std::string(s) + "\"";
  size_t cut = 60;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(s.substr(0, cut)) + "…\"";
}

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[i]) != prefix[i]) return false;
  return true;
}

bool IsWebUrl(std::string_view s) {
  return StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://");
}

// "scheme:" at the start (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":").
bool HasScheme(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return true;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return false;
}

bool HasSpaceOrControl(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return true;
  return false;
}

}  // namespace

Status CheckWebUrl(std::string_view url) {
  if (url.empty())
    return Status::Invalid("the web address is empty; expected e.g. https://www.example.jp/info");
  if (!IsWebUrl(url))
    return Status::Invalid("found " + Shown(url) +
                           ", expected a full web address starting with https:// or http://");
  if (HasSpaceOrControl(url))
    return Status::Invalid("the web address " + Shown(url) +
                           " contains a space or control character; write spaces as %20");
  UrlHandle h(curl_url());
  if (!h) return Status::Error(StatusCode::kInternal, "out of memory while checking a URL");
  const std::string s(url);
  const CURLUcode rc = curl_url_set(h.get(), CURLUPART_URL, s.c_str(), 0);
  if (rc != CURLUE_OK)
    return Status::Invalid("the web address " + Shown(url) + " is not valid (" +
                           curl_url_strerror(rc) + ")");
  CurlString host;
  if (curl_url_get(h.get(), CURLUPART_HOST, &host.p, 0) != CURLUE_OK || !host.p || !*host.p)
    return Status::Invalid("the web address " + Shown(url) + " has no host name after the //");
  return Status::Ok();
}

Result<std::string> ResolveImageUrl(std::string_view ref, std::string_view base) {
  if (ref.empty()) return Status::Invalid("the image address is empty");
  if (HasSpaceOrControl(ref))
    return Status::Invalid("the image address " + Shown(ref) +
                           " contains a space or control character; write spaces as %20");
  if (HasScheme(ref)) {
    if (!IsWebUrl(ref))
      return Status::Invalid(
          "the image address " + Shown(ref) +
          " must start with https:// or http://, or be relative to the feed (e.g. "
          "images/poster.png)");
    Status st = CheckWebUrl(ref);
    if (!st.ok()) return st;
    return std::string(ref);
  }
  if (base.empty()) return std::string(ref);
  if (IsWebUrl(base) || StartsWithNoCase(base, "file://")) {
    UrlHandle h(curl_url());
    if (!h) return Status::Error(StatusCode::kInternal, "out of memory while resolving a URL");
    const std::string b(base), r(ref);
    if (curl_url_set(h.get(), CURLUPART_URL, b.c_str(), 0) != CURLUE_OK) return std::string(ref);
    const CURLUcode rc = curl_url_set(h.get(), CURLUPART_URL, r.c_str(), 0);
    if (rc != CURLUE_OK)
      return Status::Invalid("the image address " + Shown(ref) + " is not valid (" +
                             curl_url_strerror(rc) + ")");
    CurlString out;
    if (curl_url_get(h.get(), CURLUPART_URL, &out.p, 0) != CURLUE_OK || !out.p)
      return Status::Invalid("the image address " + Shown(ref) +
                             " cannot be resolved against the feed's address");
    return std::string(out.p);
  }
  if (HasScheme(base)) return std::string(ref);  // a base we cannot resolve against
  // A plain file path: the reference is relative to the feed file's folder.
  namespace fs = std::filesystem;
  const fs::path joined = fs::path(std::string(base)).parent_path() / fs::path(std::string(ref));
  return joined.lexically_normal().generic_string();
}

}  // namespace machikado::feed
