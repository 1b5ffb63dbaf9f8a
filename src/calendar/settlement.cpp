#include "calendar/settlement.h"

#include "core/assert.h"

namespace cp::calendar {
namespace {
const TimeOfDay kTenThirty = *TimeOfDay::from_hms(10, 30, 0);
}  // namespace

Date money_flow_date(const SettlementSchedule& schedule, std::string_view flow) {
  for (const auto& f : schedule.money_flows) {
    if (f.flow == flow) return f.date;
  }
  CP_ASSERT(false, "money flow missing from the schedule");
}

const std::vector<std::string>& money_flow_names() {
  static const std::vector<std::string> kNames = {"trading_money_payable",
                                                  "trading_money_receivable",
                                                  "risk_funds",
                                                  "corporate_action_funds",
                                                  "other_funds",
                                                  "portfolio_fee"};
  return kNames;
}

Result<SettlementSchedule> settlement_schedule(const SouthboundCalendar& calendar,
                                               const refdata::ParameterTable& parameters,
                                               Date trade_date) {
  CP_ASSIGN_OR_RETURN(const DayInfo* trade_day, calendar.day(trade_date));
  if (!trade_day->southbound_trading) {
    return rule_violation(trade_date.to_string() + " is not a Southbound trading day on the " +
                              std::string(channel_code(calendar.channel())) +
                              " channel: " + trade_day->reason_text(),
                          "trade_date");
  }
  SettlementSchedule schedule;
  schedule.trade_date = trade_date;
  schedule.channel = calendar.channel();

  auto settles = [](const DayInfo& day) { return day.hk_settlement_day; };
  CP_ASSIGN_OR_RETURN(const DayInfo* securities, calendar.nth_day_after(trade_date, 2, settles));
  schedule.securities_settlement_date = securities->date;
  schedule.buyer_entitled_from = securities->date;
  schedule.seller_entitled_through = securities->date.plus_days(-1);

  const std::string channel = std::string(channel_code(calendar.channel()));
  CP_ASSIGN_OR_RETURN(
      bool half_day_risk_funds,
      parameters.boolean("calendar.half_day_risk_funds_settle." + channel, trade_date));
  for (const std::string& name : money_flow_names()) {
    MoneyFlow flow;
    flow.flow = name;
    CP_ASSIGN_OR_RETURN(flow.day_offset,
                        parameters.integer("stl." + name + ".day_offset", trade_date));
    CP_ASSIGN_OR_RETURN(flow.cutoff_hkt, parameters.time("stl." + name + ".cutoff", trade_date));
    const bool risk_funds_on_half_day = name == "risk_funds" && half_day_risk_funds;
    auto counts = [&](const DayInfo& day) {
      return day.hk_settlement_day ||
             (risk_funds_on_half_day && day.half_day &&
              day.weather.settlement != WeatherSettlement::kNonSettlementDay);
    };
    CP_ASSIGN_OR_RETURN(
        const DayInfo* hk_day,
        calendar.nth_day_after(trade_date, static_cast<int>(flow.day_offset), counts));
    flow.hk_date = hk_day->date;
    if (risk_funds_on_half_day && hk_day->half_day) {
      flow.note = "risk funds settle on the half day (CAL-7, Shenzhen)";
    }
    // CAL-6b: the day's money rolls, unless this is a 10:30 flow and the signal came later.
    if (hk_day->weather.settlement == WeatherSettlement::kMoneyRolls &&
        !(flow.cutoff_hkt <= kTenThirty && hk_day->weather.money_1030_settles)) {
      CP_ASSIGN_OR_RETURN(hk_day, calendar.nth_day_after(hk_day->date, 1, counts));
      flow.note = "money rolled from " + flow.hk_date.to_string() + " by weather (CAL-6b)";
    }
    // Both sides must be open for the money to move between CSDC and the broker.
    const DayInfo* money_day = hk_day;
    if (!hk_day->mainland_trading) {
      CP_ASSIGN_OR_RETURN(money_day, calendar.southbound_settlement_day_on_or_after(hk_day->date));
      flow.note += (flow.note.empty() ? "" : "; ") + std::string("moved from ") +
                   hk_day->date.to_string() + ", a mainland holiday";
    }
    flow.date = money_day->date;
    schedule.money_flows.push_back(std::move(flow));
  }
  return schedule;
}

}  // namespace cp::calendar
