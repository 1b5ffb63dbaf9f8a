#include "eod/exception_stage.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "clearing/exceptions.h"
#include "eod/portfolio_fee_stage.h"

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
  // Each client account's trading money and portfolio fee, in account order. The investors
  // come by account (then channel); the fees are put in that order too; the two are merged, so
  // no map of the day's millions of accounts is built.
  const std::vector<const InvestorPortfolioFee*> client_fees = client_fees_by_account(fees);
  const auto& investors = result.investors;
  size_t next_investor = 0;
  size_t next_fee = 0;
  auto skip_own = [&] {
    while (next_investor < investors.size() &&
           investors[next_investor].reserve != MoneyKind::kClient) {
      ++next_investor;
    }
  };
  skip_own();
  while (next_investor < investors.size() || next_fee < client_fees.size()) {
    // The smallest account id left on either side.
    std::string_view account_id;
    if (next_investor < investors.size()) account_id = investors[next_investor].account_id;
    if (next_fee < client_fees.size() &&
        (account_id.empty() || client_fees[next_fee]->account_id < account_id)) {
      account_id = client_fees[next_fee]->account_id;
    }
    Decimal trading_rmb = kZero;
    Decimal fee_rmb = kZero;
    while (next_investor < investors.size() && investors[next_investor].account_id == account_id) {
      trading_rmb += investors[next_investor++].net_rmb;
      skip_own();
    }
    while (next_fee < client_fees.size() && client_fees[next_fee]->account_id == account_id) {
      fee_rmb += client_fees[next_fee++]->charge.fee_rmb;
    }
    // The account's latest RMB cash statement on or before T.
    const auto statement = day.in.cash_statements.find(account_id);
    if (statement == day.in.cash_statements.end()) {
      return refusal(kInputsMissing, "cannot clear " + day.date.to_string() +
                                         ": missing the RMB cash of " + std::string(account_id) +
                                         " (import cash)");
    }
    if (auto short_of = clearing::overdraft(statement->second.amount_rmb, trading_rmb, fee_rmb,
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
