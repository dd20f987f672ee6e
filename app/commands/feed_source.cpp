#include "commands/feed_source.h"

#include "net/curl_http_client.h"
#include "net/file_source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace machikado {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string MiB(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

Result<std::string> ReadStream(std::FILE* f, const std::string& name, size_t max_bytes) {
  std::string out;
  char buf[64 * 1024];
  while (true) {
    const size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n > 0) {
      if (out.size() + n > max_bytes)
        return Status::Limit(
            name + " is larger than " + std::to_string(max_bytes) + " bytes (" + MiB(max_bytes) +
            "), the most a feed may have — split it into several feeds or shorten it");
      out.append(buf, n);
    }
    if (n < sizeof buf) {
      if (std::ferror(f)) return Status::Io("cannot read " + name + ": " + std::strerror(errno));
      break;
    }
  }
  return out;
}

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  // Checks by path for the friendlier messages only; the read itself is the kiosk's own capped
  // reader (net::ReadLocalFile), which refuses FIFOs, devices and folders on the open descriptor.
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) return Status::NotFound("there is no file " + path);
  if (std::filesystem::is_directory(st))
    return Status::Invalid(path + " is a folder; name the feed files in it, e.g. " + path +
                           "/*.json");
  net::HttpRequest req;
  req.url = path;
  req.max_body_bytes = max_bytes;
  net::FetchResult r = net::ReadLocalFile(path, req);
  if (r.ok()) return std::move(r.response.body);
  if (r.error.kind == net::FetchErrorKind::kTooLarge)
    return Status::Limit(path + " is larger than " + std::to_string(max_bytes) + " bytes (" +
                         MiB(max_bytes) +
                         "), the most a feed may have — split it into several feeds or shorten it");
  return Status::Io(r.error.message);
}

}  // namespace

Result<std::string> FileUrlToPath(const std::string& url) {
  if (!StartsWith(url, "file://")) return Status::Invalid(url + " is not a file:// URL");
  std::string rest = url.substr(7);
  if (StartsWith(rest, "localhost/")) rest.erase(0, 9);
  if (rest.empty() || rest[0] != '/')
    return Status::Invalid("the file URL " + url +
                           " names another computer; expected file:///path/to/feed.json");
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '?' || rest[i] == '#') break;
    if (rest[i] == '%') {
      const int hi = i + 2 < rest.size() ? HexValue(rest[i + 1]) : -1;
      const int lo = i + 2 < rest.size() ? HexValue(rest[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        return Status::Invalid("the file URL " + url + " has a broken %-escape");
      const char c = static_cast<char>(hi * 16 + lo);
      if (c == '\0') return Status::Invalid("the file URL " + url + " contains %00");
      path += c;
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

Result<std::string> ReadFeedSource(const std::string& src, size_t max_bytes) {
  if (src.empty()) return Status::Invalid("the feed name is empty");
  if (src == "-") return ReadStream(stdin, "standard input", max_bytes);
  if (StartsWith(src, "http://") || StartsWith(src, "https://")) {
    // The kiosk's own fetcher: same certificate checks, decoded-size cap and content-type rules.
    net::CurlGlobal curl;
    if (!curl.status().ok()) return curl.status();
    net::CurlHttpClient client;
    net::HttpRequest req;
    req.url = src;
    req.max_body_bytes = max_bytes;
    req.connect_timeout_ms = 10'000;
    req.total_timeout_ms = 60'000;
    net::FetchResult r = client.Fetch(req);
    if (!r.ok()) return Status::Network(src + ": " + r.error.message);
    return std::move(r.response.body);
  }
  if (StartsWith(src, "file://")) {
    Result<std::string> path = FileUrlToPath(src);
    if (!path.ok()) return path.status();
    return ReadFile(*path, max_bytes);
  }
  if (const size_t colon = src.find("://"); colon != std::string::npos && src.find('/') > colon)
    return Status::Invalid("cannot read " + src +
                           ": only files, file:// and http(s):// URLs are supported");
  return ReadFile(src, max_bytes);
}

}  // namespace machikado
