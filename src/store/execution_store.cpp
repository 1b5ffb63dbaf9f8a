#include "store/execution_store.h"

namespace cp::store {

Result<int64_t> insert_missing_accounts(Database& db,
                                        const std::vector<clearing::Account>& accounts) {
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
  CP_RETURN_IF_ERROR(
      db.execute("DELETE FROM execution WHERE trade_date = ?", {trade_date.to_string()}));
  size_t next = 0;
  const std::string date_text = trade_date.to_string();
  return db.bulk_insert("execution",
                        {"trade_id", "trade_date", "channel", "account_id", "security_code", "side",
                         "quantity", "price_hkd"},
                        [&](std::vector<Value>& row) {
                          if (next == executions.size()) return false;
                          const auto& e = executions[next++];
                          CP_ASSERT(e.trade_date == trade_date,
                                    "execution of another date in a day's load");
                          row = {e.trade_id,
                                 date_text,
                                 std::string(channel_code(e.channel)),
                                 e.account_id,
                                 e.security_code,
                                 std::string(side_code(e.side)),
                                 e.quantity,
                                 decimal_value(e.price_hkd)};
                          return true;
                        });
}

Result<std::vector<clearing::Execution>> load_executions(Database& db, Date trade_date) {
  std::vector<clearing::Execution> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT trade_id, channel, account_id, security_code, side, quantity, price_hkd FROM "
      "execution WHERE trade_date = ? ORDER BY trade_id",
      {trade_date.to_string()}, [&](const Row& row) -> Result<void> {
        clearing::Execution& e = out.emplace_back();
        e.trade_id = row.text(0);
        e.trade_date = trade_date;
        e.channel = *parse_channel(row.text(1));  // CHECK constraint: sh or sz
        e.account_id = row.text(2);
        e.security_code = row.text(3);
        e.side = *parse_side(row.text(4));  // CHECK constraint: buy or sell
        e.quantity = row.integer(5);
        e.price_hkd = row.decimal(6);
        return Ok{};
      }));
  return out;
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
