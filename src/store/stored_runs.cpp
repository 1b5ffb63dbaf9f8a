#include "store/stored_runs.h"

#include <algorithm>

#include "store/ca_election_store.h"
#include "store/ca_store.h"
#include "store/execution_store.h"
#include "store/non_trade_store.h"
#include "store/risk_store.h"

namespace cp::store {

Result<const clearing::ExecutionTable*> StoredRuns::executions_of(Date trade_date) {
  auto found = executions_.find(trade_date);
  if (found != executions_.end()) return &found->second;
  CP_ASSIGN_OR_RETURN(auto loaded, load_executions(db_, trade_date));
  return &executions_.emplace(trade_date, std::move(loaded)).first->second;
}

Result<std::vector<Date>> StoredRuns::trade_dates(Channel channel, Date after, Date through) {
  std::vector<Date> out;
  CP_RETURN_IF_ERROR(db_.query_each(
      "SELECT DISTINCT trade_date FROM execution_segment WHERE channel = ? AND trade_date > ? AND "
      "trade_date <= ? ORDER BY trade_date",
      {std::string(channel_code(channel)), after.to_string(), through.to_string()},
      [&](const Row& row) -> Result<void> {
        out.push_back(*Date::parse(row.text(0)));  // written by the import: valid
        return Ok{};
      }));
  return out;
}

Result<const eod::PositionStatement*> StoredRuns::statement_on_or_before(Channel channel,
                                                                         Date as_of) {
  CP_ASSIGN_OR_RETURN(
      auto latest,
      db_.query("SELECT MAX(as_of) FROM opening_position WHERE as_of <= ?", {as_of.to_string()}));
  if (latest.rows.empty() || latest.rows[0].is_null(0)) {
    return static_cast<const eod::PositionStatement*>(nullptr);
  }
  const std::string statement_date = latest.rows[0].text(0);
  const Date as_of_statement = *Date::parse(statement_date);  // written by the import: valid
  const auto found = statements_.find({channel, as_of_statement});
  if (found != statements_.end()) return &found->second;
  eod::PositionStatement out;
  out.as_of = as_of_statement;
  CP_RETURN_IF_ERROR(db_.query_each(
      "SELECT account_id, security_code, quantity FROM opening_position WHERE channel = ? AND "
      "as_of = ?",
      {std::string(channel_code(channel)), statement_date}, [&](const Row& row) -> Result<void> {
        out.holdings.push_back({row.text(0), row.text(1), row.integer(2)});
        return Ok{};
      }));
  return &statements_.emplace(std::make_pair(channel, as_of_statement), std::move(out))
              .first->second;
}

Result<StoredNets> StoredRuns::csdc_nets_of(Date trade_date, Channel channel) {
  return store::csdc_nets_of(db_, trade_date, channel);
}

Result<std::vector<StoredCsdcNet>> StoredRuns::csdc_nets_with_dates(Date trade_date,
                                                                    Channel channel) {
  return store::csdc_nets_with_dates(db_, trade_date, channel);
}

Result<std::vector<std::vector<ledger::Posting>>> StoredRuns::trades_entries_of(Date trade_date,
                                                                                Channel channel) {
  return store::trades_entries_of(db_, trade_date, channel);
}

Result<std::vector<StoredFees>> StoredRuns::portfolio_fees_of(Date business_date, Channel channel) {
  return store::portfolio_fees_of(db_, business_date, channel);
}

Result<std::map<MoneyKind, Decimal>> StoredRuns::portfolio_fees_collected_on(Channel channel,
                                                                             Date collection_date) {
  return store::portfolio_fees_collected_on(db_, channel, collection_date, run_date_);
}

Result<eod::CaMoneyDue> StoredRuns::ca_money_settling_on(Channel channel, Date settlement_date) {
  eod::CaMoneyDue out;
  CP_RETURN_IF_ERROR(db_.query_each(
      "SELECT reserve, net_rmb FROM eod_ca_credit WHERE channel = ? AND payable_date = ? AND "
      "business_date < ?",
      {std::string(channel_code(channel)), settlement_date.to_string(), run_date_.to_string()},
      [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(0)));
        // A subscription is a credit below zero: CSDC collects it (exact: summed here, not in
        // SQL).
        const Decimal net = row.decimal(1);
        auto& side = net.is_negative() ? out.payable : out.receivable;
        const Decimal amount = net.is_negative() ? -net : net;
        auto [found, inserted] = side.try_emplace(reserve, amount);
        if (!inserted) found->second += amount;
        return Ok{};
      }));
  return out;
}

