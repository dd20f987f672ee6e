#include "console/db.h"

namespace machikado::console {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xff;
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string msg = std::string(what) + ": " + detail;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Error(StatusCode::kUnavailable,
                           msg + " (another process holds the console database; try again)");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corrupt(msg +
                             " (the console database is damaged: restore it from the last "
                             "backup, docs/operations.md)");
    case SQLITE_FULL:
      return Status::Io(msg + " (disk full)");
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
      return Status::Io(msg);
    case SQLITE_CONSTRAINT:
      return Status::Invalid(msg);
    default:
      return Status::Error(StatusCode::kInternal, msg);
  }
}

Stmt::~Stmt() {
  if (st_) sqlite3_finalize(st_);
}

Stmt& Stmt::Bind(int i, std::string_view text) {
  sqlite3_bind_text(st_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(st_, i);
  return *this;
}

Result<bool> Stmt::Step() {
  const int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteStatus(db_, rc, "database");
}

Status Stmt::Run() {
  while (true) {
    Result<bool> r = Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
  }
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(st_, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(st_, col)))
           : std::string();
}
int64_t Stmt::Int(int col) const {
  return sqlite3_column_int64(st_, col);
}
bool Stmt::IsNull(int col) const {
  return sqlite3_column_type(st_, col) == SQLITE_NULL;
}

Result<Db> Db::Open(const std::string& path, bool create, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteStatus(raw, rc, "opening " + path);
    sqlite3_close(raw);
    return s;
  }
  Db db(raw);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 1);
  // journal_mode reads the header: a file that is not a database fails here, clearly.
  if (Status s = db.Exec("PRAGMA journal_mode=WAL"); !s.ok())
    return Status::Error(s.code(), path + ": " + s.message());
  if (Status s = db.Exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL"); !s.ok()) return s;
  Result<Stmt> check = db.Prepare("PRAGMA quick_check(1)");
  if (!check.ok())
    return Status::Error(check.status().code(), path + ": " + check.status().message());
  Result<bool> row = check->Step();
  if (!row.ok()) return Status::Error(row.status().code(), path + ": " + row.status().message());
  if (*row && check->Text(0) != "ok")
    return Status::Corrupt(path + ": the console database is damaged (" + check->Text(0) +
                           "): restore it from the last backup (docs/operations.md)");
  return db;
}

Db::~Db() {
  if (db_) sqlite3_close(db_);
}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    if (db_) sqlite3_close(db_);
    db_ = o.db_;
    o.db_ = nullptr;
  }
  return *this;
}

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  if (err) sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "database");
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "database");
  return Stmt(db_, st);
}

int64_t Db::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}
int Db::Changes() const {
  return sqlite3_changes(db_);
}

}  // namespace machikado::console
