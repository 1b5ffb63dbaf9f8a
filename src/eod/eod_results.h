// What an EOD run computes for its date (issue 4, issue 15): the settlements, risk funds,
// transfers, fees, exceptions and pre-clearing the stages produce from one DayInputs snapshot,
// and the run's summary. The run writes them (store/eod_result_store.h); a what-if compares two.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "clearing/client_clearing.h"
#include "clearing/exceptions.h"
#include "clearing/funds_transfer.h"
#include "clearing/portfolio_fee.h"
#include "clearing/risk_funds.h"
#include "corpactions/dividend.h"
#include "store/investor_funds_store.h"
#include "store/journal_store.h"
#include "store/transfer_store.h"

namespace cp::eod {

struct ChannelSettlement {
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  clearing::CsdcObligation obligation;
  std::string flow;  // trading_money_payable | trading_money_receivable
  Date flow_date;
  TimeOfDay cutoff_hkt;
};

struct ReserveDay {
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  clearing::RiskFunds risk;
  Decimal rate;  // RMB per HKD for the risk funds
  Date risk_funds_date;
  // The book a stress test shocks (ORG-4, book_stress_stage.h): shares per security, the
  // unsettled net position plus, for the own reserve, the firm's holdings at the close.
  std::map<std::string, int64_t> book_shares;
};

// The reserve's book under one stress scenario (ORG-4; seed 002 附件1 第26条), HKD.
struct BookStress {
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  std::string scenario;
  std::string description;
  Decimal long_value_hkd;   // the book's long market value at the close
  Decimal short_value_hkd;  // its short market value, positive
  Decimal pnl_hkd;
  Decimal loss_hkd;
  Decimal collateral_hkd;  // the reserve's risk funds at CSDC
  Decimal shortfall_hkd;
};

struct InvestorPortfolioFee {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  clearing::PortfolioFeeCharge charge;
  Date collection_date;
};

// One investor's corporate-action cash of the date (SPEC CLR-7; eod/ca_cash_stage.h): the net RMB
// credited, payable by CSDC and usable by the investor on `payable_date` (STL-2, STL-4). A
// take-up's subscription is one below zero: `holding` the shares taken up, the gross and the
// money negative, paid to CSDC that day.
struct CaCredit {
  std::string event_id;
  Channel channel = Channel::kShanghai;
  std::string account_id;
  MoneyKind reserve = MoneyKind::kClient;  // the account's money kind (CLR-17)
  int64_t holding = 0;                     // at the record date's close (STL-3)
  Decimal gross_ccy;
  corpactions::DividendMoney money;
  Date payable_date;
};

// The fees of one of CSDC's non-trade transfers of the date (SPEC CLR-10; eod/non_trade_stage.h),
// debited to the account CSDC's data names and settled with CSDC on `settlement_date`.
struct NonTradeFee {
  std::string transfer_id;
  Channel channel = Channel::kShanghai;
  std::string account_id;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal transfer_fee_rmb;
  Decimal stamp_duty_rmb;
  Date settlement_date;
};

struct MoneyException {
  std::string kind;     // overdraft | default
  std::string subject;  // the account, or channel:reserve
  Decimal amount_rmb;
  Decimal detail_rmb;
  Decimal penalty_rmb;
  Decimal interest_rmb;
  std::string action;
};

struct EodReport {
  Date business_date;
  int64_t executions = 0;
  int64_t investors = 0;
  std::vector<ChannelSettlement> settlements;
  std::vector<ReserveDay> reserves;     // risk funds per channel and reserve account
  std::vector<BookStress> book_stress;  // per reserve, scenario by scenario
  // The CLR-11 instructions of the settlement days this run instructs (transfer_days.h), by
  // channel, settlement day and reserve.
  std::vector<clearing::TransferInstruction> transfers;
  // The date's transfers reissued after a 10:30 shortfall (CLR-19).
  std::vector<store::ReissueRow> reissues;
  // Investors whose settlement moved since their trade date's run, to be told (CLR-18).
  std::vector<store::SettlementDelay> delays;
  std::vector<InvestorPortfolioFee> portfolio_fees;
  // The corporate-action cash CSDC cleared on the date, per event, channel and account.
  std::vector<CaCredit> ca_credits;
  // The fees of CSDC's non-trade transfers cleared on the date, by transfer id.
  std::vector<NonTradeFee> non_trade_fees;
  std::vector<MoneyException> exceptions;  // overdrafts and settlement defaults
  // Pre-clearing and available funds of each client investor at stake (CLR-13, CLR-14).
  std::vector<store::PreClearingRow> pre_clearing;
  int64_t postings = 0;
  std::string digest;
  // The audit entry the run appended ("eod.run"), whose seq:hash is the trail's head when the
  // run committed: printed in the summary as an anchor for `audit verify --anchor`.
  int64_t audit_seq = 0;
  std::string audit_hash;
  // Wall time of each stage, in order, for the summary and the benchmark (not part of results).
  std::vector<std::pair<std::string, double>> stage_seconds;
};

}  // namespace cp::eod
