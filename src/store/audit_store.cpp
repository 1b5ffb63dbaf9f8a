#include "store/audit_store.h"

namespace cp::store {
namespace {

audit::AuditEntry entry_of(const Row& row) {
  audit::AuditEntry e;
  e.seq = row.integer(0);
  e.at_utc = row.text(1);
  e.actor = row.text(2);
  e.firm = row.text(3);
  e.action = row.text(4);
  e.object = row.text(5);
  e.detail = row.text(6);
  e.prev_hash = row.text(7);
  e.hash = row.text(8);
  return e;
}

constexpr const char* kColumns =
    "seq, at_utc, actor, firm, action, object, detail, prev_hash, hash";

}  // namespace

Result<audit::AuditEntry> append_audit(Database& db, const Clock& clock, const AuditEvent& event) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  // FOR UPDATE makes a second PostgreSQL writer wait for this one's commit; SQLite has no such
  // clause and needs none (one writer at a time, and a stale read fails with BUSY_SNAPSHOT).
  const std::string lock = db.backend() == Backend::kPostgresql ? " FOR UPDATE" : "";
  CP_ASSIGN_OR_RETURN(auto head, db.query("SELECT seq, hash FROM audit_head WHERE id = 1" + lock));
  CP_ASSERT(head.rows.size() == 1, "the audit head row is missing (migration 0013)");
  audit::AuditEntry entry;
  entry.at_utc = format_utc(clock.now());
  entry.actor = event.actor;
  entry.firm = event.firm;
  entry.action = event.action;
  entry.object = event.object;
  entry.detail = event.detail;
  audit::chain_after(head.rows[0].integer(0), head.rows[0].text(1), entry);
  CP_RETURN_IF_ERROR(db.execute(
      std::string("INSERT INTO audit_entry (") + kColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.seq, entry.at_utc, entry.actor, entry.firm, entry.action, entry.object, entry.detail,
       entry.prev_hash, entry.hash}));
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {entry.seq, entry.hash}));
  CP_RETURN_IF_ERROR(tx.commit());
  return entry;
}

Result<AuditHead> audit_head(Database& db) {
  CP_ASSIGN_OR_RETURN(auto head, db.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.rows.empty()) return make_error(ErrorCode::kStorage, "the audit head row is missing");
  return AuditHead{head.rows[0].integer(0), head.rows[0].text(1)};
}

Result<void> for_each_audit_entry(
    Database& db, const AuditFilter& filter,
    const std::function<Result<void>(const audit::AuditEntry&)>& each) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_entry";
  std::vector<Value> params;
  if (!filter.object.empty()) {
    sql += " WHERE object = ?";
    params.emplace_back(filter.object);
  }
  if (!filter.actor.empty()) {
    sql += params.empty() ? " WHERE actor = ?" : " AND actor = ?";
    params.emplace_back(filter.actor);
  }
  sql += " ORDER BY seq";
  return db.query_each(sql, params,
                       [&](const Row& row) -> Result<void> { return each(entry_of(row)); });
}

Result<AuditVerification> verify_audit(Database& db, std::optional<audit::Anchor> anchor) {
  // One snapshot: the head and the entries as of the same moment.
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  if (db.backend() == Backend::kPostgresql) {
    CP_RETURN_IF_ERROR(db.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
  }
  AuditVerification out;
  CP_ASSIGN_OR_RETURN(out.head, audit_head(db));
  audit::ChainVerifier verifier(std::move(anchor));
  CP_RETURN_IF_ERROR(for_each_audit_entry(db, {}, [&](const audit::AuditEntry& e) -> Result<void> {
    verifier.feed(e);
    return Ok{};
  }));
  out.entries = verifier.entries();
  out.first_break = verifier.finish(out.head.seq, out.head.hash);
  CP_RETURN_IF_ERROR(tx.commit());
  return out;
}

}  // namespace cp::store
