#include "investors/closing.h"

namespace cp::investors {
namespace {

// "T1, T2 (and 3 more)": the first trades of a refusal.
std::string some_of(const std::vector<std::string>& ids) {
  constexpr size_t kShown = 3;
  std::string out;
  for (size_t i = 0; i < ids.size() && i < kShown; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > kShown) out += " (and " + std::to_string(ids.size() - kShown) + " more)";
  return out;
}

}  // namespace

Result<std::vector<calendar::SettlementSchedule>> unsettled_trade_dates(
    const calendar::SouthboundCalendar& southbound, const refdata::ParameterTable& parameters,
    Date today) {
  std::vector<calendar::SettlementSchedule> out;
  for (Date day = today.plus_days(-calendar::kSettlementLookBackDays); day <= today;
       day = day.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(day));
    if (!info->southbound_trading) continue;
    CP_ASSIGN_OR_RETURN(calendar::SettlementSchedule schedule,
                        calendar::settlement_schedule(southbound, parameters, day));
    bool settling = day == today || schedule.securities_settlement_date >= today;
    for (const calendar::MoneyFlow& flow : schedule.money_flows) {
      const bool trading_money =
          flow.flow == "trading_money_payable" || flow.flow == "trading_money_receivable";
      settling = settling || (trading_money && flow.date >= today);
    }
    if (settling) out.push_back(std::move(schedule));
  }
  return out;
}

TradeOnRecord on_record(const AccountTrade& trade, const calendar::SettlementSchedule& schedule) {
  const char* flow =
      trade.side == Side::kSell ? "trading_money_receivable" : "trading_money_payable";
  return {trade.trade_id,
          trade.trade_date,
          trade.side,
          schedule.securities_settlement_date,
          calendar::money_flow_date(schedule, flow),
          trade.investor_rmb};
}

ClosingCheck check_closing(const std::vector<TradeOnRecord>& trades, Date today,
                           TodaysTrades todays_trades) {
  std::vector<std::string> traded_today;
  std::vector<std::string> unsettled;
  std::vector<std::string> sale_money;
  Decimal sale_money_rmb = Decimal::from_units(0, 2);
  size_t not_cleared = 0;  // sales whose money the EOD has not worked out yet
  for (const TradeOnRecord& t : trades) {
    if (t.trade_date > today) continue;  // not yet traded: not this day's record
    if (t.trade_date == today) traded_today.push_back(t.trade_id);
    if (t.securities_settlement_date >= today) unsettled.push_back(t.trade_id);
    if (t.side == Side::kSell && t.money_settlement_date >= today) {
      sale_money.push_back(t.trade_id);
      if (t.amount_rmb) {
        sale_money_rmb += *t.amount_rmb;
      } else {
        ++not_cleared;
      }
    }
  }
  ClosingCheck out;
  if (todays_trades == TodaysTrades::kNotImported) {
    out.reasons.push_back("today's trades are not known yet: the executions of " +
                          today.to_string() + " are not imported");
  }
  if (!traded_today.empty()) {
    out.reasons.push_back("traded HK shares today, " + today.to_string() + ": " +
                          some_of(traded_today));
  }
  if (!unsettled.empty()) {
    out.reasons.push_back("HK trades not yet settled: " + some_of(unsettled));
  }
  if (!sale_money.empty()) {
    // What the EOD has cleared in RMB, and how many sales it has not run yet.
    std::string amount;
    if (not_cleared < sale_money.size()) amount = "RMB " + sale_money_rmb.to_string_grouped();
    if (not_cleared > 0) {
      amount += (amount.empty() ? "" : " and ") + std::to_string(not_cleared) +
                (not_cleared == 1 ? " sale" : " sales") + " not yet cleared";
    }
    out.reasons.push_back("HK sale money not yet settled: " + amount + " (" + some_of(sale_money) +
                          ")");
  }
  out.allowed = out.reasons.empty();
  return out;
}

}  // namespace cp::investors
