#include "console/migrations.h"

#include <string>

namespace machikado::console {
namespace {

// Never edit a migration that has shipped: add a new one.
const char* const kMigrations[] = {
    // 1: accounts, sessions, tokens, items with every revision, the append-only audit log.
    R"sql(
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'alerts')),
  feeds TEXT NOT NULL DEFAULT '',          -- comma-separated feed ids; '' = all (admin, alerts)
  password_hash TEXT NOT NULL,             -- crypto_pwhash_str (Argon2id)
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,             -- BLAKE2b of the cookie value, hex
  user_name TEXT NOT NULL REFERENCES users(name),
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  scope TEXT NOT NULL CHECK (scope IN ('read', 'edit', 'publish')),
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE item_revisions (
  feed TEXT NOT NULL,
  id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,                      -- the item, machikado-feed/1 item form
  author TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (feed, id, revision)
);
CREATE TABLE publications (
  feed TEXT NOT NULL,
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  etag TEXT NOT NULL,
  items INTEGER NOT NULL,
  author TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  address TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql",
    // 2: the fleet: kiosks that report their status.json.
    R"sql(
CREATE TABLE kiosks (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_report_at INTEGER,
  last_address TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT ''
);
)sql",
};

constexpr int kCount = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

}  // namespace

int SchemaVersion() {
  return kCount;
}

Status Migrate(Db& db) {
  Result<Stmt> st = db.Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  const int have = static_cast<int>(st->Int(0));
  if (have > kCount)
    return Status::Invalid("the console database has schema version " + std::to_string(have) +
                           ", newer than this machikado (" + std::to_string(kCount) +
                           "): run the newer version or restore the backup taken before it");
  for (int v = have; v < kCount; ++v) {
    std::string sql = std::string("BEGIN IMMEDIATE;\n") + kMigrations[v] +
                      "\nPRAGMA user_version=" + std::to_string(v + 1) + ";\nCOMMIT;";
    if (Status s = db.Exec(sql); !s.ok()) {
      (void)db.Exec("ROLLBACK");
      return Status::Error(s.code(), "migrating the console database to version " +
                                         std::to_string(v + 1) + ": " + s.message());
    }
  }
  return Status::Ok();
}

}  // namespace machikado::console
