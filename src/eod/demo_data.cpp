#include "eod/demo_data.h"

#include <array>
#include <cstdio>

#include "core/split_mix64.h"

namespace cp::eod {
namespace {

// The demo's draws from SplitMix64 (core/split_mix64.h): identical across compilers.
class Random {
 public:
  explicit Random(uint64_t seed) : mix_(seed) {}
  uint64_t next() { return mix_.next(); }
  // Uniform in [0, bound). The modulo bias is irrelevant for demo data.
  uint64_t below(uint64_t bound) { return next() % bound; }
  // Skewed toward 0: the minimum of two uniform draws.
  uint64_t skewed_below(uint64_t bound) { return std::min(below(bound), below(bound)); }

 private:
  SplitMix64 mix_;
};

struct DemoSecurity {
  const char* code;
  int64_t board_lot;
  const char* base_price;  // HKD, on the tick of its band in the spread table before 2025-08-04
  const char* tick;
};

// Each is in the shipped securities master: from 2022-06-13 CSDC's margin on the demo day's
// unsettled trades tiers and prices every security traded (CLR-9, eod/csdc_margin.h). The first
// six keep the order the demo participants' CNS positions are drawn in (risk/demo_risk.h).
constexpr std::array<DemoSecurity, 9> kSecurities = {{
    {"00700", 100, "300.00", "0.20"},
    {"00941", 500, "65.00", "0.05"},
    {"02318", 500, "40.00", "0.05"},
    {"00005", 400, "60.00", "0.05"},
    {"00388", 100, "280.00", "0.20"},
    {"00857", 2000, "5.60", "0.01"},
    {"00763", 200, "15.00", "0.02"},
    {"00939", 1000, "5.00", "0.01"},
    {"02800", 500, "17.00", "0.02"},
}};

}  // namespace

DemoData generate_demo_data(Date trade_date, int account_count, int execution_count,
                            uint64_t seed) {
  Random random(seed);
  DemoData data;
  data.accounts.reserve(static_cast<size_t>(account_count));
  for (int i = 0; i < account_count; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "SB%08d", i + 1);
    const uint64_t kind = random.below(100);
    clearing::Account account;
    account.account_id = id;
    account.account_type = kind < 90   ? AccountType::kIndividual
                           : kind < 99 ? AccountType::kInstitution
                                       : AccountType::kProprietary;
    account.money_kind =
        account.account_type == AccountType::kProprietary ? MoneyKind::kOwn : MoneyKind::kClient;
    // A-share online commission rates of 0.02%-0.03%, minimum 0 or 5 HKD (SPEC CLR-5).
    account.commission_rate = *Decimal::parse(kind % 2 == 0 ? "0.0002" : "0.0003");
    account.commission_min_hkd = *Decimal::parse(kind % 3 == 0 ? "5.00" : "0.00");
    if (account.money_kind == MoneyKind::kOwn) {  // the broker does not charge itself commission
      account.commission_rate = *Decimal::parse("0");
      account.commission_min_hkd = *Decimal::parse("0.00");
    }
    data.accounts.push_back(std::move(account));
  }

  data.executions.reserve(static_cast<size_t>(execution_count));
  const std::string date_text = trade_date.to_string();
  for (int i = 0; i < execution_count; ++i) {
    const DemoSecurity& security = kSecurities[random.skewed_below(kSecurities.size())];
    clearing::Execution execution;
    char id[48];
    execution.channel = random.below(3) < 2 ? Channel::kShanghai : Channel::kShenzhen;
    std::snprintf(id, sizeof id, "%s-%s-%08d", date_text.c_str(),
                  std::string(channel_code(execution.channel)).c_str(), i + 1);
    execution.trade_id = id;
    execution.trade_date = trade_date;
    execution.account_id =
        data.accounts[random.skewed_below(static_cast<uint64_t>(account_count))].account_id;
    execution.security_code = security.code;
    execution.side = random.below(2) == 0 ? Side::kBuy : Side::kSell;
    execution.quantity = security.board_lot * static_cast<int64_t>(1 + random.skewed_below(20));
    // base ± up to 20 ticks: stays inside the base price's band for every security above.
    const int64_t ticks = static_cast<int64_t>(random.below(41)) - 20;
    execution.price_hkd = *Decimal::parse(security.base_price) +
                          *Decimal::parse(security.tick) * Decimal::from_int(ticks);
    data.executions.push_back(std::move(execution));
  }

  const Date previous = trade_date.plus_days(trade_date.weekday() == Weekday::kMonday ? -3 : -1);
  for (const auto& security : kSecurities) {
    data.prices.push_back({trade_date, security.code, *Decimal::parse(security.base_price), 0});
  }
  // RMB per HKD: reference rates ±3% around a 0.9123 mid, settlement rates near the mid.
  data.fx.push_back({trade_date, Channel::kShanghai, *Decimal::parse("0.8849"),
                     *Decimal::parse("0.9397"), *Decimal::parse("0.91264"),
                     *Decimal::parse("0.91196"), 0});
  data.fx.push_back({trade_date, Channel::kShenzhen, *Decimal::parse("0.8849"),
                     *Decimal::parse("0.9397"), *Decimal::parse("0.91267"),
                     *Decimal::parse("0.91193"), 0});
  // Cash: enough for most; one account in 50 holds only RMB 1,000 (overdrafts if it buys).
  for (size_t i = 0; i < data.accounts.size(); ++i) {
    if (data.accounts[i].money_kind != MoneyKind::kClient) continue;
    data.cash.push_back({previous, data.accounts[i].account_id, "CNY",
                         *Decimal::parse(i % 50 == 7 ? "1000.00" : "5000000.00"), 0});
  }
  for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    data.reserves.push_back(
        {previous, channel, MoneyKind::kClient, *Decimal::parse("2000000000.00"), 0});
    data.reserves.push_back(
        {previous, channel, MoneyKind::kOwn, *Decimal::parse("50000000.00"), 0});
  }
  Decimal client_bank_rmb;
  for (const auto& row : data.cash) client_bank_rmb += row.amount;
  for (const auto& row : data.reserves) {
    if (row.reserve == MoneyKind::kClient) client_bank_rmb -= row.balance_rmb;
  }
  data.bank.push_back({previous, MoneyKind::kClient, client_bank_rmb, 0});
  data.bank.push_back({previous, MoneyKind::kOwn, *Decimal::parse("100000000.00"), 0});
  return data;
}

}  // namespace cp::eod
