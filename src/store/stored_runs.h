// The database's answers to what the run of D asks of earlier dates (eod/earlier_runs.h), read
// in the run's snapshot transaction. Earlier executions are read once per trade date and kept.
#pragma once

#include <map>
#include <vector>

#include "eod/earlier_runs.h"
#include "store/database.h"

namespace cp::store {

class StoredRuns final : public eod::EarlierRuns {
 public:
  // `run_date` is D: answers come from runs and imports before it.
  StoredRuns(Database& db, Date run_date) : db_(db), run_date_(run_date) {}

  Result<const clearing::ExecutionTable*> executions_of(Date trade_date) override;
  Result<std::vector<Date>> trade_dates(Channel channel, Date after, Date through) override;
  Result<const eod::PositionStatement*> statement_on_or_before(Channel channel,
                                                               Date as_of) override;
  Result<StoredNets> csdc_nets_of(Date trade_date, Channel channel) override;
  Result<std::vector<StoredCsdcNet>> csdc_nets_with_dates(Date trade_date,
                                                          Channel channel) override;
  Result<std::vector<std::vector<ledger::Posting>>> trades_entries_of(Date trade_date,
                                                                      Channel channel) override;
  Result<std::vector<StoredFees>> portfolio_fees_of(Date business_date, Channel channel) override;
  Result<std::vector<clearing::HoldingMovement>> holding_movements(Channel channel, Date after,
                                                                   Date through) override;
  Result<std::vector<corpactions::ElectionInstruction>> election_instructions(
      const std::string& event_id) override;
  Result<std::vector<corpactions::CorporateAction>> securities_actions(Date after,
                                                                       Date through) override;
  Result<std::vector<eod::StoredNonTradeFee>> non_trade_fees_settling_in(Channel channel,
                                                                         Date after,
                                                                         Date through) override;
  Result<std::vector<eod::StoredCaCredit>> ca_credits_payable_in(Channel channel, Date after,
                                                                 Date through) override;
  Result<eod::CaMoneyDue> ca_money_settling_on(Channel channel, Date settlement_date) override;
  Result<std::map<MoneyKind, Decimal>> portfolio_fees_collected_on(Channel channel,
                                                                   Date collection_date) override;
  Result<std::map<MoneyKind, Decimal>> risk_funds_at_previous_settlement(
      Channel channel, Date settlement_date) override;
  Result<std::vector<PendingSettlement>> pending_settlements(Date after) override;
  Result<std::vector<PendingFeeCollection>> pending_fee_collections(Date after) override;
  Result<std::vector<SettlementDelay>> investors_of(Date trade_date, Channel channel) override;
  Result<std::map<std::string, std::vector<clearing::InvestorTradeMoney>>> stored_trade_money(
      Date settling_after) override;
  Result<std::map<std::string, std::vector<CollectedFee>>> fees_collected(Date after,
                                                                          Date through) override;
  Result<void> read_closes(const std::set<std::string>& securities, Date from, Date to,
                           risk::PriceHistory& into) override;

 private:
  Database& db_;
  Date run_date_;
  std::map<Date, clearing::ExecutionTable> executions_;
  std::map<std::pair<Channel, Date>, eod::PositionStatement> statements_;  // by statement date
};

}  // namespace cp::store
