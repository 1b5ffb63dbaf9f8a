// What the stages of the run of D read from earlier dates: their executions and positions
// statements, what their EOD runs stored (CSDC's nets, journal entries, fees, risk funds,
// investors' money), and the price history. An interface, so the stages stay functions of their
// inputs: the run reads the database in its snapshot (store/stored_runs.h), a unit test a table of
// its own. Every question is asked as of before the run of D: D's own stored results never answer.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "clearing/execution.h"
#include "clearing/holdings.h"
#include "clearing/pre_clearing.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"
#include "core/result.h"
#include "corpactions/corporate_action.h"
#include "corpactions/elections.h"
#include "ledger/journal.h"
#include "risk/price_history.h"
#include "store/investor_funds_store.h"
#include "store/journal_store.h"
#include "store/transfer_store.h"

namespace cp::eod {

// A positions statement (import positions): its date and one channel's holdings.
struct PositionStatement {
  Date as_of;
  std::vector<clearing::Holding> holdings;
};

// A corporate-action credit an earlier run made (eod_ca_credit; eod/ca_cash_stage.h), settled on
// its payable date.
// Corporate-action money earlier runs cleared that settles with CSDC on one day, per reserve:
// credits CSDC pays (dividends, consideration) and take-ups' subscription money it collects
// (above zero) — CLR-11's two corporate-action terms.
struct CaMoneyDue {
  std::map<MoneyKind, Decimal> receivable;
  std::map<MoneyKind, Decimal> payable;
};

struct StoredCaCredit {
  std::string event_id;
  std::string account_id;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal net_rmb;
  Date payable_date;
};

// A non-trade transfer's fees an earlier run debited (eod_non_trade_fee), settled on its date.
struct StoredNonTradeFee {
  std::string transfer_id;
  std::string account_id;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal amount_rmb;  // the transfer fee and the stamp duty
  Date settlement_date;
};

class EarlierRuns {
 public:
  virtual ~EarlierRuns() = default;

  // The stored executions of a trade date before D, all channels.
  virtual Result<const clearing::ExecutionTable*> executions_of(Date trade_date) = 0;
  // The channel's trade dates with stored executions after `after`, on or before `through`.
  virtual Result<std::vector<Date>> trade_dates(Channel channel, Date after, Date through) = 0;
  // The channel's movements of holdings that are not trades, dated after `after` and on or before
  // `through` (and before D): the shares of CSDC's non-trade transfers (CLR-10) on their clearing
  // dates.
  virtual Result<std::vector<clearing::HoldingMovement>> holding_movements(Channel channel,
                                                                           Date after,
                                                                           Date through) = 0;
  // The corporate actions that move securities (corpactions/securities_movement.h: bonus shares
  // and warrants, splits, consolidations, takeovers, scrip, rights and open offers) with a step
  // dated after `after` and on or before `through` (securities_steps_in: a rights issue's
  // rights the day after its record date, everything else on the payment date) —
  // announcements, so D's own too — by payment date and id.
  virtual Result<std::vector<corpactions::CorporateAction>> securities_actions(Date after,
                                                                               Date through) = 0;
  // An event's prevailing election instructions (corpactions/elections.h prevailing: a scrip
  // dividend's, a take-up's): the investors' own, given before the run.
  virtual Result<std::vector<corpactions::ElectionInstruction>> election_instructions(
      const std::string& event_id) = 0;
  // The latest positions statement on or before `as_of` (of any channel: a statement covers
  // every account), with the channel's holdings; nullptr if there is none. The statement stays
  // valid as long as the reader: a Friday's three fee days ask for the same one.
  virtual Result<const PositionStatement*> statement_on_or_before(Channel channel, Date as_of) = 0;

  // A trade date's CSDC nets per reserve, as its run stored them (store::csdc_nets_of).
  virtual Result<store::StoredNets> csdc_nets_of(Date trade_date, Channel channel) = 0;
  // The same with each net's STL-2 date.
  virtual Result<std::vector<store::StoredCsdcNet>> csdc_nets_with_dates(Date trade_date,
                                                                         Channel channel) = 0;
  // The trade date's "TRADES:" journal entries of the channel.
  virtual Result<std::vector<std::vector<ledger::Posting>>> trades_entries_of(Date trade_date,
                                                                              Channel channel) = 0;
  // The portfolio fees a run charged, per reserve with their collection date.
  virtual Result<std::vector<store::StoredFees>> portfolio_fees_of(Date business_date,
                                                                   Channel channel) = 0;
  // Portfolio fees earlier runs charged for collection on `collection_date`, per reserve.
  virtual Result<std::map<MoneyKind, Decimal>> portfolio_fees_collected_on(
      Channel channel, Date collection_date) = 0;
  // The corporate-action money earlier runs cleared that settles on `settlement_date`, per
  // reserve (CLR-11's dividends and subscriptions terms).
  virtual Result<CaMoneyDue> ca_money_settling_on(Channel channel, Date settlement_date) = 0;
  // The channel's corporate-action credits of earlier runs payable after `after` and on or
  // before `through`, by payable date, event and account: the settlement-day entries (CLR-3).
  virtual Result<std::vector<StoredCaCredit>> ca_credits_payable_in(Channel channel, Date after,
                                                                    Date through) = 0;
  // The channel's non-trade transfer fees of earlier runs settling after `after` and on or before
  // `through`, by settlement date and transfer.
  virtual Result<std::vector<StoredNonTradeFee>> non_trade_fees_settling_in(Channel channel,
                                                                            Date after,
                                                                            Date through) = 0;
  // The risk funds due at the latest instructed settlement day before `settlement_date`.
  virtual Result<std::map<MoneyKind, Decimal>> risk_funds_at_previous_settlement(
      Channel channel, Date settlement_date) = 0;
  // Trade dates whose investors' settlement, planned or current, falls after `after`.
  virtual Result<std::vector<store::PendingSettlement>> pending_settlements(Date after) = 0;
  // Portfolio fees of runs before D still to collect after `after`, with their dates.
  virtual Result<std::vector<store::PendingFeeCollection>> pending_fee_collections(Date after) = 0;
  // The investors of a trade date on a channel, with their money (CLR-18 notices).
  virtual Result<std::vector<store::SettlementDelay>> investors_of(Date trade_date,
                                                                   Channel channel) = 0;
  // Per account, the stored trade money settling after `settling_after`.
  virtual Result<std::map<std::string, std::vector<clearing::InvestorTradeMoney>>>
  stored_trade_money(Date settling_after) = 0;
  // Per account, portfolio fees collected after `after` and on or before `through`.
  virtual Result<std::map<std::string, std::vector<store::CollectedFee>>> fees_collected(
      Date after, Date through) = 0;

  // The stored price history (import price-history) of `securities` from `from` to `to`, added
  // to `into` (CSDC's margin by HKSCC's risk parameters, CLR-9; eod/csdc_margin.h).
  virtual Result<void> read_closes(const std::set<std::string>& securities, Date from, Date to,
                                   risk::PriceHistory& into) = 0;
};

}  // namespace cp::eod
