// The journal's settlement-day entries (CLR-3): what the trade date booked as unsettled moves to
// the investor's cash and holdings, and the reserve pays CSDC.
#include "ledger/journal.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::ledger {
namespace {

using test_values::D;

std::string text(const std::vector<Posting>& postings) {
  std::string out;
  for (const auto& p : postings) {
    out += p.entry + " " + p.account + " " + p.asset + " " + p.amount.to_string() + "\n";
  }
  return out;
}

// tests/golden/eod/christmas X1: INV001 buys 1,000 00700 on 2024-12-20 for RMB 375,307.85, of
// which 93.70 commission and 375,214.15 CSDC's.
std::vector<Posting> x1() {
  clearing::InvestorObligation investor;
  investor.account_id = "INV001";
  investor.channel = Channel::kShanghai;
  investor.reserve = MoneyKind::kClient;
  investor.net_rmb = D("375307.85");
  investor.csdc_net_rmb = D("375214.15");
  investor.commission_rmb = D("93.70");
  investor.net_shares = {{"00700", 1000}};
  std::vector<Posting> out;
  add_trade_date_entry(investor, out);
  return out;
}

TEST(Journal, TheTradeDateBooksMoneyAsUnsettled) {
  EXPECT_EQ(text(x1()),
            "TRADES:INV001:sh investor_unsettled:INV001 CNY -375307.85\n"
            "TRADES:INV001:sh csdc_settlement:sh:client CNY 375214.15\n"
            "TRADES:INV001:sh commission_income CNY 93.70\n"
            "TRADES:INV001:sh investor_securities:INV001 security:00700 1000\n"
            "TRADES:INV001:sh csdc_securities:sh security:00700 -1000\n");
  EXPECT_TRUE(check_journal(x1()).empty());
}

TEST(Journal, TheSettlementDayMovesMoneyAndSharesInTwoLegs) {
  const Date traded = *Date::parse("2024-12-20");
  std::vector<Posting> money;
  add_settlement_entry(x1(), traded, true, money);
  EXPECT_EQ(text(money),
            "SETTLE:2024-12-20:INV001:sh investor_unsettled:INV001 CNY 375307.85\n"
            "SETTLE:2024-12-20:INV001:sh investor_cash:INV001 CNY -375307.85\n");
  std::vector<Posting> shares;
  add_settlement_entry(x1(), traded, false, shares);
  EXPECT_EQ(text(shares),
            "SETTLE:2024-12-20:INV001:sh investor_securities:INV001 security:00700 -1000\n"
            "SETTLE:2024-12-20:INV001:sh investor_holdings:INV001 security:00700 1000\n"
            "SETTLE:2024-12-20:INV001:sh csdc_securities:sh security:00700 1000\n"
            "SETTLE:2024-12-20:INV001:sh custody:sh security:00700 -1000\n");
  EXPECT_TRUE(check_journal(money).empty());
  EXPECT_TRUE(check_journal(shares).empty());
  // Trade date and both legs together: the investor's unsettled money and receivable shares
  // are back to zero, its cash is down by what it paid and its holdings up by what it bought.
  std::vector<Posting> all = x1();
  all.insert(all.end(), money.begin(), money.end());
  all.insert(all.end(), shares.begin(), shares.end());
  Decimal unsettled;
  Decimal receivable;
  for (const auto& p : all) {
    if (p.account == "investor_unsettled:INV001") unsettled += p.amount;
    if (p.account == "investor_securities:INV001") receivable += p.amount;
  }
  EXPECT_TRUE(unsettled.is_zero());
  EXPECT_TRUE(receivable.is_zero());
}

TEST(Journal, TheReservePaysCsdc) {
  std::vector<Posting> out;
  add_csdc_payment("trading_money:2024-12-20", *Date::parse("2024-12-27"), Channel::kShanghai,
                   MoneyKind::kClient, D("375214.15"), out);
  EXPECT_EQ(text(out),
            "CSDC:trading_money:2024-12-20:2024-12-27:sh:client csdc_settlement:sh:client CNY "
            "-375214.15\n"
            "CSDC:trading_money:2024-12-20:2024-12-27:sh:client csdc_reserve:sh:client CNY "
            "375214.15\n");
  EXPECT_TRUE(check_journal(out).empty());
}

}  // namespace
}  // namespace cp::ledger
