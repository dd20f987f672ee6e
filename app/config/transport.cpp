#include "config/transport.h"

#include <cctype>
#include <string>

#include "config/config_loader.h"

namespace machikado::config {
namespace {

// The URL's scheme, lower-cased ("" when there is none: a plain path).
std::string Scheme(std::string_view url) {
  size_t colon = url.find("://");
  if (colon == std::string_view::npos) return "";
  std::string s(url.substr(0, colon));
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Transport TransportOf(const FeedSource& feed) {
  const std::string scheme = Scheme(feed.url);
  if (scheme == "https") return Transport::kHttps;
  if (scheme == "http")
    return IsLoopbackUrl(feed.url) ? Transport::kHttpLoopback : Transport::kHttpOptIn;
  return Transport::kFile;
}

const char* TransportName(Transport t) {
  switch (t) {
    case Transport::kHttps:
      return "https";
    case Transport::kHttpLoopback:
      return "http-loopback";
    case Transport::kHttpOptIn:
      return "http-opt-in";
    case Transport::kFile:
      return "file";
  }
  return "file";
}

}  // namespace machikado::config
