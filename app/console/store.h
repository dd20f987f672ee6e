// Store: everything the console keeps, in one SQLite database file (<state_dir>/console.db):
// accounts, sessions, API tokens, feed items with every revision, publications, the append-only
// audit log and the fleet's last reports. Methods are grouped by concern in store_*.cpp.
// Every method returns errors as values (a locked or damaged database is a clear Status, never a
// crash). Thread-safe: one connection, serialised by a mutex (a ward's staff and its kiosks'
// once-a-minute reports are far below what one SQLite connection does).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "console/db.h"
#include "core/clock.h"

namespace machikado::console {

enum class Role { kAdmin, kEditor, kAlerts };
const char* ToString(Role r);
std::optional<Role> RoleFromName(std::string_view s);

struct User {
  std::string name;
  Role role = Role::kEditor;
  std::vector<std::string> feeds;  // empty = every feed (admin; alerts without --feeds)
  bool disabled = false;
  std::string password_hash;
};

enum class Scope { kRead, kEdit, kPublish };
const char* ToString(Scope s);
std::optional<Scope> ScopeFromName(std::string_view s);

struct SessionInfo {
  std::string user;
  std::string csrf;
  UnixSeconds expires_at = 0;
};

struct ItemRecord {
  std::string feed;
  std::string id;
  int64_t revision = 0;
  bool deleted = false;
  std::string body;  // JSON of the item
  std::string author;
  UnixSeconds at = 0;
};

struct AuditEntry {
  int64_t seq = 0;
  UnixSeconds at = 0;
  std::string actor, action, target, detail, address;
};

struct KioskRecord {
  std::string id;
  std::optional<UnixSeconds> last_report_at;
  std::string last_address;
  std::string status;  // the last status.json as reported
};

class Store {
 public:
  // Opens (creates) and migrates the database. A write waits up to busy_timeout_ms for another
  // process's lock, then fails with kUnavailable.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, int busy_timeout_ms = 5000);
  explicit Store(Db db) : db_(std::move(db)) {}

  // --- accounts (store_accounts.cpp)
  Status AddUser(const User& user);  // user.password_hash already hashed
  Result<std::optional<User>> FindUser(const std::string& name);
  Status SetPasswordHash(const std::string& name, const std::string& hash);
  Status SetDisabled(const std::string& name, bool disabled);  // also ends its sessions
  Result<std::vector<User>> ListUsers();

  // --- sessions and API tokens (store_accounts.cpp); hashes are of the secret values
  Status AddSession(const std::string& token_hash, const std::string& user, const std::string& csrf,
                    UnixSeconds now, UnixSeconds expires_at);
  Result<std::optional<SessionInfo>> FindSession(const std::string& token_hash, UnixSeconds now);
  Status RemoveSession(const std::string& token_hash);
  // Activity: the session now ends at `idle_until`, but never later than its start + `max_age_s`.
  Status TouchSession(const std::string& token_hash, UnixSeconds idle_until, int64_t max_age_s);
  Status AddToken(const std::string& token_hash, const std::string& user, Scope scope,
                  const std::string& label, UnixSeconds now);
  struct TokenInfo {
    std::string user;
    Scope scope = Scope::kRead;
  };
  Result<std::optional<TokenInfo>> FindToken(const std::string& token_hash);

  // --- items (store_items.cpp)
  // The newest revision of each item of `feed` (deleted ones included when asked).
  Result<std::vector<ItemRecord>> CurrentItems(const std::string& feed, bool with_deleted = false);
  Result<std::optional<ItemRecord>> CurrentItem(const std::string& feed, const std::string& id);
  // Writes revision expected+1 if the newest revision is `expected` (0 = the item must not exist
  // or be deleted; nullopt = no check, for the CLI). A mismatch is not an error: it returns the
  // current revision in `conflict` (the API answers 409).
  struct WriteOutcome {
    int64_t revision = 0;             // the new revision when written
    std::optional<int64_t> conflict;  // the current revision when `expected` did not match
  };
  Result<WriteOutcome> WriteItem(const std::string& feed, const std::string& id,
                                 std::optional<int64_t> expected, bool deleted,
                                 const std::string& body, const std::string& author,
                                 UnixSeconds now);
  Result<std::vector<ItemRecord>> Revisions(const std::string& feed, const std::string& id);
  Status AddPublication(const std::string& feed, const std::string& etag, int64_t items,
                        const std::string& author, UnixSeconds now);

  // --- audit (store_audit.cpp): append-only (the schema refuses UPDATE and DELETE)
  Status Audit(UnixSeconds at, const std::string& actor, const std::string& action,
               const std::string& target, const std::string& detail, const std::string& address);
  Result<std::vector<AuditEntry>> AuditLog(int64_t limit, int64_t before_seq = 0);

  // --- fleet (store_audit.cpp)
  Status AddKiosk(const std::string& id, const std::string& token_hash, UnixSeconds now);
  Result<std::optional<std::string>> KioskForToken(const std::string& token_hash);
  Status RecordReport(const std::string& kiosk, const std::string& status,
                      const std::string& address, UnixSeconds now);
  Result<std::vector<KioskRecord>> Kiosks();

 private:
  std::mutex mu_;
  Db db_;
};

// Lower-case hex of BLAKE2b-256 (for token hashes and ETags).
std::string HashHex(std::string_view bytes);

}  // namespace machikado::console
