// Who is asking, and may they: a request is authenticated by its session cookie (mk_session,
// HttpOnly, SameSite=Strict) or by an API token (Authorization: Bearer). A state-changing request
// with a session must carry the session's CSRF token in X-CSRF-Token (tokens need none: browsers
// do not send them by themselves). Roles: admin may do everything; editor and alerts only their
// feeds (alerts without a list: every feed); only admin and alerts may write alerts of level ≥ 4
// or takeover. Thread-safe (stateless; the Store is thread-safe).
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "console/server.h"

namespace machikado::console {

inline constexpr const char* kSessionCookie = "mk_session";

struct Principal {
  User user;
  bool via_token = false;
  Scope scope = Scope::kPublish;  // sessions may do what the role allows
  std::string csrf;               // of the session
};

// What a request needs. On failure `res` is filled (401, 403 or 503) and nullopt returned.
enum class Need { kRead, kEdit, kPublish };
std::optional<Principal> Authenticate(ConsoleContext& ctx, const httplib::Request& req,
                                      httplib::Response& res, Need need);

bool MayAccessFeed(const User& user, const std::string& feed);
bool MayWriteAlerts(const User& user);
// The feed named in a route, checked: 404 for an unknown one, 403 when the user may not touch it
// (`res` filled, nullptr returned).
const ConsoleFeed* FeedFor(ConsoleContext& ctx, const Principal& p, const std::string& id,
                           httplib::Response& res);

// Helpers shared by the routes.
void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
void SendError(httplib::Response& res, int status, const std::string& message);
// A Store failure: 503 for a locked database, 500 otherwise, with the message logged.
void SendStoreError(ConsoleContext& ctx, httplib::Response& res, const Status& s);
// The client's address: the socket peer (nginx in front passes X-Forwarded-For only when the peer
// is loopback, which is what we record then).
std::string ClientAddress(const httplib::Request& req);
// The size=WxH and lang= of a preview request (defaults 1920x1080, ja); false with `res` filled
// (400).
bool PreviewParams(const httplib::Request& req, httplib::Response& res, int& w, int& h,
                   std::string& lang);
// Appends to the audit log; a failure is logged (the change itself already happened).
void AuditLog(ConsoleContext& ctx, const std::string& actor, const std::string& action,
              const std::string& target, const std::string& detail, const httplib::Request& req);

}  // namespace machikado::console
