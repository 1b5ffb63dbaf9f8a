// The snapshot an EOD run computes from (issue 15 §2): everything about its own date, loaded in
// one place (store/eod_inputs_store.h) inside the run's read snapshot, then only read. The
// stages are functions of this, of what earlier runs stored (earlier_runs.h) and of each other's
// results; none reads a file, a clock or the database. A what-if computes twice over one snapshot
// with other rules (eod/what_if.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "clearing/account_book.h"
#include "clearing/execution.h"
#include "clearing/execution_table.h"
#include "clearing/input_files.h"
#include "clearing/portfolio_fee.h"
#include "corpactions/corporate_action.h"
#include "corpactions/csdc_payment.h"
#include "corpactions/non_trade_transfer.h"
#include "eod/csdc_margin.h"
#include "refdata/refdata.h"
#include "store/investor_funds_store.h"
#include "store/transfer_store.h"

namespace cp::eod {

// One event whose cash CSDC cleared on the run's date on one channel (SPEC CLR-7): it reaches the
// holders at the record date's close (eod/ca_cash_stage.h).
struct CaCashClearing {
  corpactions::CorporateAction action;
  corpactions::CsdcPayment payment;
};

struct DayInputs {
  Date date;
  // The reference data in force: fees and parameters are read at `rules_date`, which is `date`
  // except in a what-if under another date's rules.
  const refdata::RefData* refdata = nullptr;
  Date rules_date;
  std::vector<clearing::PortfolioFeeTier> portfolio_fee_tiers;  // in force at rules_date (CLR-6)

  clearing::ExecutionTable executions;  // the date's, all channels, in the stored order
  const clearing::AccountBook* accounts = nullptr;
  // `executions`' accounts by their numbers there (AccountBook::accounts_of; prepare_day).
  std::vector<const clearing::Account*> execution_accounts;
  // execution_accounts once prepare_day has found them for `executions`, else nullptr.
  const std::vector<const clearing::Account*>* accounts_by_number() const {
    return execution_accounts.size() == executions.accounts().size() ? &execution_accounts
                                                                     : nullptr;
  }
  std::map<Channel, calendar::SouthboundCalendar> calendars;  // the channels trading on `date`
  std::map<Channel, calendar::SettlementSchedule> schedules;  // of `date`'s trades (STL-2)
  std::map<Channel, clearing::FxRates> fx;                    // the rates imported for `date`
  std::map<std::string, Decimal> closes_hkd;                  // `date`'s closing prices
  // HKSCC's risk parameters and instrument rows, read where risk.margin_method is hkscc_rpf
  // (CLR-9 from 2022-06-13); nullptr when the shell did not load them.
  const CsdcRiskReference* csdc_risk = nullptr;
  // Each account's latest RMB cash statement on or before `date` (CLR-12, CLR-14).
  store::CashStatements cash_statements;
  // Per channel, each reserve account's balance at the latest imported date on or before `date`.
  std::map<Channel, std::map<MoneyKind, store::ReserveBalance>> reserve_balances;
  // The reserve balances after CSDC's batches of `date` (CLR-16, CLR-19), if imported.
  std::vector<store::ReserveCheck> reserve_checks;
  // The CLR-11 instructions an earlier run made for `date` as a settlement day (CLR-19).
  std::vector<clearing::TransferInstruction> instructed_for_date;
  // The corporate-action cash CSDC cleared on `date` (import ca-payments), by event and channel.
  std::vector<CaCashClearing> ca_cash;
  // CSDC's non-trade transfers cleared on `date` (import non-trade-transfers), by id.
  std::vector<corpactions::NonTradeTransfer> non_trade_transfers;
};

}  // namespace cp::eod
