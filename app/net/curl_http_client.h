// CurlHttpClient: HttpClient over one reused libcurl easy handle (keep-alive across polls), http
// and https only, certificate verification on, gzip accepted with the byte cap applied to the
// DECODED body. One instance per worker thread: not thread-safe. CurlGlobal must outlive every
// CurlHttpClient.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "net/http_client.h"

namespace machikado::net {

// libcurl's process-wide initialisation, owned by the App (construct once at start, before any
// thread uses curl; destroy after the last CurlHttpClient). Not copyable.
class CurlGlobal {
 public:
  CurlGlobal();
  ~CurlGlobal();
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
  const Status& status() const { return status_; }

 private:
  Status status_;
};

// The User-Agent sent with every request: "machikado/<version>".
std::string UserAgent();

class CurlHttpClient final : public HttpClient {
 public:
  CurlHttpClient();
  ~CurlHttpClient() override;
  CurlHttpClient(const CurlHttpClient&) = delete;
  CurlHttpClient& operator=(const CurlHttpClient&) = delete;

  FetchResult Fetch(const HttpRequest& request) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace machikado::net
