#include "store/execution_store.h"

#include "store/execution_segments.h"
#include "store/input_generation.h"

namespace cp::store {

Result<int64_t> insert_missing_accounts(Database& db,
                                        const std::vector<clearing::Account>& accounts) {
  CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_ASSIGN_OR_RETURN(auto stmt,
                      db.prepare("INSERT INTO account (account_id, account_type, money_kind, "
                                 "commission_rate, commission_min_hkd) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (account_id) DO NOTHING"));
  int64_t inserted = 0;
  for (const auto& account : accounts) {
    CP_ASSIGN_OR_RETURN(
        int64_t changed,
        stmt->execute({account.account_id, account_type_text(account.account_type),
                       money_kind_text(account.money_kind), decimal_value(account.commission_rate),
                       decimal_value(account.commission_min_hkd)}));
    inserted += changed;
  }
  return inserted;
}

Result<int64_t> replace_executions(Database& db, Date trade_date,
                                   const std::vector<clearing::Execution>& executions) {
  CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  // The segments name accounts without a foreign key: each is looked up here instead.
  CP_ASSIGN_OR_RETURN(TextSet known, known_account_ids(db));
  for (const auto& e : executions) {
    if (!known.count(e.account_id)) {
      return invalid_input("trade " + e.trade_id + " names unknown account " + e.account_id,
                           "account");
    }
  }
  return write_execution_segments(db, trade_date, executions);
}

Result<clearing::ExecutionTable> load_executions(Database& db, Date trade_date) {
  return read_execution_segments(db, trade_date);
}

Result<TextSet> known_account_ids(Database& db) {
  TextSet known;
  CP_RETURN_IF_ERROR(
      db.query_each("SELECT account_id FROM account", {}, [&](const Row& row) -> Result<void> {
        known.insert(row.text(0));
        return Ok{};
      }));
  return known;
}

Result<clearing::AccountBook> load_account_book(Database& db) {
  clearing::AccountBook book;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT account_id, account_type, money_kind, commission_rate, commission_min_hkd FROM "
      "account",
      {}, [&](const Row& row) -> Result<void> {
        // The primary key makes ids unique; the columns' CHECKs make the codes valid.
        CP_ASSIGN_OR_RETURN(const AccountType type, parse_account_type(row.text(1)));
        CP_ASSIGN_OR_RETURN(const MoneyKind kind, parse_money_kind(row.text(2)));
        book.add({row.text(0), type, kind, row.decimal(3), row.decimal(4)});
        return Ok{};
      }));
  return book;
}

}  // namespace cp::store
