#include "store/investor_archive_store.h"

#include <vector>

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "account_id, seq, at_utc, actor, kind, channel, retain_until, content, prev_hash, hash";

// A row of kColumns. The kind and date were written by append_archive; a row edited in the
// database to something unreadable is reported as a storage error rather than trusted.
Result<investors::ArchiveRecord> record_of(const Row& row) {
  investors::ArchiveRecord r;
  r.account_id = row.text(0);
  r.seq = row.integer(1);
  r.at_utc = row.text(2);
  r.actor = row.text(3);
  auto kind = investors::parse_archive_kind(row.text(4));
  auto retain = Date::parse(row.text(6));
  if (!kind.ok() || !retain.ok()) {
    return make_error(ErrorCode::kStorage, "archive record " + r.account_id + "#" +
                                               std::to_string(r.seq) + " is unreadable");
  }
  r.kind = *kind;
  r.channel = row.text(5);
  r.retain_until = *retain;
  r.content = row.text(7);
  r.prev_hash = row.text(8);
  r.hash = row.text(9);
  return r;
}

}  // namespace

Result<ArchiveStart> archive_start(Database& db, const std::string& account_id) {
  CP_ASSIGN_OR_RETURN(
      QueryResult anchor,
      db.query("SELECT seq, hash FROM investor_archive_anchor WHERE account_id = ?", {account_id}));
  if (anchor.rows.empty()) return ArchiveStart{0, audit::kGenesisHash};
  return ArchiveStart{anchor.rows[0].integer(0), anchor.rows[0].text(1)};
}

Result<investors::ArchiveRecord> append_archive(Database& db, const ArchiveAppend& record,
                                                const std::string& actor, UtcTime now,
                                                int32_t retention_years) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(QueryResult head,
                      db.query("SELECT seq, hash FROM investor_archive WHERE account_id = ? "
                               "ORDER BY seq DESC LIMIT 1",
                               {record.account_id}));
  ArchiveStart start;
  if (head.rows.empty()) {
    CP_ASSIGN_OR_RETURN(start, archive_start(db, record.account_id));
  } else {
    start = {head.rows[0].integer(0), head.rows[0].text(1)};
  }
  investors::ArchiveRecord r;
  r.account_id = record.account_id;
  r.at_utc = format_utc(now);
  r.actor = actor;
  r.kind = record.kind;
  r.channel = record.channel;
  r.retain_until = investors::retain_until(to_hkt(now).date, retention_years);
  r.content = record.content;
  investors::chain_after(start.seq, start.hash, r);
  // Two writers of one account at once: the second's insert meets the first's key and fails,
  // rolling its whole change back, rather than forking the chain.
  CP_RETURN_IF_ERROR(db.execute(
      std::string("INSERT INTO investor_archive (") + kColumns +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.account_id, r.seq, r.at_utc, r.actor, std::string(investors::archive_kind_code(r.kind)),
       r.channel, r.retain_until.to_string(), r.content, r.prev_hash, r.hash}));
  CP_RETURN_IF_ERROR(tx.commit());
  return r;
}

Result<investors::ArchiveRecord> append_archive(Database& db, const ArchiveAppend& record,
                                                const ArchiveStamp& stamp) {
  return append_archive(db, record, stamp.actor, stamp.now, stamp.retention_years);
}

Result<void> each_archive_record(Database& db, const std::string& account_id,
                                 const ArchiveCallback& each) {
  // Collected first: a callback may query (PostgreSQL streams one query at a time).
  std::vector<investors::ArchiveRecord> records;
  CP_RETURN_IF_ERROR(db.query_each(std::string("SELECT ") + kColumns +
                                       " FROM investor_archive WHERE account_id = ? ORDER BY seq",
                                   {account_id}, [&](const Row& row) -> Result<void> {
                                     CP_ASSIGN_OR_RETURN(auto record, record_of(row));
                                     records.push_back(std::move(record));
                                     return Ok{};
                                   }));
  for (const auto& record : records) CP_RETURN_IF_ERROR(each(record));
  return Ok{};
}

Result<ArchiveCheck> verify_archive(Database& db, const std::string& account_id) {
  CP_ASSIGN_OR_RETURN(const ArchiveStart start, archive_start(db, account_id));
  investors::ArchiveVerifier verifier(start.seq, start.hash);
  CP_RETURN_IF_ERROR(
      each_archive_record(db, account_id, [&](const investors::ArchiveRecord& r) -> Result<void> {
        verifier.feed(r);
        return Ok{};
      }));
  return ArchiveCheck{verifier.records(), verifier.head_hash(), verifier.first_break()};
}

Result<int64_t> purge_archive(Database& db, const std::string& account_id, Date today) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  std::vector<investors::ArchiveRecord> records;
  CP_RETURN_IF_ERROR(
      each_archive_record(db, account_id, [&](const investors::ArchiveRecord& r) -> Result<void> {
        records.push_back(r);
        return Ok{};
      }));
  if (records.empty()) {
    return make_error(ErrorCode::kNotFound, "account " + account_id + " has no archive records");
  }
  const size_t n = investors::purgeable(records, today);
  if (n == 0) {
    return make_error(ErrorCode::kRuleViolation,
                      "record " + std::to_string(records[0].seq) + " of account " + account_id +
                          "'s archive is kept until " + records[0].retain_until.to_string() +
                          " (SPEC SUIT-7): nothing may be deleted before");
  }
  const investors::ArchiveRecord& last = records[n - 1];
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM investor_archive WHERE account_id = ? AND seq <= ?",
                                {account_id, last.seq}));
  CP_RETURN_IF_ERROR(
      db.execute("DELETE FROM investor_archive_anchor WHERE account_id = ?", {account_id}));
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO investor_archive_anchor (account_id, seq, hash) VALUES (?, ?, ?)",
                 {account_id, last.seq, last.hash}));
  CP_RETURN_IF_ERROR(tx.commit());
  return static_cast<int64_t>(n);
}

}  // namespace cp::store