Result<std::vector<clearing::HoldingMovement>> StoredRuns::holding_movements(Channel channel,
                                                                             Date after,
                                                                             Date through) {
  // Before D only: D's own transfers are the run's inputs (DayInputs::non_trade_transfers).
  const Date last = std::min(through, run_date_.plus_days(-1));
  std::vector<clearing::HoldingMovement> out;
  if (after >= last) return out;
  CP_ASSIGN_OR_RETURN(const auto transfers, non_trade_transfers_between(db_, channel, after, last));
  for (const auto& t : transfers) {
    for (auto& m : corpactions::share_movements(t)) out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<corpactions::ElectionInstruction>> StoredRuns::election_instructions(
    const std::string& event_id) {
  CP_ASSIGN_OR_RETURN(auto given, ca_elections_of(db_, event_id));
  return corpactions::prevailing(std::move(given));
}

Result<std::vector<corpactions::CorporateAction>> StoredRuns::securities_actions(Date after,
                                                                                 Date through) {
  return ca_events_distributing_securities(db_, after, through);
}

Result<std::vector<eod::StoredNonTradeFee>> StoredRuns::non_trade_fees_settling_in(Channel channel,
                                                                                   Date after,
                                                                                   Date through) {
  std::vector<eod::StoredNonTradeFee> out;
  CP_RETURN_IF_ERROR(db_.query_each(
      "SELECT transfer_id, account_id, reserve, transfer_fee_rmb, stamp_duty_rmb, "
      "settlement_date FROM eod_non_trade_fee WHERE channel = ? AND settlement_date > ? AND "
      "settlement_date <= ? AND business_date < ? ORDER BY settlement_date, transfer_id",
      {std::string(channel_code(channel)), after.to_string(), through.to_string(),
       run_date_.to_string()},
      [&](const Row& row) -> Result<void> {
        eod::StoredNonTradeFee fee;
        fee.transfer_id = row.text(0);
        fee.account_id = row.text(1);
        CP_ASSIGN_OR_RETURN(fee.reserve, parse_money_kind(row.text(2)));
        fee.amount_rmb = row.decimal(3) + row.decimal(4);
        CP_ASSIGN_OR_RETURN(fee.settlement_date, Date::parse(row.text(5)));
        out.push_back(std::move(fee));
        return Ok{};
      }));
  return out;
}

Result<std::vector<eod::StoredCaCredit>> StoredRuns::ca_credits_payable_in(Channel channel,
                                                                           Date after,
                                                                           Date through) {
  std::vector<eod::StoredCaCredit> out;
  CP_RETURN_IF_ERROR(db_.query_each(
      "SELECT event_id, account_id, reserve, net_rmb, payable_date FROM eod_ca_credit WHERE "
      "channel = ? AND payable_date > ? AND payable_date <= ? AND business_date < ? ORDER BY "
      "payable_date, event_id, account_id",
      {std::string(channel_code(channel)), after.to_string(), through.to_string(),
       run_date_.to_string()},
      [&](const Row& row) -> Result<void> {
        eod::StoredCaCredit credit;
        credit.event_id = row.text(0);
        credit.account_id = row.text(1);
        CP_ASSIGN_OR_RETURN(credit.reserve, parse_money_kind(row.text(2)));
        credit.net_rmb = row.decimal(3);
        CP_ASSIGN_OR_RETURN(credit.payable_date, Date::parse(row.text(4)));
        out.push_back(std::move(credit));
        return Ok{};
      }));
  return out;
}

Result<std::map<MoneyKind, Decimal>> StoredRuns::risk_funds_at_previous_settlement(
    Channel channel, Date settlement_date) {
  return store::risk_funds_at_previous_settlement(db_, channel, settlement_date, run_date_);
}

Result<std::vector<PendingSettlement>> StoredRuns::pending_settlements(Date after) {
  return store::pending_settlements(db_, run_date_, after);
}

Result<std::vector<PendingFeeCollection>> StoredRuns::pending_fee_collections(Date after) {
  return store::pending_fee_collections(db_, run_date_, after);
}

Result<std::vector<SettlementDelay>> StoredRuns::investors_of(Date trade_date, Channel channel) {
  return store::investors_of(db_, trade_date, channel);
}

Result<std::map<std::string, std::vector<clearing::InvestorTradeMoney>>>
StoredRuns::stored_trade_money(Date settling_after) {
  return store::stored_trade_money(db_, run_date_, settling_after);
}

Result<std::map<std::string, std::vector<CollectedFee>>> StoredRuns::fees_collected(Date after,
                                                                                    Date through) {
  return store::fees_collected(db_, run_date_, after, through);
}

Result<void> StoredRuns::read_closes(const std::set<std::string>& securities, Date from, Date to,
                                     risk::PriceHistory& into) {
  return store::read_closes(db_, securities, from, to, into);
}

}  // namespace cp::store
