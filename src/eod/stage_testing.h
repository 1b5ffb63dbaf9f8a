// For the stage tests: the shipped reference data and market calendars loaded once, a DayInputs
// for a date built around them, and earlier runs kept in memory (eod/earlier_runs.h) so that a
// test states exactly what the run of D finds from before it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/test_values.h"
#include "corpactions/securities_movement.h"
#include "eod/day_context.h"
#include "eod/day_pipeline.h"
#include "eod/eod_results.h"

namespace cp::eod::test_support {

using test_values::D;
using test_values::d;

// Only what a test puts in is there; any other question finds nothing.
class MemoryRuns final : public EarlierRuns {
 public:
  std::map<Date, std::vector<clearing::Execution>> executions;
  std::map<std::pair<Channel, Date>, PositionStatement> statements;  // by channel, as_of
  std::map<std::pair<Date, Channel>, store::StoredNets> nets;
  std::map<std::pair<Channel, Date>, std::map<MoneyKind, Decimal>> risk_previous;  // by S
  std::map<std::pair<Channel, Date>, std::map<MoneyKind, Decimal>> fees_collected_on_day;
  std::map<std::pair<Channel, Date>, CaMoneyDue> ca_money_on_day;
  std::map<Channel, std::vector<StoredCaCredit>> ca_credits;  // by payable date
  std::map<std::pair<Channel, Date>, std::vector<clearing::HoldingMovement>> movements;
  std::map<Channel, std::vector<StoredNonTradeFee>> non_trade_fees;  // by settlement date
  std::vector<corpactions::CorporateAction> actions;                 // by distribution date
  std::map<std::string, std::vector<corpactions::ElectionInstruction>> instructions;  // by event
  std::vector<store::PendingSettlement> pending;
  std::vector<store::PendingFeeCollection> pending_fees;
  std::map<std::pair<Date, Channel>, std::vector<std::vector<ledger::Posting>>> entries;
  std::map<std::pair<Date, Channel>, std::vector<store::StoredCsdcNet>> nets_with_dates;
  std::map<std::pair<Date, Channel>, std::vector<store::StoredFees>> fees_of;
  std::map<std::pair<Date, Channel>, std::vector<store::SettlementDelay>> investors;
  std::map<std::string, std::vector<clearing::InvestorTradeMoney>> trade_money;  // by account
  std::map<std::string, std::vector<store::CollectedFee>> collected;             // by account
  std::map<std::string, std::map<Date, Decimal>> closes;  // the stored price history

  // As the store hands them: a table, made from `executions` on the first question.
  Result<const clearing::ExecutionTable*> executions_of(Date trade_date) override {
    auto [table, made] = tables_.try_emplace(trade_date);
    if (made) table->second = clearing::ExecutionTable(executions[trade_date]);
    return &table->second;
  }
  Result<std::vector<Date>> trade_dates(Channel channel, Date after, Date through) override {
    std::vector<Date> out;
    for (const auto& [date, list] : executions) {
      if (date <= after || date > through) continue;
      for (const auto& e : list) {
        if (e.channel == channel) {
          out.push_back(date);
          break;
        }
      }
    }
    return out;
  }
  Result<const PositionStatement*> statement_on_or_before(Channel channel, Date as_of) override {
    const PositionStatement* latest = nullptr;
    for (const auto& [key, statement] : statements) {
      if (key.first == channel && key.second <= as_of) latest = &statement;
    }
    return latest;
  }
  Result<store::StoredNets> csdc_nets_of(Date trade_date, Channel channel) override {
    const auto found = nets.find({trade_date, channel});
    return found == nets.end() ? store::StoredNets{} : found->second;
  }
  Result<std::vector<store::StoredCsdcNet>> csdc_nets_with_dates(Date trade_date,
                                                                 Channel channel) override {
    return nets_with_dates[{trade_date, channel}];
  }
  Result<std::vector<std::vector<ledger::Posting>>> trades_entries_of(Date trade_date,
                                                                      Channel channel) override {
    return entries[{trade_date, channel}];
  }
  Result<std::vector<store::StoredFees>> portfolio_fees_of(Date business_date,
                                                           Channel channel) override {
    return fees_of[{business_date, channel}];
  }
  Result<std::map<MoneyKind, Decimal>> portfolio_fees_collected_on(Channel channel,
                                                                   Date collection) override {
    return fees_collected_on_day[{channel, collection}];
  }
  Result<CaMoneyDue> ca_money_settling_on(Channel channel, Date settlement_date) override {
    return ca_money_on_day[{channel, settlement_date}];
  }
  Result<std::vector<clearing::HoldingMovement>> holding_movements(Channel channel, Date after,
                                                                   Date through) override {
    std::vector<clearing::HoldingMovement> out;
    for (const auto& [key, moved] : movements) {
      if (key.first == channel && key.second > after && key.second <= through) {
        out.insert(out.end(), moved.begin(), moved.end());
      }
    }
    return out;
  }
  Result<std::vector<corpactions::ElectionInstruction>> election_instructions(
      const std::string& event_id) override {
    return instructions[event_id];
  }
  Result<std::vector<corpactions::CorporateAction>> securities_actions(Date after,
                                                                       Date through) override {
    std::vector<corpactions::CorporateAction> out;
    for (const auto& a : actions) {
      if (!corpactions::securities_steps_in(a, after, through).empty()) out.push_back(a);
    }
    return out;
  }
  Result<std::vector<StoredNonTradeFee>> non_trade_fees_settling_in(Channel channel, Date after,
                                                                    Date through) override {
    std::vector<StoredNonTradeFee> out;
    for (const auto& f : non_trade_fees[channel]) {
      if (f.settlement_date > after && f.settlement_date <= through) out.push_back(f);
    }
    return out;
  }
  Result<std::vector<StoredCaCredit>> ca_credits_payable_in(Channel channel, Date after,
                                                            Date through) override {
    std::vector<StoredCaCredit> out;
    for (const auto& c : ca_credits[channel]) {
      if (c.payable_date > after && c.payable_date <= through) out.push_back(c);
    }
    return out;
  }
  Result<std::map<MoneyKind, Decimal>> risk_funds_at_previous_settlement(
      Channel channel, Date settlement_date) override {
    return risk_previous[{channel, settlement_date}];
  }
  Result<std::vector<store::PendingFeeCollection>> pending_fee_collections(Date after) override {
    std::vector<store::PendingFeeCollection> out;
    for (const auto& f : pending_fees) {
      if (f.collection_date > after) out.push_back(f);
    }
    return out;
  }
  Result<std::vector<store::PendingSettlement>> pending_settlements(Date after) override {
    std::vector<store::PendingSettlement> out;
    for (const auto& p : pending) {
      if (p.planned_date > after || p.settlement_date > after) out.push_back(p);
    }
    return out;
  }
  Result<std::vector<store::SettlementDelay>> investors_of(Date trade_date,
                                                           Channel channel) override {
    return investors[{trade_date, channel}];
  }
  Result<std::map<std::string, std::vector<clearing::InvestorTradeMoney>>> stored_trade_money(
      Date settling_after) override {
    std::map<std::string, std::vector<clearing::InvestorTradeMoney>> out;
    for (const auto& [account, days] : trade_money) {
      for (const auto& money : days) {
        if (money.settlement_date > settling_after) out[account].push_back(money);
      }
    }
    return out;
  }
  Result<void> read_closes(const std::set<std::string>& securities, Date from, Date to,
                           risk::PriceHistory& into) override {
    for (const std::string& security : securities) {
      for (const auto& [date, close] : closes[security]) {
        if (from <= date && date <= to) into.add(security, date, close);
      }
    }
    return {};
  }
  Result<std::map<std::string, std::vector<store::CollectedFee>>> fees_collected(
      Date after, Date through) override {
    std::map<std::string, std::vector<store::CollectedFee>> out;
    for (const auto& [account, fees] : collected) {
      for (const auto& fee : fees) {
        if (fee.collection_date > after && fee.collection_date <= through) {
          out[account].push_back(fee);
        }
      }
    }
    return out;
  }

