#include "eod/eod_run.h"

#include <chrono>
#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "clearing/digest.h"
#include "eod/day_context.h"
#include "eod/exception_stage.h"
#include "eod/portfolio_fee_stage.h"
#include "eod/pre_clearing_stage.h"
#include "eod/reserve_stage.h"
#include "eod/result_writer.h"
#include "eod/settlement_stage.h"
#include "eod/transfer_stage.h"
#include "ledger/journal.h"
#include "store/audit_store.h"
#include "store/calendar_store.h"
#include "store/execution_store.h"
#include "store/import_store.h"
#include "store/refdata_change_store.h"

namespace cp::eod {
namespace {

using store::Row;

// The digest's line of one execution result.
std::string canonical_line(const clearing::ExecutionResult& r) {
  return r.execution->trade_id + "," + r.investor_rmb.to_string() + "," + r.csdc_rmb.to_string() +
         "," + r.commission_rmb.to_string() + "\n";
}

// Fills the day's calendars, schedules, rates and closes. Every channel on which the date is a
// Southbound trading day is cleared, traded or not: its holders owe the portfolio fee and its
// earlier trades may still be unsettled. Refuses executions on a channel that does not trade
// that day (with the calendar's reason), a date neither channel trades, and the rates and closes
// the day's executions need, naming all that is missing at once.
Result<void> load_day(DayContext& day, const refdata::MarketCalendarData& markets,
                      const std::vector<clearing::Execution>& executions) {
  const std::string date_text = day.date.to_string();
  std::set<Channel> traded;
  std::set<std::string> securities;
  for (const auto& e : executions) {
    traded.insert(e.channel);
    securities.insert(e.security_code);
  }
  std::string missing;
  std::string closed;
  for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(
        auto built, calendar::SouthboundCalendar::build(markets, day.refdata.parameters, channel));
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, built.day(day.date));
    const std::string ch(channel_code(channel));
    if (!info->southbound_trading) {
      if (traded.count(channel)) {
        return refusal(kTradesOnAClosedChannel, date_text +
                                                    " is not a Southbound trading day on the " +
                                                    ch + " channel: " + info->reason_text());
      }
      closed += (closed.empty() ? "" : "; ") + ch + ": " + info->reason_text();
      continue;
    }
    CP_ASSIGN_OR_RETURN(auto schedule,
                        calendar::settlement_schedule(built, day.refdata.parameters, day.date));
    day.schedules.emplace(channel, std::move(schedule));
    day.calendars.emplace(channel, std::move(built));
    CP_ASSIGN_OR_RETURN(auto fx, store::fx_rates_of(day.db, day.date, channel));
    if (fx) {
      day.fx[channel] = *fx;
    } else if (traded.count(channel)) {
      missing += "; FX rates for " + ch;
    }
  }
  if (day.calendars.empty()) {
    return refusal(
        kNotATradingDay,
        date_text + " is not a Southbound trading day on either channel (" + closed + ")");
  }
  CP_RETURN_IF_ERROR(
      day.db.query_each("SELECT security_code, close_hkd FROM closing_price WHERE price_date = ?",
                        {date_text}, [&](const Row& row) -> Result<void> {
                          day.closes_hkd.emplace(row.text(0), row.decimal(1));
                          return Ok{};
                        }));
  for (const auto& code : securities) {
    if (!day.closes_hkd.count(code)) missing += "; the closing price of " + code;
  }
  if (!missing.empty()) {
    return refusal(kInputsMissing, "cannot clear " + date_text + ": missing" + missing.substr(1) +
                                       " (import them first)");
  }
  return Ok{};
}

}  // namespace

