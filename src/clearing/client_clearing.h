// End-of-day clearing of one trade date (SPEC CLR-1..5, CLR-15, ACT-1, ACT-2): every execution's
// fees, commission and money in HKD and RMB; each investor's obligation per channel; the
// broker's net obligation toward CSDC per channel and reserve account (client money and own
// money apart, CLR-17).
//
// Per execution (docs/eod.md):
//   consideration  = price × quantity (HKD, exact)
//   fees           = the CLR-4 lines (fees.h)
//   commission     = max(rate × consideration, minimum), half-up to the cent (CLR-5)
//   csdc_hkd       = consideration + fees (buy) | consideration − fees (sell): what CSDC settles
//   investor_hkd   = csdc_hkd + commission (buy) | csdc_hkd − commission (sell)
//   rate           = the channel's settlement buy rate for buys, sell rate for sells (CLR-15)
//   csdc_rmb       = csdc_hkd × rate, half-up to the fen
//   investor_rmb   = investor_hkd × rate, half-up to the fen
//   commission_rmb = investor_rmb − csdc_rmb (buy) | csdc_rmb − investor_rmb (sell), so that the
//                    RMB the investor pays equals what CSDC and the broker receive, to the fen.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "clearing/execution.h"
#include "clearing/fees.h"
#include "clearing/input_files.h"

namespace cp::clearing {

struct ExecutionResult {
  const Execution* execution = nullptr;
  std::string reserve;  // client | own: the account's money kind
  Decimal consideration_hkd;
  FeeBreakdown fees;
  Decimal commission_hkd;
  Decimal csdc_hkd;
  Decimal investor_hkd;
  Decimal rate;  // RMB per HKD applied
  Decimal csdc_rmb;
  Decimal investor_rmb;
  Decimal commission_rmb;
};

// One investor's money on one channel for the day; positive net = the investor pays.
struct InvestorObligation {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  std::string reserve;
  int64_t executions = 0;
  Decimal buy_rmb = Decimal::from_units(0, 2);   // Σ investor_rmb of buys
  Decimal sell_rmb = Decimal::from_units(0, 2);  // Σ investor_rmb of sells
  Decimal net_rmb = Decimal::from_units(0, 2);   // buy − sell
};

// The broker toward CSDC on one channel and reserve account; positive net = the broker pays
// (SPEC ACT-2: CSDC nets multilaterally, one amount per reserve account).
struct CsdcObligation {
  Channel channel = Channel::kShanghai;
  std::string reserve;
  int64_t executions = 0;
  Decimal buy_rmb = Decimal::from_units(0, 2);
  Decimal sell_rmb = Decimal::from_units(0, 2);
  Decimal net_rmb = Decimal::from_units(0, 2);
  Decimal commission_rmb = Decimal::from_units(0, 2);  // the broker's income on these executions
  std::array<Decimal, 6> fees_hkd;  // per fee code (kFeeCodes order), for the collectors
};

struct ClearingResult {
  std::vector<ExecutionResult> executions;
  std::vector<InvestorObligation> investors;  // by account, then channel
  std::vector<CsdcObligation> csdc;           // by channel, then reserve
};

struct ClearingInputs {
  const std::vector<Execution>* executions = nullptr;
  const std::map<std::string, Account>* accounts = nullptr;  // by id; every execution's account
  std::map<Channel, FxRates> fx;                             // the trade date's rates per channel
  const DayFees* fees = nullptr;
  std::function<bool(const std::string& security)> is_etf;
};

// REQUIRES: every execution's account is in `accounts` and its channel in `fx`.
ClearingResult clear_day(const ClearingInputs& inputs);

}  // namespace cp::clearing
