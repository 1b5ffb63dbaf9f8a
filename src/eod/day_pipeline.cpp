#include "eod/day_pipeline.h"

#include <array>
#include <iterator>
#include <set>

#include "eod/book_stress_stage.h"
#include "eod/ca_cash_stage.h"
#include "eod/exception_stage.h"
#include "eod/non_trade_stage.h"
#include "eod/portfolio_fee_stage.h"
#include "eod/pre_clearing_stage.h"
#include "eod/reserve_stage.h"
#include "eod/settlement_stage.h"
#include "eod/transfer_stage.h"

namespace cp::eod {
namespace {

// The digest's line of one execution result, built in `line` (reused: no allocation per row).
void canonical_line(const clearing::ExecutionResult& r, std::string& line) {
  line.assign(r.execution.trade_id());
  line += ',';
  line += r.investor_rmb.to_string();
  line += ',';
  line += r.csdc_rmb.to_string();
  line += ',';
  line += r.commission_rmb.to_string();
  line += '\n';
}

}  // namespace

Result<void> prepare_day(DayInputs& inputs, const refdata::MarketCalendarData& markets) {
  const std::string date_text = inputs.date.to_string();
  const auto& parameters = inputs.refdata->parameters;
  // Per execution only a flag: the table holds each traded code once.
  std::array<bool, 2> traded_on{};  // by Channel
  for (const clearing::ExecutionRef e : inputs.executions) {
    traded_on[static_cast<size_t>(e.channel())] = true;
  }
  const auto& codes = inputs.executions.security_codes();
  const std::set<std::string> securities(codes.begin(), codes.end());  // in order
  std::string missing;
  std::string closed;
  for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto built,
                        calendar::SouthboundCalendar::build(markets, parameters, channel));
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, built.day(inputs.date));
    const std::string ch(channel_code(channel));
    const bool traded = traded_on[static_cast<size_t>(channel)];
    if (!info->southbound_trading) {
      if (traded) {
        return refusal(kTradesOnAClosedChannel, date_text +
                                                    " is not a Southbound trading day on the " +
                                                    ch + " channel: " + info->reason_text());
      }
      closed += (closed.empty() ? "" : "; ") + ch + ": " + info->reason_text();
      inputs.fx.erase(channel);
      continue;
    }
    CP_ASSIGN_OR_RETURN(auto schedule,
                        calendar::settlement_schedule(built, parameters, inputs.date));
    inputs.schedules.emplace(channel, std::move(schedule));
    inputs.calendars.emplace(channel, std::move(built));
    if (!inputs.fx.count(channel) && traded) missing += "; FX rates for " + ch;
  }
  if (inputs.calendars.empty()) {
    return refusal(
        kNotATradingDay,
        date_text + " is not a Southbound trading day on either channel (" + closed + ")");
  }
  for (const auto& code : securities) {
    if (!inputs.closes_hkd.count(code)) missing += "; the closing price of " + code;
  }
  if (!missing.empty()) {
    return refusal(kInputsMissing, "cannot clear " + date_text + ": missing" + missing.substr(1) +
                                       " (import them first)");
  }
  if (inputs.accounts != nullptr) {
    inputs.execution_accounts = inputs.accounts->accounts_of(inputs.executions);
  }
  return Ok{};
}

DayClearing::DayClearing(const DayInputs& inputs)
    : inputs_(inputs),
      // The fee schedule in force at the rules date (CLR-4): D's own, or another in a what-if.
      fees_(clearing::DayFees::for_date(inputs.refdata->fees, inputs.rules_date)),
      clearing_inputs_{
          &inputs.executions, inputs.accounts, inputs.accounts_by_number(), inputs.fx, &fees_,
          // Asked once per security of the day (the clearer keeps the answer by its number).
          [this](std::string_view code) {
            auto entry = inputs_.refdata->securities.on(std::string(code), inputs_.date);
            return entry.ok() && (*entry)->row.kind == refdata::SecurityKind::kEtf;
          }},
      clearer_(clearing_inputs_) {}

void DayClearing::record(const clearing::ExecutionResult& r) {
  canonical_line(r, line_);
  digest_.add(line_);
}

