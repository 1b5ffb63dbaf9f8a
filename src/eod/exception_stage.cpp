#include "eod/exception_stage.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "clearing/exceptions.h"

namespace cp::eod {
namespace {

const Decimal kZero = Decimal::from_units(0, 2);

// The broker advances an overdraft found at T's close on T+1, the next trading day (seed 002
// 附件4 第36条), and charges penalty interest from that day; this run charges the days from the
// advance to the next trading day after it (a later run charges on if the investor has not paid).
struct Advance {
  Date date;
  int64_t days = 0;
};

Result<Advance> advance_of(DayContext& day) {
  const auto& southbound = day.calendars.begin()->second;  // see find_exceptions
  auto trading = [](const calendar::DayInfo& info) { return info.southbound_trading; };
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* advance,
                      southbound.nth_day_after(day.date, 1, trading));
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* after,
                      southbound.nth_day_after(advance->date, 1, trading));
  return Advance{advance->date, days_between(advance->date, after->date)};
}

Result<void> add_overdrafts(DayContext& day, const clearing::ClearingResult& result,
                            const std::vector<InvestorPortfolioFee>& fees,
                            std::vector<MoneyException>& out) {
  CP_ASSIGN_OR_RETURN(const Advance advance, advance_of(day));
  CP_ASSIGN_OR_RETURN(Decimal overdraft_rate,
                      day.parameters.ratio("clr.overdraft_penalty_rate_daily", day.rules_date));
  // Each client account's trading money and portfolio fee, keyed on views of the investors' and
  // fees' own ids (they outlive this function).
  struct Charged {
    Decimal trading_rmb = kZero;
    Decimal fee_rmb = kZero;
    std::optional<Decimal> cash_rmb;
  };
  absl::flat_hash_map<std::string_view, Charged> charged;
  charged.reserve(result.investors.size());
  for (const auto& investor : result.investors) {
    if (investor.reserve == MoneyKind::kClient)
      charged[investor.account_id].trading_rmb += investor.net_rmb;
  }
  for (const auto& fee : fees) {
    if (fee.reserve == MoneyKind::kClient) charged[fee.account_id].fee_rmb += fee.charge.fee_rmb;
  }
  // Every charged account's latest RMB cash statement on or before T.
  for (auto& [account_id, amounts] : charged) {
    const auto statement = day.in.cash_statements.find(account_id);
    if (statement != day.in.cash_statements.end()) amounts.cash_rmb = statement->second.amount_rmb;
  }
  std::vector<std::string_view> charged_ids;
  charged_ids.reserve(charged.size());
  for (const auto& [id, amounts] : charged) charged_ids.push_back(id);
  std::sort(charged_ids.begin(), charged_ids.end());  // by account, whatever the hash
  for (std::string_view account_id : charged_ids) {
    const Charged& amounts = charged.at(account_id);
    if (!amounts.cash_rmb) {
      return refusal(kInputsMissing, "cannot clear " + day.date.to_string() +
                                         ": missing the RMB cash of " + std::string(account_id) +
                                         " (import cash)");
    }
    if (auto short_of = clearing::overdraft(*amounts.cash_rmb, amounts.trading_rmb, amounts.fee_rmb,
                                            overdraft_rate, advance.days)) {
      out.push_back(
          {"overdraft", std::string(account_id), short_of->overdraft_rmb, short_of->projected_rmb,
           kZero, short_of->interest_rmb,
           "advance RMB " + short_of->overdraft_rmb.to_string_grouped() + " from own funds on " +
               advance.date.to_string() + " (T+1) and notify the investor; penalty interest RMB " +
               short_of->interest_rmb.to_string_grouped() + " for " + std::to_string(advance.days) +
               " day(s) from " + advance.date.to_string() + " (CLR-12, 第36条)"});
    }
  }
  return Ok{};
}

Result<void> add_defaults(DayContext& day, int64_t accrual_days, std::vector<MoneyException>& out) {
  const auto& parameters = day.parameters;
  CP_ASSIGN_OR_RETURN(Decimal penalty_rate,
                      parameters.ratio("clr.default_penalty_rate_daily", day.rules_date));
  CP_ASSIGN_OR_RETURN(Decimal reserve_rate,
                      parameters.ratio("clr.reserve_interest_rate_annual", day.rules_date));
  CP_ASSIGN_OR_RETURN(int64_t reserve_day_count,
                      parameters.integer("clr.reserve_interest_day_count", day.rules_date));
  for (const auto& check : day.in.reserve_checks) {
    const std::string subject =
        std::string(channel_code(check.channel)) + ":" + money_kind_text(check.reserve);
    if (auto missed =
            clearing::settlement_default(check.after_1030_rmb, check.after_1800_rmb, penalty_rate,
                                         reserve_rate, accrual_days, reserve_day_count)) {
      out.push_back({"default", subject, std::max(missed->intraday_rmb, missed->end_of_day_rmb),
                     missed->end_of_day_rmb, missed->penalty_rmb, missed->interest_rmb,
                     "settlement default: intraday RMB " +
                         missed->intraday_rmb.to_string_grouped() + ", end of day RMB " +
                         missed->end_of_day_rmb.to_string_grouped() + "; penalty RMB " +
                         missed->penalty_rmb.to_string_grouped() + ", interest RMB " +
                         missed->interest_rmb.to_string_grouped() + " (CLR-16)"});
    }
  }
  return Ok{};
}

}  // namespace

Result<std::vector<MoneyException>> find_exceptions(DayContext& day,
                                                    const clearing::ClearingResult& result,
                                                    const std::vector<InvestorPortfolioFee>& fees) {
  // The first trading channel's calendar counts the days (both channels trade on almost every
  // day; where they differ, Shanghai's).
  CP_ASSIGN_OR_RETURN(int64_t accrual_days,
                      day.days_to_next_trading_day(day.calendars.begin()->first));
  std::vector<MoneyException> out;
  CP_RETURN_IF_ERROR(add_overdrafts(day, result, fees, out));
  CP_RETURN_IF_ERROR(add_defaults(day, accrual_days, out));
  return out;
}

}  // namespace cp::eod