 private:
  std::map<Date, clearing::ExecutionTable> tables_;
};

// The shipped data/ (parameters, fees, securities, portfolio-fee tiers, market calendars).
struct Shipped {
  refdata::RefData refdata;
  refdata::MarketCalendarData markets;
  std::vector<clearing::PortfolioFeeTier> tiers;
};

inline const Shipped& shipped() {
  static const std::unique_ptr<Shipped> loaded = [] {
    const std::filesystem::path data = std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data";
    auto out = std::make_unique<Shipped>();
    auto refdata = refdata::load_refdata(data);
    EXPECT_TRUE(refdata.ok()) << refdata.error().to_string();
    if (refdata.ok()) out->refdata = std::move(refdata).value();
    auto markets = refdata::load_market_calendars(data);
    EXPECT_TRUE(markets.ok()) << markets.error().to_string();
    if (markets.ok()) out->markets = std::move(markets).value();
    auto tiers = clearing::load_portfolio_fee_tiers(data / "portfolio_fee_tiers.csv",
                                                    "portfolio_fee_tiers.csv", d("2024-03-15"));
    EXPECT_TRUE(tiers.ok()) << tiers.error().to_string();
    if (tiers.ok()) out->tiers = std::move(tiers).value();
    return out;
  }();
  return *loaded;
}

inline clearing::Execution execution(const std::string& id, const char* traded,
                                     const std::string& account, const std::string& security,
                                     Side side, int64_t quantity, const char* price) {
  return {id, d(traded), Channel::kShanghai, account, security, side, quantity, D(price)};
}

inline clearing::FxRates rates(const char* date, const char* settlement_buy) {
  return {d(date),
          Channel::kShanghai,
          D(settlement_buy),
          D(settlement_buy),
          D(settlement_buy),
          D(settlement_buy),
          0};
}

// A DayInputs for `date` over the shipped data, with a client account A, an own account P.
class StageTest : public ::testing::Test {
 protected:
  void start(const char* date) {
    accounts.add({"A", AccountType::kIndividual, MoneyKind::kClient, D("0.0003"), D("0")});
    accounts.add({"P", AccountType::kProprietary, MoneyKind::kOwn, D("0"), D("0")});
    inputs.date = d(date);
    inputs.rules_date = d(date);
    inputs.refdata = &shipped().refdata;
    inputs.accounts = &accounts;
    inputs.portfolio_fee_tiers = shipped().tiers;
  }
  // Builds the calendars and schedules; then the context the stages take.
  DayContext& prepare() {
    auto prepared = prepare_day(inputs, shipped().markets);
    EXPECT_TRUE(prepared.ok()) << prepared.error().to_string();
    context = std::make_unique<DayContext>(inputs, earlier);
    return *context;
  }

  clearing::AccountBook accounts;
  DayInputs inputs;
  MemoryRuns earlier;
  std::unique_ptr<DayContext> context;
};

}  // namespace cp::eod::test_support
