// ConsoleServer: the console's HTTP service (cpp-httplib), bound to the configured address
// (127.0.0.1 by default; TLS is nginx's job). Routes live in api_*.cpp; this file owns the
// listener, the shared context and the request caps. Start binds (port 0 = any free port, for
// tests), Serve blocks on the caller's thread, Stop returns once Serve has ended.
// Thread safety: handlers run on httplib's worker threads; everything they share (Store,
// FeedPublisher, LoginThrottle, LoginQueue, Fleet metrics) is thread-safe.
// The listen backlog is kListenBacklog (cpp-httplib's own is 5: a burst of connections was reset).
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "console/console_config.h"
#include "console/login_queue.h"
#include "console/publisher.h"
#include "console/store.h"
#include "console/throttle.h"
#include "core/clock.h"
#include "core/log.h"

namespace machikado::console {

// Renders one item to PNG (the preview endpoint); injected so the HTTP layer does not depend on
// SDL. Returns the PNG bytes or an error.
using PreviewRenderer = std::function<Result<std::string>(
    const std::string& feed_json, const std::string& item_id, int width, int height,
    const std::string& lang, UnixSeconds at)>;

// Re-encodes an uploaded image (after the image gate): the decoded pixels written anew as PNG
// (or JPEG for a JPEG), so nothing but pixels survives (no EXIF, no trailing data). Injected like
// the preview; see image_reencode.h.
struct ReencodedImage {
  std::string bytes;
  std::string extension;  // "png" or "jpg"
  int width = 0, height = 0;
};
using ImageReencoder = std::function<Result<ReencodedImage>(std::string_view bytes)>;

struct ConsoleContext {
  const ConsoleConfig& config;
  Store& store;
  FeedPublisher& publisher;
  LoginThrottle& throttle;
  const Clock& clock;
  Log& log;
  PreviewRenderer preview;  // may be empty: 501
  ImageReencoder reencode;  // may be empty: 501
  // Password checks (login_queue.h); made by ConsoleServer from the config when empty.
  std::unique_ptr<LoginQueue> logins{};
  std::atomic<uint64_t> requests{0};
  std::atomic<uint64_t> reports{0};
  std::atomic<uint64_t> publishes{0};
  std::atomic<uint64_t> publish_failures{0};
};

// Connections the kernel holds before the console accepts them (cpp-httplib 0.11 listens with 5,
// and 100 logins at once saw resets; the kernel caps it at net.core.somaxconn).
inline constexpr int kListenBacklog = 1024;

class ConsoleServer {
 public:
  explicit ConsoleServer(ConsoleContext& ctx);
  // Binds the listener; the port actually bound is port().
  Status Start();
  int port() const { return port_; }
  // Serves until Stop (blocks).
  void Serve();
  void Stop();

 private:
  ConsoleContext& ctx_;
  httplib::Server http_;
  int port_ = 0;
  std::atomic<int> socket_{-1};  // the listening socket, seen by the socket-options hook
};

// Route groups (api_*.cpp).
void AddSessionRoutes(httplib::Server& http, ConsoleContext& ctx);
void AddItemRoutes(httplib::Server& http, ConsoleContext& ctx);
void AddPublishRoutes(httplib::Server& http, ConsoleContext& ctx);
void AddFleetRoutes(httplib::Server& http, ConsoleContext& ctx);
void AddDraftRoutes(httplib::Server& http, ConsoleContext& ctx);    // api_draft.cpp
void AddImageRoutes(httplib::Server& http, ConsoleContext& ctx);    // api_images.cpp
void AddShelterRoutes(httplib::Server& http, ConsoleContext& ctx);  // api_shelters.cpp

// The body cap of a path: max_report_bytes for kiosk reports, max_image_bytes for image uploads,
// max_body_bytes for everything else. BodyWithinCap fills `res` with 413 above it (for bodies
// sent without Content-Length, which the pre-routing check cannot see).
size_t BodyCap(const ConsoleConfig& config, const std::string& path);
bool BodyWithinCap(const ConsoleConfig& config, const httplib::Request& req,
                   httplib::Response& res);

// Headers on every answer: Content-Security-Policy (no inline script), nosniff, no framing.
httplib::Headers SecurityHeaders();

}  // namespace machikado::console
