// Store: the append-only audit log and the fleet's reports (see store.h).
#include "console/store.h"

namespace machikado::console {

Status Store::Audit(UnixSeconds at, const std::string& actor, const std::string& action,
                    const std::string& target, const std::string& detail,
                    const std::string& address) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "INSERT INTO audit (at, actor, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  return st->Bind(1, at)
      .Bind(2, actor)
      .Bind(3, action)
      .Bind(4, target)
      .Bind(5, detail)
      .Bind(6, address)
      .Run();
}

Result<std::vector<AuditEntry>> Store::AuditLog(int64_t limit, int64_t before_seq) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "SELECT seq, at, actor, action, target, detail, address FROM audit "
      "WHERE (?1 = 0 OR seq < ?1) ORDER BY seq DESC LIMIT ?2");
  if (!st.ok()) return st.status();
  st->Bind(1, before_seq).Bind(2, limit);
  return st->ReadAll<AuditEntry>([](const Stmt& s) {
    return AuditEntry{s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6)};
  });
}

Status Store::AddKiosk(const std::string& id, const std::string& token_hash, UnixSeconds now) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "INSERT INTO kiosks (id, token_hash, created_at) VALUES (?, ?, ?) "
      "ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash");
  if (!st.ok()) return st.status();
  return st->Bind(1, id).Bind(2, token_hash).Bind(3, now).Run();
}

Result<std::optional<std::string>> Store::KioskForToken(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare("SELECT id FROM kiosks WHERE token_hash = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, token_hash);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(st->Text(0));
}

Status Store::RecordReport(const std::string& kiosk, const std::string& status,
                           const std::string& address, UnixSeconds now) {
  std::lock_guard lock(mu_);
  Result<Stmt> st = db_.Prepare(
      "UPDATE kiosks SET last_report_at = ?, last_address = ?, status = ? WHERE id = ?");
  if (!st.ok()) return st.status();
  return st->Bind(1, now).Bind(2, address).Bind(3, status).Bind(4, kiosk).Run();
}

Result<std::vector<KioskRecord>> Store::Kiosks() {
  std::lock_guard lock(mu_);
  Result<Stmt> st =
      db_.Prepare("SELECT id, last_report_at, last_address, status FROM kiosks ORDER BY id");
  if (!st.ok()) return st.status();
  return st->ReadAll<KioskRecord>([](const Stmt& s) {
    KioskRecord k;
    k.id = s.Text(0);
    if (!s.IsNull(1)) k.last_report_at = s.Int(1);
    k.last_address = s.Text(2);
    k.status = s.Text(3);
    return k;
  });
}

}  // namespace machikado::console
