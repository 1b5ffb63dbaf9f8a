#include "store/investor_funds_store.h"

namespace cp::store {

Result<CashStatements> latest_cash_statements(Database& db, Date date) {
  CashStatements out;
  // Ordered by date: each account's last row wins. By date alone, which the primary key's
  // index gives (as_of, account_id, currency): ordering by account too made SQLite sort the 2M
  // rows of a big day in a temporary B-tree first.
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT account_id, as_of, amount FROM opening_cash WHERE currency = 'CNY' AND as_of <= ? "
      "ORDER BY as_of",
      {date.to_string()}, [&](const Row& row) -> Result<void> {
        // Written by the import: the date is valid.
        out.insert_or_assign(std::string(row.text(0)),
                             CashStatement{*Date::parse(row.text(1)), row.decimal(2)});
        return Ok{};
      }));
  return out;
}

Result<std::map<std::string, std::vector<clearing::InvestorTradeMoney>>> stored_trade_money(
    Database& db, Date before_run, Date settling_after) {
  std::map<std::string, std::vector<clearing::InvestorTradeMoney>> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT account_id, business_date, settlement_date, buy_rmb, sell_rmb FROM "
      "eod_investor_obligation WHERE business_date < ? AND settlement_date > ? ORDER BY "
      "account_id, business_date, channel",
      {before_run.to_string(), settling_after.to_string()}, [&](const Row& row) -> Result<void> {
        auto& days = out[row.text(0)];
        const Date traded = *Date::parse(row.text(1));  // written by the run: valid
        if (days.empty() || days.back().trade_date != traded) {
          days.push_back({traded, *Date::parse(row.text(2)), Decimal::from_units(0, 2),
                          Decimal::from_units(0, 2)});
        }
        days.back().buys_rmb += row.decimal(3);
        days.back().sells_rmb += row.decimal(4);
        return Ok{};
      }));
  return out;
}

Result<std::map<std::string, std::vector<CollectedFee>>> fees_collected(Database& db,
                                                                        Date before_run, Date after,
                                                                        Date through) {
  std::map<std::string, std::vector<CollectedFee>> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT account_id, collection_date, fee_rmb FROM eod_portfolio_fee WHERE business_date < "
      "? AND collection_date > ? AND collection_date <= ? ORDER BY account_id, collection_date",
      {before_run.to_string(), after.to_string(), through.to_string()},
      [&](const Row& row) -> Result<void> {
        out[row.text(0)].push_back({*Date::parse(row.text(1)), row.decimal(2)});
        return Ok{};
      }));
  return out;
}

Result<void> write_pre_clearing(Database& db, Date business_date,
                                const std::vector<PreClearingRow>& rows) {
  const std::string day = business_date.to_string();
  auto dec = [](const Decimal& value) { return decimal_value(value); };
  auto next = rows.begin();
  // A bulk load: millions of rows on a big day (COPY on PostgreSQL, batched on SQLite).
  CP_RETURN_IF_ERROR(db.bulk_insert(
      "eod_pre_clearing",
      {"business_date", "account_id", "cash_statement_date", "cash_statement_rmb",
       "settled_since_rmb", "fees_collected_since_rmb", "cash_rmb", "unsettled_buys_rmb",
       "unsettled_sells_rmb", "portfolio_fee_rmb", "todays_buys_rmb", "frozen_at_reference_rmb",
       "frozen_adjustment_rmb", "available_southbound_rmb", "available_a_share_rmb", "notify"},
      [&](std::vector<Value>& out_row) {
        if (next == rows.end()) return false;
        const PreClearingRow& row = *next++;
        const auto& in = row.inputs;
        const auto& out = row.result;
        out_row = {day,
                   row.account_id,
                   in.cash_statement_date.to_string(),
                   dec(in.cash_statement_rmb),
                   dec(out.settled_since_rmb),
                   dec(in.fees_collected_since_rmb),
                   dec(out.cash_rmb),
                   dec(out.unsettled_buys_rmb),
                   dec(out.unsettled_sells_rmb),
                   dec(in.portfolio_fee_rmb),
                   dec(out.todays_buys_rmb),
                   dec(in.frozen_at_reference_rmb),
                   dec(out.frozen_adjustment_rmb),
                   dec(out.available_southbound_rmb),
                   dec(out.available_a_share_rmb),
                   int64_t{out.notify ? 1 : 0}};
        return true;
      }));
  return Ok{};
}

}  // namespace cp::store
