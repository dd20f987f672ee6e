#include "net/file_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/regular_file.h"
#include "net/http_date.h"

namespace machikado::net {

bool IsLocalSource(std::string_view url) {
  if (url.rfind("file://", 0) == 0) return true;
  size_t p = url.find("://");
  if (p == std::string_view::npos) return true;
  // Only a leading run of scheme characters counts as a scheme ("./a://b" is a path).
  for (size_t i = 0; i < p; ++i) {
    char c = url[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'))
      return true;
  }
  return false;
}

std::optional<std::string> LocalPath(std::string_view url) {
  if (url.rfind("file://", 0) != 0) return std::string(url);
  std::string_view rest = url.substr(7);
  if (rest.rfind("localhost/", 0) == 0) rest.remove_prefix(9);
  if (rest.empty() || rest[0] != '/') return std::nullopt;  // file://otherhost/… is not ours
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%') {
      if (i + 2 >= rest.size()) return std::nullopt;
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      int hi = hex(rest[i + 1]), lo = hex(rest[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      char c = static_cast<char>(hi * 16 + lo);
      if (c == '\0') return std::nullopt;
      out.push_back(c);
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      out.push_back(rest[i]);
    }
  }
  return out;
}

FetchResult ReadLocalSource(const HttpRequest& request) {
  std::optional<std::string> path = LocalPath(request.url);
  if (!path || path->empty()) {
    return FetchResult::Fail(FetchErrorKind::kUnsupportedScheme,
                             request.url + ": not a local file URL this kiosk can read");
  }
  return ReadLocalFile(*path, request);
}

FetchResult ReadLocalFile(const std::string& file_path, const HttpRequest& request) {
  const std::string* path = &file_path;
  // Never blocks on a FIFO or a device; anything but a regular file is refused before reading.
  Result<OpenedFile> opened = OpenRegularFile(*path);
  if (!opened.ok()) return FetchResult::Fail(FetchErrorKind::kFile, opened.status().message());
  const int fd = opened->fd.get();
  const struct stat& st = opened->st;
  if (static_cast<uint64_t>(st.st_size) > request.max_body_bytes) {
    return FetchResult::Fail(
        FetchErrorKind::kTooLarge,
        *path + ": the file is larger than " + std::to_string(request.max_body_bytes) + " bytes");
  }
  FetchResult result;
  HttpResponse& r = result.response;
  char etag[80];
  std::snprintf(etag, sizeof etag, "\"%llx.%lx-%llx\"", static_cast<long long>(st.st_mtim.tv_sec),
                static_cast<long>(st.st_mtim.tv_nsec), static_cast<long long>(st.st_size));
  r.etag = etag;
  r.last_modified = FormatHttpDate(st.st_mtim.tv_sec);
  r.effective_url = request.url;
  if (!request.if_none_match.empty() && request.if_none_match == r.etag) {
    r.status = 304;
    return result;
  }
  std::string body;
  body.resize(static_cast<size_t>(st.st_size) + 1);  // +1 notices a file that grew since fstat
  size_t got = 0;
  while (got < body.size()) {
    if (got == body.size() - 1 && body.size() <= request.max_body_bytes) {
      body.resize(std::min<size_t>(body.size() * 2, request.max_body_bytes + 1));
    }
    ssize_t n = ::read(fd, body.data() + got, body.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return FetchResult::Fail(FetchErrorKind::kFile,
                               *path + ": read failed (" + std::strerror(errno) + ")");
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  if (got > request.max_body_bytes) {
    return FetchResult::Fail(
        FetchErrorKind::kTooLarge,
        *path + ": the file is larger than " + std::to_string(request.max_body_bytes) + " bytes");
  }
  body.resize(got);
  r.status = 200;
  r.body = std::move(body);
  r.wire_bytes = got;
  return result;
}

FetchResult SourceClient::Fetch(const HttpRequest& request) {
  if (IsLocalSource(request.url)) return ReadLocalSource(request);
  return remote_.Fetch(request);
}

}  // namespace machikado::net
