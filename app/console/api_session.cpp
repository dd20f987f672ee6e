// Routes: POST/GET/DELETE /api/v1/session (log in, who am I, log out) and GET /api/v1/audit.
#include <mutex>

#include "console/auth.h"
#include "console/secrets.h"

namespace machikado::console {
namespace {

// A hash to verify against when the name is unknown, so that the answer takes as long as for a
// known name (no user enumeration by timing).
const std::string& DummyHash() {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [] { hash = HashPassword("not a password of anyone").value(); });
  return hash;
}

void Login(ConsoleContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!BodyWithinCap(ctx.config, req, res)) return;
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("name") ||
      !body["name"].is_string() || !body.contains("password") || !body["password"].is_string())
    return SendError(res, 400, "expected {\"name\": \"…\", \"password\": \"…\"}");
  const std::string name = body["name"].get<std::string>();
  const std::string password = body["password"].get<std::string>();
  if (name.empty() || name.size() > 64 || password.size() > 1024)
    return SendError(res, 400, "name (1–64 bytes) or password (≤ 1024 bytes) out of range");
  const std::string address = ClientAddress(req);
  if (!ctx.throttle.Allowed(name, address)) {
    res.set_header("Retry-After", std::to_string(ctx.throttle.RetryAfterSeconds(name, address)));
    AuditLog(ctx, name, "login-throttled", "session", "", req);
    return SendError(res, 429, "too many failed logins: wait a minute and try again");
  }
  Result<std::optional<User>> user = ctx.store.FindUser(name);
  if (!user.ok()) return SendStoreError(ctx, res, user.status());
  const bool known = *user && !(*user)->disabled;
  // Argon2id is slow on purpose: a burst of logins takes turns (login_queue.h), and beyond the
  // queue is told to come back (the browser console retries by itself).
  std::optional<bool> verified = ctx.logins->Run(
      [&] { return VerifyPassword(known ? (*user)->password_hash : DummyHash(), password); });
  if (!verified) {
    res.set_header("Retry-After", std::to_string(ctx.logins->RetryAfterSeconds()));
    return SendError(res, 503, "busy: many logins at once; try again in a few seconds");
  }
  const bool good = *verified && known;
  if (!good) {
    ctx.throttle.RecordFailure(name, address);
    AuditLog(ctx, name, "login-failed", "session", "", req);
    return SendError(res, 401, "wrong name or password");
  }
  const std::string token = RandomToken();
  const std::string csrf = RandomToken();
  const UnixSeconds now = ctx.clock.now();
  const int64_t max_age = int64_t{ctx.config.session_hours} * 3600;
  // Ends after session_idle_minutes without a request (each request moves it on, auth.cpp), and
  // after session_hours at the latest.
  const int64_t idle = std::min<int64_t>(int64_t{ctx.config.session_idle_minutes} * 60, max_age);
  Status s = ctx.store.AddSession(HashHex(token), name, csrf, now, now + idle);
  if (!s.ok()) return SendStoreError(ctx, res, s);
  std::string cookie = std::string(kSessionCookie) + "=" + token +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (ctx.config.public_url.rfind("https://", 0) == 0) cookie += "; Secure";
  res.set_header("Set-Cookie", cookie);
  AuditLog(ctx, name, "login", "session", "", req);
  SendJson(
      res, 200,
      {{"name", name}, {"role", ToString((*user)->role)}, {"csrf", csrf}, {"expires_in", idle}});
}

}  // namespace

void AddSessionRoutes(httplib::Server& http, ConsoleContext& ctx) {
  http.Post("/api/v1/session",
            [&ctx](const httplib::Request& req, httplib::Response& res) { Login(ctx, req, res); });
  http.Get("/api/v1/session", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
    if (!p) return;
    nlohmann::json feeds = nlohmann::json::array();
    for (const auto& f : ctx.config.feeds)
      if (MayAccessFeed(p->user, f.id)) feeds.push_back(f.id);
    nlohmann::json out = {
        {"name", p->user.name}, {"role", ToString(p->user.role)}, {"feeds", feeds}};
    if (!p->via_token) out["csrf"] = p->csrf;
    SendJson(res, 200, out);
  });
  http.Delete("/api/v1/session", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
    if (!p) return;
    const std::string cookie = req.get_header_value("Cookie");
    const std::string key = std::string(kSessionCookie) + "=";
    size_t at = cookie.find(key);
    if (at != std::string::npos) {
      std::string token = cookie.substr(at + key.size());
      token = token.substr(0, token.find(';'));
      (void)ctx.store.RemoveSession(HashHex(token));
    }
    res.set_header("Set-Cookie",
                   std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    AuditLog(ctx, p->user.name, "logout", "session", "", req);
    SendJson(res, 200, {{"ok", true}});
  });
  http.Get("/api/v1/audit", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Principal> p = Authenticate(ctx, req, res, Need::kRead);
    if (!p) return;
    if (p->user.role != Role::kAdmin)
      return SendError(res, 403, "only admin may read the audit log");
    int64_t limit = 100, before = 0;
    try {
      if (req.has_param("limit"))
        limit = std::clamp<int64_t>(std::stoll(req.get_param_value("limit")), 1, 1000);
      if (req.has_param("before"))
        before = std::max<int64_t>(0, std::stoll(req.get_param_value("before")));
    } catch (...) {
      return SendError(res, 400, "limit and before must be integers");
    }
    Result<std::vector<AuditEntry>> log = ctx.store.AuditLog(limit, before);
    if (!log.ok()) return SendStoreError(ctx, res, log.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *log)
      out.push_back({{"seq", e.seq},
                     {"at", e.at},
                     {"actor", e.actor},
                     {"action", e.action},
                     {"target", e.target},
                     {"detail", e.detail},
                     {"address", e.address}});
    SendJson(res, 200, {{"entries", out}});
  });
}

}  // namespace machikado::console
