#include "calendar/transfer_days.h"

#include <algorithm>
#include <optional>
#include <set>

namespace cp::calendar {
namespace {

// The channel's next Southbound trading day after `date`, if the calendar data reaches it.
Result<std::optional<Date>> next_trading_day(const SouthboundCalendar& calendar, Date date) {
  for (Date day = date.plus_days(1); day <= calendar.covered_to(); day = day.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const DayInfo* info, calendar.day(day));
    if (info->undecided) break;
    if (info->southbound_trading) return std::optional<Date>(day);
  }
  return std::optional<Date>();
}

}  // namespace

Date first_money_day(const SettlementSchedule& schedule) {
  Date first = schedule.money_flows.empty() ? schedule.securities_settlement_date
                                            : schedule.money_flows.front().date;
  for (const auto& flow : schedule.money_flows) first = std::min(first, flow.date);
  return first;
}

Result<std::vector<TransferDay>> transfer_days(const SouthboundCalendar& calendar,
                                               const refdata::ParameterTable& parameters,
                                               Date trading_day) {
  CP_ASSIGN_OR_RETURN(const SettlementSchedule today,
                      settlement_schedule(calendar, parameters, trading_day));
  const Date first = first_money_day(today);
  // The window ends where the next run's window starts; without a next trading day in the
  // data, this run instructs its first money day only.
  Date end = first.plus_days(1);
  CP_ASSIGN_OR_RETURN(std::optional<Date> next, next_trading_day(calendar, trading_day));
  if (next) {
    auto next_schedule = settlement_schedule(calendar, parameters, *next);
    if (next_schedule.ok()) end = first_money_day(*next_schedule);
  }
  if (end <= first) return std::vector<TransferDay>();

  // Every trading day up to this one that moves trading money inside the window.
  std::vector<TradeDateMoney> moving;
  std::set<Date> days = {first};
  const Date from =
      std::max(calendar.covered_from(), trading_day.plus_days(-kSettlementLookBackDays));
  for (Date traded = from; traded <= trading_day; traded = traded.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const DayInfo* info, calendar.day(traded));
    if (!info->southbound_trading) continue;
    CP_ASSIGN_OR_RETURN(const SettlementSchedule schedule,
                        settlement_schedule(calendar, parameters, traded));
    const TradeDateMoney money{traded, money_flow_date(schedule, "trading_money_payable"),
                               money_flow_date(schedule, "trading_money_receivable")};
    bool inside = false;
    for (const Date day : {money.payable_on, money.receivable_on}) {
      if (day >= first && day < end) {
        days.insert(day);
        inside = true;
      }
    }
    if (inside) moving.push_back(money);
    // Flows other than trading money (risk funds, portfolio fee) also make a money day.
    for (const auto& flow : schedule.money_flows) {
      if (flow.date >= first && flow.date < end) days.insert(flow.date);
    }
  }
  std::vector<TransferDay> out;
  for (const Date day : days) {
    TransferDay transfer{day, {}};
    for (const auto& money : moving) {
      if (money.payable_on == day || money.receivable_on == day) {
        transfer.trade_dates.push_back(money);
      }
    }
    out.push_back(std::move(transfer));
  }
  return out;
}

}  // namespace cp::calendar
