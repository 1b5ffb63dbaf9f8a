#include "store/payment_entry_store.h"

#include "store/obligation_store.h"

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "entry_id, payment_id, obligation_id, amount_hkd, received_at, method, entered_by, "
    "entered_at, state, decided_by, decided_at, reason";

Result<PaymentEntry> read_entry(const Row& row) {
  PaymentEntry e;
  e.entry_id = row.integer(0);
  e.payment_id = row.text(1);
  e.obligation_id = row.text(2);
  e.amount_hkd = row.decimal(3);
  e.received_at_utc = row.text(4);
  CP_ASSIGN_OR_RETURN(e.method, risk::parse_payment_method(row.text(5)));
  e.entered_by = row.text(6);
  e.entered_at_utc = row.text(7);
  CP_ASSIGN_OR_RETURN(e.state, parse_entry_state(row.text(8)));
  if (!row.is_null(9)) e.decided_by = row.text(9);
  if (!row.is_null(10)) e.decided_at_utc = row.text(10);
  if (!row.is_null(11)) e.reason = row.text(11);
  return e;
}

}  // namespace

const char* entry_state_code(EntryState state) {
  switch (state) {
    case EntryState::kPending:
      return "pending";
    case EntryState::kApproved:
      return "approved";
    case EntryState::kRejected:
      return "rejected";
  }
  return "?";
}

Result<EntryState> parse_entry_state(const std::string& text) {
  for (auto state : {EntryState::kPending, EntryState::kApproved, EntryState::kRejected}) {
    if (text == entry_state_code(state)) return state;
  }
  return invalid_input("state must be pending, approved or rejected", "state");
}

Result<int64_t> enter_payment(Database& db, const PaymentEntry& entry) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto known, db.query("SELECT 1 FROM money_obligation WHERE obligation_id = ?",
                                           {entry.obligation_id}));
  if (known.rows.empty()) {
    return invalid_input("no obligation " + entry.obligation_id, "obligation_id");
  }
  CP_ASSIGN_OR_RETURN(auto seen,
                      db.query("SELECT 1 FROM obligation_payment WHERE payment_id = ? UNION ALL "
                               "SELECT 1 FROM payment_entry WHERE payment_id = ?",
                               {entry.payment_id, entry.payment_id}));
  if (!seen.rows.empty()) {
    Error error = make_error(ErrorCode::kConflict,
                             "payment " + entry.payment_id + " was entered or recorded before");
    error.field = "payment_id";
    return error;
  }
  CP_ASSIGN_OR_RETURN(
      auto inserted,
      db.query("INSERT INTO payment_entry (payment_id, obligation_id, amount_hkd, received_at, "
               "method, entered_by, entered_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') "
               "RETURNING entry_id",
               {entry.payment_id, entry.obligation_id, decimal_value(entry.amount_hkd),
                entry.received_at_utc, std::string(risk::payment_method_code(entry.method)),
                entry.entered_by, entry.entered_at_utc}));
  const int64_t id = inserted.rows.at(0).integer(0);
  CP_RETURN_IF_ERROR(tx.commit());
  return id;
}

Result<std::vector<PaymentEntry>> payment_entries(Database& db, std::optional<EntryState> state,
                                                  int64_t limit) {
  QueryResult result;
  if (state) {
    CP_ASSIGN_OR_RETURN(result, db.query(std::string("SELECT ") + kColumns +
                                             " FROM payment_entry WHERE state = ? ORDER BY "
                                             "entry_id LIMIT ?",
                                         {std::string(entry_state_code(*state)), limit}));
  } else {
    CP_ASSIGN_OR_RETURN(result, db.query(std::string("SELECT ") + kColumns +
                                             " FROM payment_entry ORDER BY entry_id LIMIT ?",
                                         {limit}));
  }
  std::vector<PaymentEntry> out;
  for (const Row& row : result.rows) {
    CP_ASSIGN_OR_RETURN(auto entry, read_entry(row));
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::optional<PaymentEntry>> payment_entry(Database& db, int64_t entry_id) {
  CP_ASSIGN_OR_RETURN(auto result, db.query(std::string("SELECT ") + kColumns +
                                                " FROM payment_entry WHERE entry_id = ?",
                                            {entry_id}));
  if (result.rows.empty()) return std::optional<PaymentEntry>();
  CP_ASSIGN_OR_RETURN(auto entry, read_entry(result.rows[0]));
  return std::optional<PaymentEntry>(std::move(entry));
}

Result<PaymentEntry> decide_payment(Database& db, int64_t entry_id, const std::string& checker,
                                    bool approve, const std::string& reason,
                                    const std::string& now_utc) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto found, payment_entry(db, entry_id));
  if (!found) {
    return make_error(ErrorCode::kNotFound, "no payment entry " + std::to_string(entry_id));
  }
  PaymentEntry entry = std::move(*found);
  if (entry.state != EntryState::kPending) {
    return make_error(ErrorCode::kConflict, "payment entry " + std::to_string(entry_id) + " was " +
                                                entry_state_code(entry.state) + " already");
  }
  if (entry.entered_by == checker) {
    return make_error(ErrorCode::kRuleViolation,
                      "a payment is checked by another operator than the one who entered it");
  }
  if (!approve && reason.empty()) return invalid_input("a rejection needs a reason", "reason");
  entry.state = approve ? EntryState::kApproved : EntryState::kRejected;
  entry.decided_by = checker;
  entry.decided_at_utc = now_utc;
  if (!reason.empty()) entry.reason = reason;
  CP_ASSIGN_OR_RETURN(int64_t changed,
                      db.execute("UPDATE payment_entry SET state = ?, decided_by = ?, decided_at "
                                 "= ?, reason = ? WHERE entry_id = ? AND state = 'pending'",
                                 {std::string(entry_state_code(entry.state)), checker, now_utc,
                                  reason.empty() ? Value() : Value(reason), entry_id}));
  if (changed != 1) {
    return make_error(ErrorCode::kConflict,
                      "payment entry " + std::to_string(entry_id) + " was decided meanwhile");
  }
  if (approve) {
    risk::PaymentRow row;
    row.payment_id = entry.payment_id;
    row.obligation_id = entry.obligation_id;
    row.amount_hkd = entry.amount_hkd;
    row.received_at_utc = entry.received_at_utc;
    row.method = entry.method;
    CP_ASSIGN_OR_RETURN(ImportCounts counts,
                        record_payments(db, {row}, "operator:" + entry.entered_by + "/" + checker,
                                        "payment entry " + std::to_string(entry_id)));
    (void)counts;
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return entry;
}

}  // namespace cp::store
