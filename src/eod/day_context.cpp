#include "eod/day_context.h"

#include "store/execution_store.h"

namespace cp::eod {

Result<const clearing::FxRates*> DayContext::fx_of(Channel channel) const {
  const auto found = fx.find(channel);
  if (found == fx.end()) {
    return rule_violation("cannot clear " + date.to_string() + ": missing FX rates for " +
                          std::string(channel_code(channel)) + " (import them first)");
  }
  return &found->second;
}

Result<Decimal> DayContext::close_of(const std::string& security_code,
                                     std::string_view needed_for) const {
  const auto found = closes_hkd.find(security_code);
  if (found == closes_hkd.end()) {
    return rule_violation("cannot clear " + date.to_string() + ": missing the closing price of " +
                          security_code + " (" + std::string(needed_for) + ")");
  }
  return found->second;
}

calendar::MoneyFlow DayContext::flow_of(Channel channel, std::string_view name) const {
  for (const auto& flow : schedules.at(channel).money_flows) {
    if (flow.flow == name) return flow;
  }
  CP_ASSERT(false, "money flow missing from the schedule");
}

Result<int64_t> DayContext::days_to_next_trading_day(Channel channel) const {
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* next, calendars.at(channel).nth_day_after(
                                                         date, 1, [](const calendar::DayInfo& day) {
                                                           return day.southbound_trading;
                                                         }));
  return days_between(date, next->date);
}

Result<const std::vector<Holding>*> DayContext::holdings(Channel channel) {
  auto found = holdings_.find(channel);
  if (found != holdings_.end()) return &found->second;
  std::vector<Holding> rows;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT account_id, security_code, quantity FROM opening_position WHERE channel = ? AND "
      "as_of = (SELECT MAX(as_of) FROM opening_position WHERE as_of <= ?)",
      {std::string(channel_code(channel)), date.to_string()},
      [&](const store::Row& row) -> Result<void> {
        rows.push_back({row.text(0), row.text(1), row.integer(2)});
        return Ok{};
      }));
  return &holdings_.emplace(channel, std::move(rows)).first->second;
}

Result<const std::vector<clearing::Execution>*> DayContext::executions_of(Date trade_date) {
  auto found = executions_.find(trade_date);
  if (found != executions_.end()) return &found->second;
  CP_ASSIGN_OR_RETURN(auto loaded, store::load_executions(db, trade_date));
  return &executions_.emplace(trade_date, std::move(loaded)).first->second;
}

}  // namespace cp::eod
