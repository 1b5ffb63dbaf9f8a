// Conservation over random days (rapidcheck): whatever the executions, accounts, rates and fee
// regime, money in equals money out per currency and reserve account, CSDC nets equal the sum
// of the investors' obligations less the broker's commission, and the journal balances.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "clearing/client_clearing.h"
#include "ledger/journal.h"
#include "refdata/refdata.h"

namespace cp::clearing {
namespace {

const refdata::RefData& shipped() {
  static const refdata::RefData data =
      *refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  return data;
}

Decimal cents(int64_t value) {
  return Decimal::from_units(value, 2);
}

RC_GTEST_PROP(ClearingProperty, MoneyIsConservedAndTheJournalBalances, ()) {
  // A random date in the fee data's range, so every regime is drawn.
  const Date date = Date::from_days_since_epoch(
      *rc::gen::inRange<int64_t>(Date::parse("2014-11-17")->days_since_epoch(),
                                 Date::parse("2026-12-31")->days_since_epoch()));
  AccountBook accounts;
  const int account_count = *rc::gen::inRange(1, 6);
  for (int i = 0; i < account_count; ++i) {
    const bool own = i == 0 && *rc::gen::arbitrary<bool>();
    const std::string id = "A" + std::to_string(i);
    accounts.add(Account{id, own ? AccountType::kProprietary : AccountType::kIndividual,
                         own ? MoneyKind::kOwn : MoneyKind::kClient,
                         Decimal::from_units(*rc::gen::inRange(0, 31), 5),  // 0 to 0.03%
                         cents(*rc::gen::inRange(0, 1001))});               // 0 to 10.00
  }
  std::vector<Execution> executions;
  const int count = *rc::gen::inRange(1, 40);
  for (int i = 0; i < count; ++i) {
    Execution e;
    e.trade_id = "T" + std::to_string(i);
    e.trade_date = date;
    e.channel = *rc::gen::arbitrary<bool>() ? Channel::kShanghai : Channel::kShenzhen;
    e.account_id = "A" + std::to_string(*rc::gen::inRange(0, account_count));
    e.security_code = *rc::gen::element<std::string>("00700", "02800", "00941");
    e.side = *rc::gen::arbitrary<bool>() ? Side::kBuy : Side::kSell;
    e.quantity = 100 * *rc::gen::inRange<int64_t>(1, 3001);
    e.price_hkd = Decimal::from_units(*rc::gen::inRange<int64_t>(10, 9'995'000), 3);
    executions.push_back(e);
  }
  const ExecutionTable table(executions);
  ClearingInputs inputs;
  inputs.executions = &table;
  inputs.accounts = &accounts;
  for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    // RMB per HKD between 0.80000 and 0.99999.
    const Decimal buy = Decimal::from_units(*rc::gen::inRange(80'000, 100'000), 5);
    const Decimal sell = Decimal::from_units(*rc::gen::inRange(80'000, 100'000), 5);
    inputs.fx[channel] = FxRates{date, channel, buy, sell, buy, sell, 0};
  }
  const DayFees fees = DayFees::for_date(shipped().fees, date);
  inputs.fees = &fees;
  inputs.is_etf = [](std::string_view code) { return code == "02800"; };

  const ClearingResult result = clear_day(inputs);  // asserts the reconciliation itself
  RC_ASSERT(result.executions.size() == executions.size());
  // One investor per account and channel, with all of its executions, whatever the input order
  // (the clearer indexes investors only once executions leave the stored order).
  std::map<std::pair<std::string, Channel>, int64_t> expected;
  for (const auto& e : executions) ++expected[{e.account_id, e.channel}];
  std::map<std::pair<std::string, Channel>, int64_t> cleared;
  for (const auto& i : result.investors) {
    RC_ASSERT(cleared.emplace(std::make_pair(i.account_id, i.channel), i.executions).second);
  }
  RC_ASSERT(cleared == expected);
  // Each investor's net shares per security (STL-5): bought − sold, summed here directly.
  std::map<std::tuple<std::string, Channel, std::string>, int64_t> expected_shares;
  for (const auto& e : executions) {
    expected_shares[{e.account_id, e.channel, e.security_code}] +=
        e.side == Side::kBuy ? e.quantity : -e.quantity;
  }
  std::map<std::tuple<std::string, Channel, std::string>, int64_t> cleared_shares;
  for (const auto& i : result.investors) {
    for (const auto& [code, shares] : i.net_shares) {
      RC_ASSERT(
          cleared_shares.emplace(std::make_tuple(i.account_id, i.channel, code), shares).second);
    }
  }
  RC_ASSERT(cleared_shares == expected_shares);
  // Σ investors (net) = Σ CSDC (net) + Σ commission, per channel and reserve, and in total.
  Decimal investors;
  Decimal csdc_plus_commission;
  for (const auto& i : result.investors) investors += i.net_rmb;
  for (const auto& c : result.csdc) csdc_plus_commission += c.net_rmb + c.commission_rmb;
  RC_ASSERT(investors == csdc_plus_commission);
  // Commission is never negative, and fees never exceed a buy's investor amount.
  for (const auto& r : result.executions) {
    RC_ASSERT(r.commission_rmb.sign() >= 0 || r.commission_hkd.is_zero());
    RC_ASSERT(r.fees.total_hkd.sign() >= 0);
  }
  RC_ASSERT(ledger::check_journal(ledger::trade_date_postings(result)).empty());
  // The investors come by account, then channel, from any order, and the same from the stored
  // order (channel, account, trade id), where the clearer merges its two channels' runs instead
  // of sorting.
  auto before = [](const InvestorObligation& a, const InvestorObligation& b) {
    return std::tie(a.account_id, a.channel) < std::tie(b.account_id, b.channel);
  };
  RC_ASSERT(std::is_sorted(result.investors.begin(), result.investors.end(), before));
  std::vector<Execution> stored = executions;
  std::sort(stored.begin(), stored.end(), [](const Execution& a, const Execution& b) {
    return std::tie(a.channel, a.account_id, a.trade_id) <
           std::tie(b.channel, b.account_id, b.trade_id);
  });
  const ExecutionTable stored_table(stored);
  ClearingInputs stored_inputs = inputs;
  stored_inputs.executions = &stored_table;
  const ClearingResult in_stored_order = clear_day(stored_inputs);
  RC_ASSERT(in_stored_order.investors.size() == result.investors.size());
  for (size_t i = 0; i < result.investors.size(); ++i) {
    const InvestorObligation& a = result.investors[i];
    const InvestorObligation& b = in_stored_order.investors[i];
    RC_ASSERT(a.account_id == b.account_id && a.channel == b.channel &&
              a.executions == b.executions && a.net_rmb == b.net_rmb &&
              a.net_shares == b.net_shares);
  }
}

}  // namespace
}  // namespace cp::clearing
