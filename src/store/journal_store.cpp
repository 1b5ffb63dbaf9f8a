#include "store/journal_store.h"

#include "store/investor_segments.h"
#include "store/posting_segments.h"

namespace cp::store {

Result<std::vector<std::vector<ledger::Posting>>> trades_entries_of(Database& db, Date trade_date,
                                                                    Channel channel) {
  std::vector<std::vector<ledger::Posting>> entries;
  const std::string suffix = ":" + std::string(channel_code(channel));
  CP_RETURN_IF_ERROR(
      each_posting(db, trade_date, [&](const ledger::Posting& posting, int64_t) -> Result<void> {
        if (!posting.entry.starts_with("TRADES:") || !posting.entry.ends_with(suffix)) return Ok{};
        if (entries.empty() || entries.back().front().entry != posting.entry) {
          entries.emplace_back();
        }
        entries.back().push_back(posting);
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
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(0)));
        out.push_back({reserve, row.decimal(1), *Date::parse(row.text(2))});  // run-written
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
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(0)));
        if (out.empty() || out.back().reserve != reserve ||
            out.back().collection_date != collected) {
          out.push_back({reserve, collected, Decimal::from_units(0, 2)});
        }
        out.back().fee_rmb += row.decimal(2);
        return Ok{};
      }));
  return out;
}

namespace {

// A date or channel column of a row a run wrote: valid by construction (the run wrote it from
// its own values), so read without a check.
Date run_date(const Row& row, size_t column) {
  return *Date::parse(row.text(column));
}
Channel run_channel(const Row& row, size_t column) {
  return row.text(column) == "sz" ? Channel::kShenzhen : Channel::kShanghai;
}

}  // namespace

Result<std::vector<PendingSettlement>> pending_settlements(Database& db, Date before_run,
                                                           Date after) {
  std::vector<PendingSettlement> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT business_date, channel, planned_settlement_date, settlement_date FROM "
      "eod_investor_settlement WHERE business_date < ? AND (planned_settlement_date > ? OR "
      "settlement_date > ?) ORDER BY business_date, channel",
      {before_run.to_string(), after.to_string(), after.to_string()},
      [&](const Row& row) -> Result<void> {
        out.push_back({run_date(row, 0), run_channel(row, 1), run_date(row, 2), run_date(row, 3)});
        return Ok{};
      }));
  return out;
}

Result<std::vector<PendingFeeCollection>> pending_fee_collections(Database& db, Date before_run,
                                                                  Date after) {
  std::vector<PendingFeeCollection> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT DISTINCT business_date, channel, collection_date FROM eod_portfolio_fee WHERE "
      "business_date < ? AND collection_date > ? ORDER BY business_date, channel, "
      "collection_date",
      {before_run.to_string(), after.to_string()}, [&](const Row& row) -> Result<void> {
        out.push_back({run_date(row, 0), run_channel(row, 1), run_date(row, 2)});
        return Ok{};
      }));
  return out;
}

Result<void> move_fee_collection(Database& db, Date business_date, Channel channel,
                                 Date collection_date) {
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE eod_portfolio_fee SET collection_date = ? WHERE business_date = ? AND channel = ?",
      {collection_date.to_string(), business_date.to_string(),
       std::string(channel_code(channel))}));
  return Ok{};
}

Result<void> move_settlement(Database& db, Date trade_date, Channel channel, Date payable_date,
                             Date receivable_date) {
  const std::string day = trade_date.to_string();
  const std::string ch(channel_code(channel));
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE eod_investor_settlement SET settlement_date = ? WHERE business_date = ? AND "
      "channel = ?",
      {payable_date.to_string(), day, ch}));
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE eod_csdc_obligation SET flow_date = ? WHERE business_date = ? AND channel = ? AND "
      "flow = 'trading_money_payable'",
      {payable_date.to_string(), day, ch}));
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE eod_csdc_obligation SET flow_date = ? WHERE business_date = ? AND channel = ? AND "
      "flow = 'trading_money_receivable'",
      {receivable_date.to_string(), day, ch}));
  return Ok{};
}

Result<std::vector<SettlementDelay>> investors_of(Database& db, Date trade_date, Channel channel) {
  std::vector<SettlementDelay> out;
  CP_RETURN_IF_ERROR(each_investor_obligation(
      db, trade_date, "", [&](const StoredInvestorObligation& investor) -> Result<void> {
        if (investor.channel == channel) {
          out.push_back({trade_date, channel, investor.account_id, investor.net_rmb, {}, {}, {}});
        }
        return Ok{};
      }));
  return out;
}

Result<void> write_delays(Database& db, Date business_date,
                          const std::vector<SettlementDelay>& delays) {
  for (const auto& d : delays) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_settlement_delay (business_date, trade_date, channel, account_id, "
        "net_rmb, planned_date, settlement_date, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {business_date.to_string(), d.trade_date.to_string(), std::string(channel_code(d.channel)),
         d.account_id, decimal_value(d.net_rmb), d.planned_date.to_string(),
         d.settlement_date.to_string(), d.reason}));
  }
  return Ok{};
}

}  // namespace cp::store