Result<DayComputation> compute_day(DayContext& day, const clearing::ClearingResult& result,
                                   std::vector<store::SettlementDelay> delays,
                                   clearing::Digest digest) {
  DayComputation out;
  EodReport& report = out.report;
  report.business_date = day.date;
  report.delays = std::move(delays);
  report.executions = static_cast<int64_t>(day.in.executions.size());
  report.investors = static_cast<int64_t>(result.investors.size());
  for (const auto& c : result.csdc) {
    digest.add(std::string(channel_code(c.channel)) + "," + money_kind_text(c.reserve) + "," +
               c.net_rmb.to_string() + "\n");
  }
  // The broker's net toward CSDC is paid at 10:30 or received at 18:00 on its STL-2 date.
  for (const auto& obligation : result.csdc) {
    const std::string name =
        obligation.net_rmb.sign() >= 0 ? "trading_money_payable" : "trading_money_receivable";
    const auto flow = day.flow_of(obligation.channel, name);
    report.settlements.push_back(
        {obligation.channel, obligation.reserve, obligation, name, flow.date, flow.cutoff_hkt});
  }

  CP_ASSIGN_OR_RETURN(PortfolioFees portfolio_fees, charge_portfolio_fees(day));
  report.portfolio_fees = std::move(portfolio_fees.fees);
  CP_ASSIGN_OR_RETURN(report.reserves, settle_reserves(day, result, report.portfolio_fees));
  CP_ASSIGN_OR_RETURN(report.book_stress, stress_book(day, report.reserves));
  CP_ASSIGN_OR_RETURN(report.ca_credits, clear_ca_cash(day));
  CP_ASSIGN_OR_RETURN(report.non_trade_fees, debit_non_trade_fees(day));
  CP_ASSIGN_OR_RETURN(
      report.transfers,
      instruct_transfers(day, result, report.reserves, report.portfolio_fees, report.ca_credits));
  CP_ASSIGN_OR_RETURN(report.reissues, reissue_transfers(day));
  CP_ASSIGN_OR_RETURN(report.exceptions, find_exceptions(day, result, report.portfolio_fees));
  CP_ASSIGN_OR_RETURN(report.pre_clearing,
                      pre_clear_investors(day, result, report.portfolio_fees, report.ca_credits,
                                          report.non_trade_fees));
  out.charges = std::move(portfolio_fees.charges);
  CP_ASSIGN_OR_RETURN(auto distributed, ca_securities_postings(day));
  for (auto& posting : distributed) out.charges.push_back(std::move(posting));
  for (auto& posting : ca_credit_postings(report.ca_credits)) {
    out.charges.push_back(std::move(posting));
  }
  for (auto& posting : non_trade_postings(day, report.non_trade_fees)) {
    out.charges.push_back(std::move(posting));
  }
  CP_ASSIGN_OR_RETURN(std::vector<ledger::Posting> settled, settlement_entries(day));
  out.charges.insert(out.charges.end(), std::make_move_iterator(settled.begin()),
                     std::make_move_iterator(settled.end()));

  for (const auto& fee : report.portfolio_fees) {
    digest.add(fee.account_id + "," + fee.charge.fee_rmb.to_string() + "\n");
  }
  for (const auto& x : report.exceptions) {
    digest.add(x.kind + "," + x.subject + "," + x.amount_rmb.to_string() + "\n");
  }
  for (const auto& r : report.reserves) digest.add(r.risk.risk_funds_rmb.to_string() + "\n");
  for (const auto& d : report.delays) {
    digest.add("delay," + d.trade_date.to_string() + "," + d.account_id + "," +
               d.settlement_date.to_string() + "\n");
  }
  for (const auto& r : report.reissues) {
    digest.add("reissue," + std::string(channel_code(r.channel)) + "," +
               money_kind_text(r.reserve) + "," + r.reissue.recomputed_rmb.to_string() + "\n");
  }
  for (const auto& p : report.pre_clearing) {
    digest.add(p.account_id + "," + p.result.available_southbound_rmb.to_string() + "\n");
  }
  for (const auto& c : report.ca_credits) {
    digest.add("ca," + c.event_id + "," + std::string(channel_code(c.channel)) + "," +
               c.account_id + "," + c.money.net_rmb.to_string() + "\n");
  }
  for (const auto& f : report.non_trade_fees) {
    digest.add("ntt," + f.transfer_id + "," + f.account_id + "," +
               (f.transfer_fee_rmb + f.stamp_duty_rmb).to_string() + "\n");
  }
  for (const auto& t : report.transfers) {
    digest.add(std::string(channel_code(t.channel)) + "," + money_kind_text(t.reserve) + "," +
               t.inputs.settlement_date.to_string() + "," + t.transfer.transfer_rmb.to_string() +
               "\n");
  }
  report.digest = digest.hex();
  for (const auto& [channel, schedule] : day.schedules) {
    out.settles_on[channel] = day.flow_of(channel, "trading_money_payable").date;
  }
  return out;
}

}  // namespace cp::eod
