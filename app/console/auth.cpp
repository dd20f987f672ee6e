#include "console/auth.h"

#include <sodium.h>

namespace machikado::console {
namespace {

std::optional<std::string> CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return std::nullopt;
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool ChangesState(const httplib::Request& req) {
  return req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
}

}  // namespace

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                  "application/json");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"error", message}});
}

void SendStoreError(ConsoleContext& ctx, httplib::Response& res, const Status& s) {
  ctx.log.error("console: " + s.message());
  if (s.code() == StatusCode::kUnavailable) {
    res.set_header("Retry-After", "2");
    SendError(res, 503, "the database is busy, try again: " + s.message());
  } else {
    SendError(res, 500, s.message());
  }
}

std::string ClientAddress(const httplib::Request& req) {
  std::string addr = req.remote_addr;
  const std::string fwd = req.get_header_value("X-Forwarded-For");
  if (!fwd.empty() && (addr == "127.0.0.1" || addr == "::1")) {
    size_t comma = fwd.rfind(',');
    std::string last = comma == std::string::npos ? fwd : fwd.substr(comma + 1);
    while (!last.empty() && last.front() == ' ') last.erase(0, 1);
    if (!last.empty() && last.size() <= 64) addr = last;
  }
  return addr;
}

void AuditLog(ConsoleContext& ctx, const std::string& actor, const std::string& action,
              const std::string& target, const std::string& detail, const httplib::Request& req) {
  Status s = ctx.store.Audit(ctx.clock.now(), actor, action, target, detail, ClientAddress(req));
  if (!s.ok()) ctx.log.error("console: audit log: " + s.message());
}

bool MayAccessFeed(const User& user, const std::string& feed) {
  if (user.role == Role::kAdmin) return true;
  if (user.feeds.empty()) return user.role == Role::kAlerts;
  for (const auto& f : user.feeds)
    if (f == feed) return true;
  return false;
}

bool MayWriteAlerts(const User& user) {
  return user.role == Role::kAdmin || user.role == Role::kAlerts;
}

const ConsoleFeed* FeedFor(ConsoleContext& ctx, const Principal& p, const std::string& id,
                           httplib::Response& res) {
  const ConsoleFeed* feed = SafeId(id) ? ctx.config.FindFeed(id) : nullptr;
  if (!feed) {
    SendError(res, 404, "no feed '" + id.substr(0, 64) + "' on this console");
    return nullptr;
  }
  if (!MayAccessFeed(p.user, feed->id)) {
    SendError(res, 403, "you may not edit the feed '" + feed->id + "'");
    return nullptr;
  }
  return feed;
}

std::optional<Principal> Authenticate(ConsoleContext& ctx, const httplib::Request& req,
                                      httplib::Response& res, Need need) {
  Principal p;
  std::string user_name;
  const std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    Result<std::optional<Store::TokenInfo>> t = ctx.store.FindToken(HashHex(auth.substr(7)));
    if (!t.ok()) {
      SendStoreError(ctx, res, t.status());
      return std::nullopt;
    }
    if (!*t) {
      SendError(res, 401, "unknown or revoked API token");
      return std::nullopt;
    }
    user_name = (*t)->user;
    p.via_token = true;
    p.scope = (*t)->scope;
    const bool enough = need == Need::kRead || (need == Need::kEdit && p.scope != Scope::kRead) ||
                        (need == Need::kPublish && p.scope == Scope::kPublish);
    if (!enough) {
      SendError(
          res, 403,
          std::string("this API token's scope (") + ToString(p.scope) + ") does not allow this");
      return std::nullopt;
    }
  } else {
    std::optional<std::string> cookie = CookieValue(req, kSessionCookie);
    if (!cookie) {
      SendError(res, 401, "log in first (POST /api/v1/session) or send an API token");
      return std::nullopt;
    }
    Result<std::optional<SessionInfo>> s = ctx.store.FindSession(HashHex(*cookie), ctx.clock.now());
    if (!s.ok()) {
      SendStoreError(ctx, res, s.status());
      return std::nullopt;
    }
    if (!*s) {
      SendError(res, 401, "the session has ended: log in again");
      return std::nullopt;
    }
    user_name = (*s)->user;
    p.csrf = (*s)->csrf;
    // Activity keeps the session alive for another session_idle_minutes (up to session_hours).
    const int64_t max_age = int64_t{ctx.config.session_hours} * 3600;
    if (Status t = ctx.store.TouchSession(
            HashHex(*cookie),
            ctx.clock.now() +
                std::min<int64_t>(int64_t{ctx.config.session_idle_minutes} * 60, max_age),
            max_age);
        !t.ok())
      ctx.log.error("console: session activity: " + t.message());
    if (ChangesState(req) && !ConstantTimeEqual(req.get_header_value("X-CSRF-Token"), p.csrf)) {
      SendError(res, 403, "missing or wrong X-CSRF-Token (the token the login returned)");
      return std::nullopt;
    }
  }
  Result<std::optional<User>> u = ctx.store.FindUser(user_name);
  if (!u.ok()) {
    SendStoreError(ctx, res, u.status());
    return std::nullopt;
  }
  if (!*u || (*u)->disabled) {
    SendError(res, 401, "this account is disabled");
    return std::nullopt;
  }
  p.user = std::move(**u);
  return p;
}

}  // namespace machikado::console
