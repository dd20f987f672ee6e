// Local feed sources: file:// URLs and plain paths read from disk with the same byte cap as HTTP,
// and SourceClient, an HttpClient that serves those itself and hands http(s) URLs to another
// HttpClient. Local files get validators too (ETag from mtime+size, Last-Modified from mtime), so
// an unchanged file answers 304 and costs no parse. Thread-safety: as the wrapped HttpClient
// (ReadLocalSource is thread-safe).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "net/http_client.h"

namespace machikado::net {

// True for "file://…" URLs and for anything without a "scheme://" prefix (a path).
bool IsLocalSource(std::string_view url);

// The file-system path of a local source ("file:///srv/a%20b.json" → "/srv/a b.json"); nullopt when
// the file URL names another host or is malformed.
std::optional<std::string> LocalPath(std::string_view url);

// Reads a local source under request.max_body_bytes; honours If-None-Match / If-Modified-Since with
// 304. Anything but a regular file (a FIFO, a device, a directory) is refused before it is read,
// and opening it never blocks (core/regular_file.h).
FetchResult ReadLocalSource(const HttpRequest& request);

// The same for a path already resolved (request.url is only used in the response): the one capped
// reader of feed files, for the kiosk and for the commands (`render`, `validate`, …).
FetchResult ReadLocalFile(const std::string& path, const HttpRequest& request);

class SourceClient final : public HttpClient {
 public:
  explicit SourceClient(HttpClient& remote) : remote_(remote) {}
  FetchResult Fetch(const HttpRequest& request) override;

 private:
  HttpClient& remote_;
};

}  // namespace machikado::net
