// Store: feed items with every revision kept, and publications (see store.h).
#include "console/store.h"

namespace machikado::console {
namespace {

ItemRecord ReadItem(const Stmt& st) {
  ItemRecord r;
  r.feed = st.Text(0);
  r.id = st.Text(1);
  r.revision = st.Int(2);
  r.deleted = st.Int(3) != 0;
  r.body = st.Text(4);
  r.author = st.Text(5);
  r.at = st.Int(6);
  return r;
}

constexpr const char* kColumns = "feed, id, revision, deleted, body, author, at";

}  // namespace

Result<std::vector<ItemRecord>> Store::CurrentItems(const std::string& feed, bool with_deleted) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      std::string("SELECT ") + kColumns +
      " FROM item_revisions r WHERE feed = ?1 AND revision = (SELECT MAX(revision) FROM "
      "item_revisions WHERE feed = r.feed AND id = r.id) AND (?2 OR deleted = 0) "
      "ORDER BY at, id");
  if (!st.ok()) return st.status();
  st->Bind(1, feed).Bind(2, int64_t{with_deleted ? 1 : 0});
  return st->ReadAll<ItemRecord>(ReadItem);
}

Result<std::optional<ItemRecord>> Store::CurrentItem(const std::string& feed,
                                                     const std::string& id) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(std::string("SELECT ") + kColumns +
                                " FROM item_revisions WHERE feed = ? AND id = ? "
                                "ORDER BY revision DESC LIMIT 1");
  if (!st.ok()) return st.status();
  st->Bind(1, feed).Bind(2, id);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<ItemRecord>();
  return std::optional<ItemRecord>(ReadItem(*st));
}

Result<Store::WriteOutcome> Store::WriteItem(const std::string& feed, const std::string& id,
                                             std::optional<int64_t> expected, bool deleted,
                                             const std::string& body, const std::string& author,
                                             UnixSeconds now) {
  std::lock_guard lock(mu_);
  if (Status s = db_.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  auto fail = [&](Status s) -> Result<WriteOutcome> {
    (void)db_.Exec("ROLLBACK");
    return s;
  };
  Result<Stmt> cur = db_.Prepare(
      "SELECT revision, deleted FROM item_revisions WHERE feed = ? AND id = ? "
      "ORDER BY revision DESC LIMIT 1");
  if (!cur.ok()) return fail(cur.status());
  cur->Bind(1, feed).Bind(2, id);
  Result<bool> row = cur->Step();
  if (!row.ok()) return fail(row.status());
  const int64_t current = *row ? cur->Int(0) : 0;
  const bool live = *row && cur->Int(1) == 0;
  // Creating (expected 0) is allowed over a deleted item: the id is free again.
  const bool matches = !expected || (*expected == 0 ? !live : (live && *expected == current));
  if (!matches) {
    (void)db_.Exec("ROLLBACK");
    WriteOutcome w;
    w.conflict = live ? current : 0;
    return w;
  }
  Result<Stmt> ins = db_.Prepare(
      "INSERT INTO item_revisions (feed, id, revision, deleted, body, author, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return fail(ins.status());
  Status s = ins->Bind(1, feed)
                 .Bind(2, id)
                 .Bind(3, current + 1)
                 .Bind(4, int64_t{deleted ? 1 : 0})
                 .Bind(5, body)
                 .Bind(6, author)
                 .Bind(7, now)
                 .Run();
  if (!s.ok()) return fail(s);
  if (Status c = db_.Exec("COMMIT"); !c.ok()) return fail(c);
  WriteOutcome w;
  w.revision = current + 1;
  return w;
}

Result<std::vector<ItemRecord>> Store::Revisions(const std::string& feed, const std::string& id) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(std::string("SELECT ") + kColumns +
                                " FROM item_revisions WHERE feed = ? AND id = ? "
                                "ORDER BY revision");
  if (!st.ok()) return st.status();
  st->Bind(1, feed).Bind(2, id);
  return st->ReadAll<ItemRecord>(ReadItem);
}

Status Store::AddPublication(const std::string& feed, const std::string& etag, int64_t items,
                             const std::string& author, UnixSeconds now) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "INSERT INTO publications (feed, etag, items, author, at) VALUES (?, ?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  return st->Bind(1, feed).Bind(2, etag).Bind(3, items).Bind(4, author).Bind(5, now).Run();
}

}  // namespace machikado::console
