// The console's store: migrations, revisions, the append-only audit log, and a locked or damaged
// database giving a clear error.
#include "console/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "console/migrations.h"
#include "core/temp_dir.h"

namespace machikado::console {
namespace {

TEST(ConsoleStore, KeepsEveryRevision) {
  ScopedTempDir dir("console-store");
  auto store = Store::Open(dir.path() + "/console.db").value();
  auto w1 = store->WriteItem("f", "a", 0, false, "{\"v\":1}", "sato", 10).value();
  EXPECT_EQ(w1.revision, 1);
  auto w2 = store->WriteItem("f", "a", 1, false, "{\"v\":2}", "sato", 11).value();
  EXPECT_EQ(w2.revision, 2);
  auto conflict = store->WriteItem("f", "a", 1, false, "{\"v\":3}", "kato", 12).value();
  ASSERT_TRUE(conflict.conflict);
  EXPECT_EQ(*conflict.conflict, 2);
  auto del = store->WriteItem("f", "a", 2, true, "{\"v\":2}", "sato", 13).value();
  EXPECT_EQ(del.revision, 3);
  EXPECT_TRUE(store->CurrentItems("f").value().empty());
  EXPECT_EQ(store->Revisions("f", "a").value().size(), 3u);
  // A deleted id may be created again.
  EXPECT_EQ(store->WriteItem("f", "a", 0, false, "{\"v\":4}", "sato", 14).value().revision, 4);
}

TEST(ConsoleStore, AuditLogIsAppendOnly) {
  ScopedTempDir dir("console-store");
  const std::string path = dir.path() + "/console.db";
  auto store = Store::Open(path).value();
  ASSERT_TRUE(store->Audit(1, "sato", "publish", "center.news", "", "127.0.0.1").ok());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "DELETE FROM audit", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "UPDATE audit SET actor='x'", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  EXPECT_EQ(store->AuditLog(10).value().size(), 1u);
}

TEST(ConsoleStore, MigratesToTheCurrentVersionOnce) {
  ScopedTempDir dir("console-store");
  const std::string path = dir.path() + "/console.db";
  { auto store = Store::Open(path).value(); }
  auto db = Db::Open(path).value();
  auto st = db.Prepare("PRAGMA user_version").value();
  ASSERT_TRUE(st.Step().value());
  EXPECT_EQ(st.Int(0), SchemaVersion());
  EXPECT_TRUE(Store::Open(path).ok());  // reopening applies nothing twice
  ASSERT_TRUE(db.Exec("PRAGMA user_version=99").ok());
  Result<std::unique_ptr<Store>> newer = Store::Open(path);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
}

TEST(ConsoleStore, CorruptDatabaseIsAClearError) {
  ScopedTempDir dir("console-store");
  const std::string path = dir.path() + "/console.db";
  std::ofstream(path) << std::string(8192, 'x');
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(store.status().message().find("backup"), std::string::npos) << store.status().message();
}

TEST(ConsoleStore, LockedDatabaseIsAClearRetryableError) {
  ScopedTempDir dir("console-store");
  const std::string path = dir.path() + "/console.db";
  auto store = Store::Open(path, /*busy_timeout_ms=*/50).value();
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  Result<Store::WriteOutcome> w = store->WriteItem("f", "a", 0, false, "{}", "sato", 1);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(w.status().message().find("try again"), std::string::npos) << w.status().message();
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_TRUE(store->WriteItem("f", "a", 0, false, "{}", "sato", 1).ok());
}

}  // namespace
}  // namespace machikado::console
