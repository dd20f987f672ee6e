#include "console/server.h"

#include "console/auth.h"

#include <sys/socket.h>

namespace machikado::console {

size_t BodyCap(const ConsoleConfig& config, const std::string& path) {
  if (path.rfind("/api/v1/fleet/report", 0) == 0) return config.max_report_bytes;
  if (path == "/api/v1/images") return config.max_image_bytes;
  return config.max_body_bytes;
}

bool BodyWithinCap(const ConsoleConfig& config, const httplib::Request& req,
                   httplib::Response& res) {
  if (req.body.size() <= BodyCap(config, req.path)) return true;
  SendError(res, 413,
            "the request body is larger than the cap (" +
                std::to_string(BodyCap(config, req.path)) + " bytes)");
  return false;
}

httplib::Headers SecurityHeaders() {
  return {
      // The browser console runs only its own files: no inline script or style, no other origin,
      // no framing. Previews are blob: URLs of PNGs fetched by the page.
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
  };
}

ConsoleServer::ConsoleServer(ConsoleContext& ctx) : ctx_(ctx) {
  if (!ctx.logins)
    ctx.logins = std::make_unique<LoginQueue>(
        LoginQueueOptions{ctx.config.login_checks, ctx.config.login_waiting});
  // cpp-httplib's own options (SO_REUSEADDR) and the socket remembered, so that Start can listen
  // again with a larger backlog (Linux takes a second listen() as a new backlog).
  http_.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    socket_ = sock;
  });
  const size_t cap = std::max(
      {ctx.config.max_body_bytes, ctx.config.max_report_bytes, ctx.config.max_image_bytes});
  http_.set_payload_max_length(cap);  // larger bodies: 413 before any handler runs
  http_.set_default_headers(SecurityHeaders());
  http_.set_read_timeout(10, 0);
  http_.set_write_timeout(10, 0);
  http_.set_keep_alive_max_count(100);
  const int threads = ctx.config.threads;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    ++ctx_.requests;
    // API bodies are JSON and capped below the report and image caps. This runs before the body
    // is read, so it goes by Content-Length (BodyWithinCap checks bodies sent without one).
    const std::string length = req.get_header_value("Content-Length");
    if (!length.empty() && length.size() <= 19 &&
        length.find_first_not_of("0123456789") == std::string::npos &&
        std::stoull(length) > BodyCap(ctx_.config, req.path)) {
      SendError(res, 413,
                "the request body is larger than the cap (" +
                    std::to_string(BodyCap(ctx_.config, req.path)) + " bytes)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_exception_handler(
      [this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        ctx_.log.error("console: handler failed: " + what);
        SendError(res, 500, "internal error");
      });
  http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      const char* what =
          res.status == 404   ? "not found"
          : res.status == 413 ? "the request body is too large"
          : res.status == 400
              ? "bad request (a POST or PUT needs a body with a Content-Length; send {})"
              : "request failed";
      SendError(res, res.status, what);
    }
  });
  AddSessionRoutes(http_, ctx);
  AddItemRoutes(http_, ctx);
  AddPublishRoutes(http_, ctx);
  AddFleetRoutes(http_, ctx);
  AddDraftRoutes(http_, ctx);
  AddImageRoutes(http_, ctx);
  AddShelterRoutes(http_, ctx);
  // The browser console (issue #17) is served from static files at /.
  if (!ctx.config.static_dir.empty()) http_.set_mount_point("/", ctx.config.static_dir);
}

Status ConsoleServer::Start() {
  const std::string& host = ctx_.config.listen_address;
  if (ctx_.config.port == 0) {
    port_ = http_.bind_to_any_port(host);
    if (port_ <= 0) return Status::Network("cannot listen on " + host);
  } else {
    if (!http_.bind_to_port(host, ctx_.config.port))
      return Status::Network("cannot listen on " + host + ":" + std::to_string(ctx_.config.port) +
                             " (in use, or not an address of this machine)");
    port_ = ctx_.config.port;
  }
  if (socket_ >= 0 && ::listen(socket_, kListenBacklog) != 0)
    ctx_.log.warn("console: cannot enlarge the listen backlog; cpp-httplib's 5 stays");
  return Status::Ok();
}

void ConsoleServer::Serve() {
  http_.listen_after_bind();
}

void ConsoleServer::Stop() {
  http_.stop();
}

}  // namespace machikado::console
