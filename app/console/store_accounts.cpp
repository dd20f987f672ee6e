// Store: accounts, sessions and API tokens (see store.h).
#include <sodium.h>

#include "console/migrations.h"
#include "console/store.h"

namespace machikado::console {
namespace {

std::string JoinFeeds(const std::vector<std::string>& feeds) {
  std::string out;
  for (const auto& f : feeds) out += (out.empty() ? "" : ",") + f;
  return out;
}

std::vector<std::string> SplitFeeds(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(',', pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

User ReadUser(const Stmt& st) {
  User u;
  u.name = st.Text(0);
  u.role = RoleFromName(st.Text(1)).value_or(Role::kEditor);
  u.feeds = SplitFeeds(st.Text(2));
  u.password_hash = st.Text(3);
  u.disabled = st.Int(4) != 0;
  return u;
}

}  // namespace

const char* ToString(Role r) {
  switch (r) {
    case Role::kAdmin:
      return "admin";
    case Role::kEditor:
      return "editor";
    case Role::kAlerts:
      return "alerts";
  }
  return "editor";
}

std::optional<Role> RoleFromName(std::string_view s) {
  if (s == "admin") return Role::kAdmin;
  if (s == "editor") return Role::kEditor;
  if (s == "alerts") return Role::kAlerts;
  return std::nullopt;
}

const char* ToString(Scope s) {
  switch (s) {
    case Scope::kRead:
      return "read";
    case Scope::kEdit:
      return "edit";
    case Scope::kPublish:
      return "publish";
  }
  return "read";
}

std::optional<Scope> ScopeFromName(std::string_view s) {
  if (s == "read") return Scope::kRead;
  if (s == "edit") return Scope::kEdit;
  if (s == "publish") return Scope::kPublish;
  return std::nullopt;
}

std::string HashHex(std::string_view bytes) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, int busy_timeout_ms) {
  if (sodium_init() < 0) return Status::Error(StatusCode::kInternal, "libsodium cannot start");
  Result<Db> db = Db::Open(path, true, busy_timeout_ms);
  if (!db.ok()) return db.status();
  if (Status s = Migrate(db.value()); !s.ok())
    return Status::Error(s.code(), path + ": " + s.message());
  return std::make_unique<Store>(std::move(db).value());
}

Status Store::AddUser(const User& user) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "INSERT INTO users (name, role, feeds, password_hash, disabled, created_at) "
      "VALUES (?, ?, ?, ?, 0, strftime('%s','now'))");
  if (!st.ok()) return st.status();
  Status s = st->Bind(1, user.name)
                 .Bind(2, ToString(user.role))
                 .Bind(3, JoinFeeds(user.feeds))
                 .Bind(4, user.password_hash)
                 .Run();
  if (!s.ok() && s.code() == StatusCode::kInvalidArgument)
    return Status::Invalid("a user named '" + user.name + "' exists already");
  return s;
}

Result<std::optional<User>> Store::FindUser(const std::string& name) {
  std::lock_guard lock(mu_);
  Result<Stmt> st =
      db_.Prepare("SELECT name, role, feeds, password_hash, disabled FROM users WHERE name = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, name);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<User>();
  return std::optional<User>(ReadUser(*st));
}

Result<std::vector<User>> Store::ListUsers() {
  std::lock_guard lock(mu_);
  Result<Stmt> st =
      db_.Prepare("SELECT name, role, feeds, password_hash, disabled FROM users ORDER BY name");
  if (!st.ok()) return st.status();
  return st->ReadAll<User>(ReadUser);
}

Status Store::SetPasswordHash(const std::string& name, const std::string& hash) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare("UPDATE users SET password_hash = ? WHERE name = ?");
  if (!st.ok()) return st.status();
  if (Status s = st->Bind(1, hash).Bind(2, name).Run(); !s.ok()) return s;
  if (db_.Changes() == 0) return Status::NotFound("no user named '" + name + "'");
  // A new password ends the sessions opened with the old one.
  Result<Stmt> del = db_.Prepare("DELETE FROM sessions WHERE user_name = ?");
  if (!del.ok()) return del.status();
  return del->Bind(1, name).Run();
}

