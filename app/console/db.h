// Db: a thin RAII wrapper over one SQLite connection (libsqlite3) for the console's store, with
// errors as values. Opens in WAL mode with a busy timeout, so a second process (a backup, the CLI
// adding a user while the service runs) waits briefly instead of failing; a database that stays
// locked or is not a database gives a Status with a message that says so.
// Thread safety: one Db per thread at a time; the Store (store.h) serialises access with a mutex.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace machikado::console {

// One prepared statement. Bind parameters are 1-based, columns 0-based, as in SQLite.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* st) : db_(db), st_(st) {}
  ~Stmt();
  Stmt(Stmt&& o) noexcept : db_(o.db_), st_(o.st_) { o.st_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, std::string_view text);
  Stmt& Bind(int i, int64_t v);
  Stmt& BindNull(int i);
  // Steps once: true = a row is available, false = done; errors as values.
  Result<bool> Step();
  // Steps to the end (for statements without rows).
  Status Run();
  std::string Text(int col) const;
  int64_t Int(int col) const;
  bool IsNull(int col) const;
  // Steps through every row, each turned into a T by read_row(*this); the first error ends it.
  template <class T, class ReadRow>
  Result<std::vector<T>> ReadAll(ReadRow read_row) {
    std::vector<T> out;
    while (true) {
      Result<bool> row = Step();
      if (!row.ok()) return row.status();
      if (!*row) return out;
      out.push_back(read_row(*this));
    }
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_;
};

class Db {
 public:
  // Opens (creating when `create`) the database file, sets WAL, foreign keys and a busy timeout,
  // and checks that the file is a readable SQLite database (quick_check of the header page).
  static Result<Db> Open(const std::string& path, bool create = true, int busy_timeout_ms = 5000);
  ~Db();
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  int64_t LastInsertRowId() const;
  int Changes() const;

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// A message for IT staff from an SQLite result code ("database is locked …", "not a database …").
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

}  // namespace machikado::console