Result<EodReport> run_eod(store::Database& db, Date date, const EodInputs& inputs) {
  auto stage_start = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> stages;
  auto end_stage = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    stages.emplace_back(name, std::chrono::duration<double>(now - stage_start).count());
    stage_start = now;
  };
  CP_ASSIGN_OR_RETURN(refdata::RefData refdata, refdata::load_refdata(inputs.data_dir));
  CP_ASSIGN_OR_RETURN(auto markets, refdata::load_market_calendars(inputs.data_dir));
  // One transaction from the first read to the commit: the inputs are one snapshot (an import
  // running meanwhile is either wholly seen or not at all) and the results replace the date's
  // earlier ones at once. PostgreSQL needs REPEATABLE READ for the snapshot; SQLite's WAL gives
  // one, and refuses the write (SQLITE_BUSY_SNAPSHOT) rather than mix if a writer got in between.
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));
  if (db.backend() == store::Backend::kPostgresql) {
    CP_RETURN_IF_ERROR(db.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
  }
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, markets));
  // Fee rules approved in the operator's workspace (issue 6 item 7) apply from their date.
  CP_RETURN_IF_ERROR(store::merge_fee_additions(db, refdata.fees));
  CP_ASSIGN_OR_RETURN(auto executions, store::load_executions(db, date));
  CP_ASSIGN_OR_RETURN(const clearing::AccountBook accounts, store::load_account_book(db));
  DayContext day(db, date, refdata, accounts);
  CP_RETURN_IF_ERROR(load_day(day, markets, executions));
  // Settlements moved since their trade dates' runs move before any stage reads their dates.
  CP_ASSIGN_OR_RETURN(std::vector<store::SettlementDelay> delays, move_delayed_settlements(day));
  end_stage("load inputs");

  const clearing::DayFees fees = clearing::DayFees::for_date(refdata.fees, date);
  clearing::ClearingInputs clearing_inputs;
  clearing_inputs.executions = &executions;
  clearing_inputs.accounts = &accounts;
  clearing_inputs.fx = day.fx;
  clearing_inputs.fees = &fees;
  std::unordered_map<std::string, bool> etf_by_code;  // one master look-up per security
  clearing_inputs.is_etf = [&](const std::string& code) {
    auto [found, inserted] = etf_by_code.try_emplace(code, false);
    if (inserted) {
      auto entry = refdata.securities.on(code, date);
      found->second = entry.ok() && (*entry)->row.kind == refdata::SecurityKind::kEtf;
    }
    return found->second;
  };
  // Cleared and written in one pass: each result goes to the table and the digest as it comes.
  CP_RETURN_IF_ERROR(delete_results(db, date));
  clearing::Digest digest;
  clearing::DayClearer clearer(clearing_inputs);
  CP_RETURN_IF_ERROR(write_execution_results(db, date, [&]() -> const clearing::ExecutionResult* {
    const clearing::ExecutionResult* r = clearer.next();
    if (r != nullptr) digest.add(canonical_line(*r));
    return r;
  }));
  const clearing::ClearingResult result = clearer.finish();
  for (const auto& c : result.csdc) {
    digest.add(std::string(channel_code(c.channel)) + "," + c.reserve + "," +
               c.net_rmb.to_string() + "\n");
  }
  EodReport report;
  report.business_date = date;
  report.delays = std::move(delays);
  report.executions = static_cast<int64_t>(executions.size());
  report.investors = static_cast<int64_t>(result.investors.size());
  // The broker's net toward CSDC is paid at 10:30 or received at 18:00 on its STL-2 date.
  for (const auto& obligation : result.csdc) {
    const std::string name =
        obligation.net_rmb.sign() >= 0 ? "trading_money_payable" : "trading_money_receivable";
    const auto flow = day.flow_of(obligation.channel, name);
    report.settlements.push_back(
        {obligation.channel, obligation.reserve, obligation, name, flow.date, flow.cutoff_hkt});
  }
  end_stage("clear and write executions");

  CP_ASSIGN_OR_RETURN(PortfolioFees portfolio_fees, charge_portfolio_fees(day, inputs.data_dir));
  report.portfolio_fees = std::move(portfolio_fees.fees);
  CP_ASSIGN_OR_RETURN(report.reserves,
                      settle_reserves(day, executions, result, report.portfolio_fees));
  CP_ASSIGN_OR_RETURN(report.transfers,
                      instruct_transfers(day, result, report.reserves, report.portfolio_fees));
  CP_ASSIGN_OR_RETURN(report.reissues, reissue_transfers(day));
  CP_ASSIGN_OR_RETURN(report.exceptions, find_exceptions(day, result, report.portfolio_fees));
  CP_ASSIGN_OR_RETURN(report.pre_clearing,
                      pre_clear_investors(day, executions, result, report.portfolio_fees));
  // The journal beside the trade-date entries: the portfolio-fee charges, then what settles
  // today (CLR-3).
  std::vector<ledger::Posting> charges = std::move(portfolio_fees.charges);
  CP_ASSIGN_OR_RETURN(std::vector<ledger::Posting> settled, settlement_entries(day));
  charges.insert(charges.end(), std::make_move_iterator(settled.begin()),
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
    digest.add("reissue," + std::string(channel_code(r.channel)) + "," + r.reserve + "," +
               r.reissue.recomputed_rmb.to_string() + "\n");
  }
  for (const auto& p : report.pre_clearing) {
    digest.add(p.account_id + "," + p.result.available_southbound_rmb.to_string() + "\n");
  }
  for (const auto& t : report.transfers) {
    digest.add(std::string(channel_code(t.channel)) + "," + t.reserve + "," +
               t.inputs.settlement_date.to_string() + "," + t.transfer.transfer_rmb.to_string() +
               "\n");
  }
  report.digest = digest.hex();
  end_stage("fees, risk funds, transfers, exceptions, pre-clearing");

  std::map<Channel, std::string> settles_on;
  for (const auto& [channel, schedule] : day.schedules) {
    settles_on[channel] = day.flow_of(channel, "trading_money_payable").date.to_string();
  }
  CP_ASSIGN_OR_RETURN(report.postings,
                      write_results(db, date, {result, settles_on, charges, report},
                                    format_utc(inputs.clock->now())));
  CP_RETURN_IF_ERROR(write_fx_rates(db, date, day.fx));
  // The run's trace commits with its results (SPEC ORG-3).
  const nlohmann::json detail = {{"digest", report.digest},
                                 {"executions", report.executions},
                                 {"investors", report.investors},
                                 {"postings", report.postings}};
  CP_ASSIGN_OR_RETURN(
      audit::AuditEntry entry,
      store::append_audit(db, *inputs.clock,
                          {inputs.actor, "", "eod.run", "eod:" + date.to_string(), detail.dump()}));
  report.audit_seq = entry.seq;
  report.audit_hash = entry.hash;
  if (inputs.pause_before_commit_ms > 0) {
    std::fprintf(stderr, "eod: all results written, paused before commit\n");
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::milliseconds(inputs.pause_before_commit_ms));
  }
  end_stage("write results");
  CP_RETURN_IF_ERROR(tx.commit());
  end_stage("commit");
  report.stage_seconds = std::move(stages);
  return report;
}

}  // namespace cp::eod
