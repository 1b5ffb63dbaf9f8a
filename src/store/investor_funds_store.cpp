#include "store/investor_funds_store.h"

#include "store/investor_segments.h"

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
  // The trade dates and channels still to settle (a few rows), then those dates' investors.
  std::map<Date, std::map<Channel, Date>> settling;  // trade date → channel → settlement date
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT business_date, channel, settlement_date FROM eod_investor_settlement WHERE "
      "business_date < ? AND settlement_date > ? ORDER BY business_date, channel",
      {before_run.to_string(), settling_after.to_string()}, [&](const Row& row) -> Result<void> {
        // Written by the run: valid.
        settling[*Date::parse(row.text(0))][*parse_channel(row.text(1))] =
            *Date::parse(row.text(2));
        return Ok{};
      }));
  std::map<std::string, std::vector<clearing::InvestorTradeMoney>> out;
  // By trade date, then account and channel: each account's days in date order, both channels
  // of a date in one day (the first channel's settlement date, as they settle together).
  for (const auto& [traded, channels] : settling) {
    CP_RETURN_IF_ERROR(each_investor_obligation(
        db, traded, "", [&](const StoredInvestorObligation& investor) -> Result<void> {
          const auto settles = channels.find(investor.channel);
          if (settles == channels.end()) return Ok{};
          auto& days = out[investor.account_id];
          if (days.empty() || days.back().trade_date != traded) {
            days.push_back(
                {traded, settles->second, Decimal::from_units(0, 2), Decimal::from_units(0, 2)});
          }
          days.back().buys_rmb += investor.buy_rmb;
          days.back().sells_rmb += investor.sell_rmb;
          return Ok{};
        }));
  }
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

}  // namespace cp::store
