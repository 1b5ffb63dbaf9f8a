#include "store/journal_store.h"

namespace cp::store {

Result<std::vector<std::vector<ledger::Posting>>> trades_entries_of(Database& db, Date trade_date,
                                                                    Channel channel) {
  std::vector<std::vector<ledger::Posting>> entries;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT entry, account, asset, amount FROM ledger_posting WHERE business_date = ? AND "
      "entry LIKE ? ORDER BY entry, seq",
      {trade_date.to_string(), "TRADES:%:" + std::string(channel_code(channel))},
      [&](const Row& row) -> Result<void> {
        if (entries.empty() || entries.back().front().entry != row.text(0)) entries.emplace_back();
        entries.back().push_back({row.text(0), row.text(1), row.text(2), row.decimal(3)});
        return Ok{};
      }));
  return entries;
}

Result<std::vector<StoredCsdcNet>> csdc_nets_with_dates(Database& db, Date trade_date,
                                                        Channel channel) {
  std::vector<StoredCsdcNet> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT reserve, net_rmb, flow_date FROM eod_csdc_obligation WHERE business_date = ? AND "
      "channel = ? ORDER BY reserve",
      {trade_date.to_string(), std::string(channel_code(channel))},
      [&](const Row& row) -> Result<void> {
        out.push_back({row.text(0), row.decimal(1), *Date::parse(row.text(2))});  // run-written
        return Ok{};
      }));
  return out;
}

Result<std::vector<StoredFees>> portfolio_fees_of(Database& db, Date business_date,
                                                  Channel channel) {
  std::vector<StoredFees> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT reserve, collection_date, fee_rmb FROM eod_portfolio_fee WHERE business_date = ? "
      "AND channel = ? ORDER BY reserve, collection_date",
      {business_date.to_string(), std::string(channel_code(channel))},
      [&](const Row& row) -> Result<void> {
        const Date collected = *Date::parse(row.text(1));  // written by the run: valid
        if (out.empty() || out.back().reserve != row.text(0) ||
            out.back().collection_date != collected) {
          out.push_back({row.text(0), collected, Decimal::from_units(0, 2)});
        }
        out.back().fee_rmb += row.decimal(2);
        return Ok{};
      }));
  return out;
}

}  // namespace cp::store