Status Store::SetDisabled(const std::string& name, bool disabled) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare("UPDATE users SET disabled = ? WHERE name = ?");
  if (!st.ok()) return st.status();
  if (Status s = st->Bind(1, int64_t{disabled ? 1 : 0}).Bind(2, name).Run(); !s.ok()) return s;
  if (db_.Changes() == 0) return Status::NotFound("no user named '" + name + "'");
  if (!disabled) return Status::Ok();
  for (const char* sql : {"DELETE FROM sessions WHERE user_name = ?",
                          "UPDATE api_tokens SET revoked = 1 WHERE user_name = ?"}) {
    Result<Stmt> del = db_.Prepare(sql);
    if (!del.ok()) return del.status();
    if (Status s = del->Bind(1, name).Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status Store::AddSession(const std::string& token_hash, const std::string& user,
                         const std::string& csrf, UnixSeconds now, UnixSeconds expires_at) {
  std::lock_guard lock(mu_);
  // Expired sessions go when new ones come: the table stays small without a sweeper thread.
  Result<Stmt> sweep = db_.Prepare("DELETE FROM sessions WHERE expires_at <= ?");
  if (!sweep.ok()) return sweep.status();
  if (Status s = sweep->Bind(1, now).Run(); !s.ok()) return s;
  Result<Stmt> st = db_.Prepare(
      "INSERT INTO sessions (token_hash, user_name, csrf, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  return st->Bind(1, token_hash).Bind(2, user).Bind(3, csrf).Bind(4, now).Bind(5, expires_at).Run();
}

Result<std::optional<SessionInfo>> Store::FindSession(const std::string& token_hash,
                                                      UnixSeconds now) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "SELECT s.user_name, s.csrf, s.expires_at FROM sessions s JOIN users u "
      "ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0");
  if (!st.ok()) return st.status();
  st->Bind(1, token_hash).Bind(2, now);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<SessionInfo>();
  return std::optional<SessionInfo>(SessionInfo{st->Text(0), st->Text(1), st->Int(2)});
}

Status Store::TouchSession(const std::string& token_hash, UnixSeconds idle_until,
                           int64_t max_age_s) {
  std::lock_guard lock(mu_);
  Result<Stmt> st =
      db_.Prepare("UPDATE sessions SET expires_at = MIN(created_at + ?, ?) WHERE token_hash = ?");
  if (!st.ok()) return st.status();
  return st->Bind(1, max_age_s).Bind(2, idle_until).Bind(3, token_hash).Run();
}

Status Store::RemoveSession(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare("DELETE FROM sessions WHERE token_hash = ?");
  if (!st.ok()) return st.status();
  return st->Bind(1, token_hash).Run();
}

Status Store::AddToken(const std::string& token_hash, const std::string& user, Scope scope,
                       const std::string& label, UnixSeconds now) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "INSERT INTO api_tokens (token_hash, user_name, scope, label, created_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  Status s = st->Bind(1, token_hash)
                 .Bind(2, user)
                 .Bind(3, ToString(scope))
                 .Bind(4, label)
                 .Bind(5, now)
                 .Run();
  if (!s.ok() && s.code() == StatusCode::kInvalidArgument)
    return Status::NotFound("no user named '" + user + "'");
  return s;
}

Result<std::optional<Store::TokenInfo>> Store::FindToken(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "SELECT t.user_name, t.scope FROM api_tokens t JOIN users u ON u.name = t.user_name "
      "WHERE t.token_hash = ? AND t.revoked = 0 AND u.disabled = 0");
  if (!st.ok()) return st.status();
  st->Bind(1, token_hash);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<TokenInfo>();
  return std::optional<TokenInfo>(
      TokenInfo{st->Text(0), ScopeFromName(st->Text(1)).value_or(Scope::kRead)});
}

}  // namespace machikado::console
