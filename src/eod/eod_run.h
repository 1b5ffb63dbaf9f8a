// `connectpost eod run --date D`: the end-of-day clearing of one trade date (issue 4), as one
// transaction over the stored inputs. It refuses a date that is not a Southbound trading day of
// a channel with executions, and missing FX rates or closing prices, saying what is missing.
// A rerun replaces the date's results and produces the same digest.
#pragma once

#include <string>
#include <vector>

#include "clearing/client_clearing.h"
#include "clearing/exceptions.h"
#include "clearing/funds_transfer.h"
#include "clearing/portfolio_fee.h"
#include "clearing/risk_funds.h"
#include "refdata/refdata.h"
#include "store/database.h"
#include "store/investor_funds_store.h"
#include "store/journal_store.h"
#include "store/transfer_store.h"

namespace cp::eod {

struct ChannelSettlement {
  Channel channel = Channel::kShanghai;
  std::string reserve;
  clearing::CsdcObligation obligation;
  std::string flow;  // trading_money_payable | trading_money_receivable
  Date flow_date;
  TimeOfDay cutoff_hkt;
};

struct ReserveDay {
  Channel channel = Channel::kShanghai;
  std::string reserve;
  clearing::RiskFunds risk;
  Decimal rate;  // RMB per HKD for the risk funds
  Date risk_funds_date;
};

struct InvestorPortfolioFee {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  std::string reserve;
  clearing::PortfolioFeeCharge charge;
  Date collection_date;
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
  std::vector<ReserveDay> reserves;  // risk funds per channel and reserve account
  // The CLR-11 instructions of the settlement days this run instructs (transfer_days.h), by
  // channel, settlement day and reserve.
  std::vector<clearing::TransferInstruction> transfers;
  // The date's transfers reissued after a 10:30 shortfall (CLR-19).
  std::vector<store::ReissueRow> reissues;
  // Investors whose settlement moved since their trade date's run, to be told (CLR-18).
  std::vector<store::SettlementDelay> delays;
  std::vector<InvestorPortfolioFee> portfolio_fees;
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

struct EodInputs {
  std::string data_dir;
  const Clock* clock = nullptr;
  // Fault injection for the crash test: after every write, before the commit, say so on standard
  // error and wait this long (CONNECTPOST_EOD_PAUSE_BEFORE_COMMIT_MS; 0 = never).
  int pause_before_commit_ms = 0;
  std::string actor = "system";  // who runs it, for the audit trail
};

Result<EodReport> run_eod(store::Database& db, Date business_date, const EodInputs& inputs);

}  // namespace cp::eod
