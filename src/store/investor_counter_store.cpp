#include "store/investor_counter_store.h"

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "request_id, firm_id, kind, account_id, channel, state, note, agreement_sha256, filed_by, "
    "filed_at, decided_by, decided_at, reason, outcome";

// A row of kColumns; written by this file, so its codes are valid.
CounterRequestRow request_from(const Row& row) {
  CounterRequestRow out;
  out.request_id = row.integer(0);
  out.firm_id = row.text(1);
  out.kind = *investors::parse_counter_kind(row.text(2));
  out.account_id = row.text(3);
  out.channel = *parse_channel(row.text(4));
  out.state = *investors::parse_counter_state(row.text(5));
  out.note = row.text(6);
  out.agreement_sha256 = row.text(7);
  out.filed_by = row.text(8);
  out.filed_at = row.text(9);
  out.decided_by = row.text(10);
  out.decided_at = row.text(11);
  out.reason = row.text(12);
  out.outcome = row.text(13);
  return out;
}

}  // namespace

Result<CounterRequestRow> file_counter_request(Database& db, const CounterRequestRow& request) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  const std::string kind(investors::counter_kind_code(request.kind));
  const std::string ch(channel_code(request.channel));
  CP_ASSIGN_OR_RETURN(
      QueryResult pending,
      db.query("SELECT request_id FROM investor_counter_request WHERE account_id = ? AND channel "
               "= ? AND kind = ? AND state = 'pending'",
               {request.account_id, ch, kind}));
  if (!pending.rows.empty()) {
    return make_error(ErrorCode::kConflict, "request " + pending.rows[0].text(0) + " to " + kind +
                                                " " + request.account_id + "'s " + ch +
                                                " permission is pending: one at a time");
  }
  CP_ASSIGN_OR_RETURN(
      QueryResult inserted,
      db.query("INSERT INTO investor_counter_request (firm_id, kind, account_id, channel, state, "
               "note, agreement_sha256, filed_by, filed_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, "
               "?, ?) RETURNING request_id",
               {request.firm_id, kind, request.account_id, ch, request.note,
                request.agreement_sha256, request.filed_by, request.filed_at}));
  CP_RETURN_IF_ERROR(tx.commit());
  CounterRequestRow out = request;
  out.request_id = inserted.rows[0].integer(0);
  out.state = investors::CounterState::kPending;
  return out;
}

Result<std::optional<CounterRequestRow>> counter_request(Database& db, const std::string& firm_id,
                                                         int64_t request_id) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query(std::string("SELECT ") + kColumns +
                                   " FROM investor_counter_request WHERE request_id = ? AND "
                                   "firm_id = ?",
                               {request_id, firm_id}));
  if (result.rows.empty()) return std::optional<CounterRequestRow>();
  return std::optional<CounterRequestRow>(request_from(result.rows[0]));
}

Result<std::vector<CounterRequestRow>> counter_requests(Database& db, const std::string& firm_id,
                                                        int64_t limit) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query(std::string("SELECT ") + kColumns +
                                   " FROM investor_counter_request WHERE firm_id = ? ORDER BY "
                                   "request_id DESC LIMIT ?",
                               {firm_id, limit}));
  std::vector<CounterRequestRow> out;
  for (const Row& row : result.rows) out.push_back(request_from(row));
  return out;
}

Result<void> decide_counter_request(Database& db, const CounterRequestRow& decided) {
  CP_ASSIGN_OR_RETURN(
      const int64_t changed,
      db.execute("UPDATE investor_counter_request SET state = ?, decided_by = ?, decided_at = ?, "
                 "reason = ?, outcome = ? WHERE request_id = ? AND state = 'pending'",
                 {std::string(investors::counter_state_code(decided.state)), decided.decided_by,
                  decided.decided_at, decided.reason, decided.outcome, decided.request_id}));
  if (changed != 1) {
    return make_error(ErrorCode::kConflict, "request " + std::to_string(decided.request_id) +
                                                " was decided meanwhile: reload it");
  }
  return Ok{};
}

}  // namespace cp::store
