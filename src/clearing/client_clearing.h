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
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "clearing/account_book.h"
#include "clearing/execution.h"
#include "clearing/execution_table.h"
#include "clearing/fees.h"
#include "clearing/input_files.h"

namespace cp::clearing {

struct ExecutionResult {
  ExecutionRef execution;
  MoneyKind reserve = MoneyKind::kClient;  // the account's money kind
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

// One investor's money and shares on one channel for the day; positive net = the investor pays.
// It carries everything the day's journal entry of the investor needs (ledger/journal.h), so the
// journal is built from the investors, never from the (possibly millions of) executions.
struct InvestorObligation {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  int64_t executions = 0;
  Decimal buy_rmb = Decimal::from_units(0, 2);         // Σ investor_rmb of buys
  Decimal sell_rmb = Decimal::from_units(0, 2);        // Σ investor_rmb of sells
  Decimal net_rmb = Decimal::from_units(0, 2);         // buy − sell
  Decimal csdc_net_rmb = Decimal::from_units(0, 2);    // Σ csdc_rmb of buys − of sells
  Decimal commission_rmb = Decimal::from_units(0, 2);  // Σ commission_rmb
  // Shares to receive (+) or deliver (−) at T+2 per security (STL-5), by code; a security
  // bought and sold in equal numbers stays with 0.
  std::vector<std::pair<std::string, int64_t>> net_shares;
};

// The broker toward CSDC on one channel and reserve account; positive net = the broker pays
// (SPEC ACT-2: CSDC nets multilaterally, one amount per reserve account).
struct CsdcObligation {
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
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
  const ExecutionTable* executions = nullptr;
  const AccountBook* accounts = nullptr;  // every execution's account
  // The same accounts by their numbers in `executions` (AccountBook::accounts_of), when the
  // caller has them: then the clearing looks nothing up.
  const std::vector<const Account*>* accounts_by_number = nullptr;
  std::map<Channel, FxRates> fx;  // the trade date's rates per channel
  const DayFees* fees = nullptr;
  std::function<bool(std::string_view security)> is_etf;
};

// Clears a day's executions one at a time, in input order, adding each to its investor's and
// CSDC's sums: the caller writes each result as it comes (a day of 10 million executions is
// never held as results), then takes the sums.
// REQUIRES: every execution's account is in `accounts` and its channel in `fx`; the inputs
// outlive the clearer.
class DayClearer {
 public:
  explicit DayClearer(const ClearingInputs& inputs);
  // The next execution's result, valid until the next call; nullptr after the last.
  const ExecutionResult* next();
  // The investors (by account, then channel) and CSDC's nets (by channel, then reserve),
  // asserting that they reconcile. REQUIRES: next() has returned nullptr.
  ClearingResult finish();

 private:
  // The investor (account and channel) of `e`, added on its first execution.
  InvestorObligation& investor_of(const ExecutionRef& e, MoneyKind reserve);
  // `investor`'s net shares entry of e's security, added at 0 on its first execution.
  // REQUIRES: `investor` is the one investor_of returned last.
  std::pair<std::string, int64_t>& net_shares_of(InvestorObligation& investor,
                                                 const ExecutionRef& e);

  const ClearingInputs& inputs_;
  size_t next_ = 0;
  bool done_ = false;
  ExecutionResult current_;
  // The previous execution's account (its number in the table) and investor: executions come
  // grouped by channel and account (the stored order), so most look-ups are the one just made.
  const Account* last_account_ = nullptr;
  uint32_t last_account_number_ = 0;
  // Whether each security of the table (by its number) is an ETF: asked of is_etf once each
  // (-1: not yet asked).
  std::vector<int8_t> etf_by_number_;
  // Each channel's rates, found in inputs_.fx on the channel's first execution.
  std::array<const FxRates*, 2> fx_by_channel_{};
  // Where the current investor's net shares entry of each security is (by the security's
  // number; 1 + its index, 0: none yet), and which are set. A busy account trades hundreds of
  // securities in a day: a search of its list by code per execution grew with the square of it
  // (an eighth of the 10M run's clearing in comparisons of codes).
  std::vector<uint32_t> share_slot_;
  std::vector<uint32_t> shares_touched_;
  size_t shares_owner_ = SIZE_MAX;  // the investor (its slot in investors_) they describe
  bool shares_by_slot_ = true;
  size_t last_investor_ = SIZE_MAX;
  uint64_t last_investor_key_ = 0;
  std::vector<InvestorObligation> investors_;
  // Investors by investor_key (account number and channel), built only when executions come
  // out of the stored order.
  absl::flat_hash_map<uint64_t, size_t> investor_index_;
  std::vector<uint64_t> index_keys_;  // each investor's key, in investors_' order
  // Per channel and reserve (both enums of two values); `used` marks the ones traded.
  std::array<std::array<CsdcObligation, 2>, 2> csdc_;
  std::array<std::array<bool, 2>, 2> csdc_used_{};
};

// The whole day at once, every execution's result kept (tests, the property test, small days).
ClearingResult clear_day(const ClearingInputs& inputs);

}  // namespace cp::clearing
