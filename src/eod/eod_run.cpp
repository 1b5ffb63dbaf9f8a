#include "eod/eod_run.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "clearing/digest.h"
#include "eod/result_writer.h"
#include "ledger/journal.h"
#include "store/calendar_store.h"
#include "store/execution_store.h"

namespace cp::eod {
namespace {

using store::Row;
using store::Value;

Result<std::optional<clearing::FxRates>> load_fx(store::Database& db, Date date, Channel channel) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT reference_buy, reference_sell, settlement_buy, "
                                          "settlement_sell FROM fx_rate WHERE rate_date = ? AND "
                                          "channel = ?",
                                          {date.to_string(), std::string(channel_code(channel))}));
  if (rows.rows.empty()) return std::optional<clearing::FxRates>();
  const Row& row = rows.rows[0];
  return std::optional<clearing::FxRates>(clearing::FxRates{
      date, channel, row.decimal(0), row.decimal(1), row.decimal(2), row.decimal(3), 0});
}

// The digest's line of one execution result.
std::string canonical_line(const clearing::ExecutionResult& r) {
  return r.execution->trade_id + "," + r.investor_rmb.to_string() + "," + r.csdc_rmb.to_string() +
         "," + r.commission_rmb.to_string() + "\n";
}

std::string day_text(Date date) {
  return date.to_string();
}

// The value of a one-column query (the latest earlier row), if any.
Result<std::optional<Decimal>> latest_before(store::Database& db, const std::string& sql,
                                             const std::vector<Value>& params) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(sql, params));
  if (rows.rows.empty()) return std::optional<Decimal>();
  return std::optional<Decimal>(rows.rows[0].decimal(0));
}

// Executions of `channel` traded up to `date` whose securities settle after it (SPEC CLR-9:
// unsettled positions). A trade settles within T+2 settlement days; 31 calendar days covers the
// longest closures (Lunar New Year and National Day with their weekends) with room to spare.
// Earlier days' executions are loaded into `earlier`, which the returned pointers point into.
Result<std::vector<const clearing::Execution*>> unsettled_executions(
    store::Database& db, const calendar::SouthboundCalendar& southbound,
    const refdata::ParameterTable& parameters, Date date,
    const std::vector<clearing::Execution>& todays,
    std::deque<std::vector<clearing::Execution>>& earlier) {
  const std::string channel(channel_code(southbound.channel()));
  CP_ASSIGN_OR_RETURN(auto rows,
                      db.query("SELECT DISTINCT trade_date FROM execution WHERE channel = ? AND "
                               "trade_date > ? AND trade_date <= ? ORDER BY trade_date",
                               {channel, date.plus_days(-31).to_string(), date.to_string()}));
  std::vector<const clearing::Execution*> out;
  for (const Row& row : rows.rows) {
    const Date traded = *Date::parse(row.text(0));
    CP_ASSIGN_OR_RETURN(auto schedule,
                        calendar::settlement_schedule(southbound, parameters, traded));
    if (schedule.securities_settlement_date <= date) continue;
    if (traded == date) {  // already in memory: the day being cleared
      for (const auto& e : todays) {
        if (e.channel == southbound.channel()) out.push_back(&e);
      }
      continue;
    }
    CP_ASSIGN_OR_RETURN(earlier.emplace_back(), store::load_executions(db, traded));
    for (const auto& e : earlier.back()) {
      if (e.channel == southbound.channel()) out.push_back(&e);
    }
  }
  return out;
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
  CP_ASSIGN_OR_RETURN(auto executions, store::load_executions(db, date));
  // Every channel on which the date is a Southbound trading day is cleared, traded or not: its
  // holders owe the portfolio fee and its earlier trades may still be unsettled. A channel with
  // executions on a day it does not trade is refused with the calendar's reason.
  std::set<Channel> traded;
  std::set<std::string> securities;
  for (const auto& e : executions) {
    traded.insert(e.channel);
    securities.insert(e.security_code);
  }
  std::map<Channel, calendar::SouthboundCalendar> calendars;
  clearing::ClearingInputs clearing_inputs;
  std::string missing;
  std::string closed;
  for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto built,
                        calendar::SouthboundCalendar::build(markets, refdata.parameters, channel));
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* day, built.day(date));
    if (!day->southbound_trading) {
      if (traded.count(channel)) {
        return rule_violation(date.to_string() + " is not a Southbound trading day on the " +
                              std::string(channel_code(channel)) +
                              " channel: " + day->reason_text());
      }
      closed += std::string(closed.empty() ? "" : "; ") + std::string(channel_code(channel)) +
                ": " + day->reason_text();
      continue;
    }
    calendars.emplace(channel, std::move(built));
    CP_ASSIGN_OR_RETURN(auto fx, load_fx(db, date, channel));
    if (fx) {
      clearing_inputs.fx[channel] = *fx;
    } else if (traded.count(channel)) {
      missing += "; FX rates for " + std::string(channel_code(channel));
    }
  }
  if (calendars.empty()) {
    return rule_violation(date.to_string() +
                          " is not a Southbound trading day on either channel (" + closed + ")");
  }
  // The rate a channel without trades needs for its portfolio fee or risk funds, checked there.
  auto fx_of = [&](Channel channel) -> Result<const clearing::FxRates*> {
    auto found = clearing_inputs.fx.find(channel);
    if (found == clearing_inputs.fx.end()) {
      return rule_violation("cannot clear " + date.to_string() + ": missing FX rates for " +
                            std::string(channel_code(channel)) + " (import them first)");
    }
    return &found->second;
  };
  // The day's closes, read once: the traded, held and unsettled securities all look up here.
  std::map<std::string, Decimal> closes_of_day;
  {
    CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT security_code, close_hkd FROM closing_price "
                                            "WHERE price_date = ?",
                                            {date.to_string()}));
    for (const Row& row : rows.rows) closes_of_day.emplace(row.text(0), row.decimal(1));
  }
  for (const auto& code : securities) {
    if (!closes_of_day.count(code)) missing += "; the closing price of " + code;
  }
  if (!missing.empty()) {
    return rule_violation("cannot clear " + date.to_string() + ": missing" + missing.substr(1) +
                          " (import them first)");
  }

  CP_ASSIGN_OR_RETURN(const clearing::AccountBook accounts, store::load_account_book(db));
  end_stage("load inputs");
  const clearing::DayFees fees = clearing::DayFees::for_date(refdata.fees, date);
  clearing_inputs.executions = &executions;
  clearing_inputs.accounts = &accounts;
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
  std::vector<ledger::Posting> charges;  // the portfolio fee's entries, beside the trades'

  EodReport report;
  report.business_date = date;
  report.executions = static_cast<int64_t>(executions.size());
  report.investors = static_cast<int64_t>(result.investors.size());

  // Settlement dates of the day's trading money (SPEC STL-2).
  std::map<Channel, calendar::SettlementSchedule> schedules;
  for (const auto& [channel, southbound] : calendars) {
    CP_ASSIGN_OR_RETURN(auto schedule,
                        calendar::settlement_schedule(southbound, refdata.parameters, date));
    schedules.emplace(channel, std::move(schedule));
  }
  auto flow_of = [&](Channel channel, const std::string& name) {
    for (const auto& flow : schedules.at(channel).money_flows) {
      if (flow.flow == name) return flow;
    }
    CP_ASSERT(false, "money flow missing from the schedule");
  };
  for (const auto& obligation : result.csdc) {
    const std::string name =
        obligation.net_rmb.sign() >= 0 ? "trading_money_payable" : "trading_money_receivable";
    const auto flow = flow_of(obligation.channel, name);
    report.settlements.push_back(
        {obligation.channel, obligation.reserve, obligation, name, flow.date, flow.cutoff_hkt});
  }

  end_stage("clear and write executions");
  // The portfolio fee (CLR-6) of every investor holding on a channel, from T's holdings and
  // closes, for T and the calendar days before the channel's next Southbound trading day.
  const std::string shown = std::filesystem::path(inputs.data_dir).filename().string();
  CP_ASSIGN_OR_RETURN(auto tiers,
                      clearing::load_portfolio_fee_tiers(
                          std::filesystem::path(inputs.data_dir) / "portfolio_fee_tiers.csv",
                          shown + "/portfolio_fee_tiers.csv", date));
  CP_ASSIGN_OR_RETURN(int64_t day_count,
                      refdata.parameters.integer("portfolio_fee.day_count", date));
  std::map<std::pair<Channel, std::string>, Decimal> portfolio_fee_by_reserve;
  for (const auto& [channel, southbound] : calendars) {
    const std::string ch(channel_code(channel));
    int64_t days = 1;
    while (true) {
      CP_ASSIGN_OR_RETURN(const calendar::DayInfo* next, southbound.day(date.plus_days(days)));
      if (next->southbound_trading) break;
      ++days;
    }
    CP_ASSIGN_OR_RETURN(auto held,
                        db.query("SELECT account_id, security_code, quantity FROM opening_position "
                                 "WHERE channel = ? AND quantity > 0 AND as_of = (SELECT "
                                 "MAX(as_of) FROM opening_position WHERE as_of <= ?)",
                                 {ch, day_text(date)}));
    std::map<std::string, std::map<std::string, int64_t>> by_account;
    std::map<std::string, Decimal> closes;
    for (const Row& row : held.rows) {
      by_account[row.text(0)][row.text(1)] += row.integer(2);
      if (closes.count(row.text(1))) continue;
      const auto close = closes_of_day.find(row.text(1));
      if (close == closes_of_day.end()) {
        return rule_violation("cannot clear " + date.to_string() +
                              ": missing the closing price of " + row.text(1) +
                              " (held: portfolio fee)");
      }
      closes[row.text(1)] = close->second;
    }
    const Date collection = flow_of(channel, "portfolio_fee").date;
    if (!by_account.empty()) CP_RETURN_IF_ERROR(fx_of(channel));
    for (const auto& [account_id, holdings] : by_account) {
      const clearing::Account* account = accounts.find(account_id);
      if (account == nullptr) continue;
      InvestorPortfolioFee fee{
          account_id, channel, account->money_kind,
          clearing::portfolio_fee(holdings, closes, tiers, days, day_count,
                                  clearing_inputs.fx.at(channel).settlement_buy),  // checked above
          collection};
      portfolio_fee_by_reserve[{channel, fee.reserve}] += fee.charge.fee_rmb;
      if (fee.charge.fee_rmb.sign() > 0) {
        ledger::add_charge(charges, "PF:" + account_id + ":" + ch, account_id, channel, fee.reserve,
                           fee.charge.fee_rmb);
      }
      report.portfolio_fees.push_back(std::move(fee));
    }
  }

  // Risk funds (CLR-9) and the funds-transfer instruction (CLR-11) per channel and reserve.
  std::map<std::pair<Channel, std::string>, std::vector<const clearing::Execution*>>
      unsettled_by_reserve;
  std::deque<std::vector<clearing::Execution>> earlier_executions;
  for (const auto& [channel, southbound] : calendars) {
    CP_ASSIGN_OR_RETURN(auto unsettled, unsettled_executions(db, southbound, refdata.parameters,
                                                             date, executions, earlier_executions));
    for (const clearing::Execution* e : unsettled) {
      const clearing::Account* account = accounts.find(e->account_id);
      if (account == nullptr) continue;
      unsettled_by_reserve[std::make_pair(channel, account->money_kind)].push_back(e);
    }
    for (const auto& obligation : result.csdc) {
      if (obligation.channel == channel) {
        unsettled_by_reserve[std::make_pair(channel, obligation.reserve)];
      }
    }
    for (const auto& [channel_reserve, fee] : portfolio_fee_by_reserve) {
      if (channel_reserve.first == channel) unsettled_by_reserve[channel_reserve];
    }
  }
  CP_ASSIGN_OR_RETURN(Decimal margin_rate, refdata.parameters.ratio("risk.margin_rate", date));
  CP_ASSIGN_OR_RETURN(Decimal margin_multiplier,
                      refdata.parameters.ratio("risk.margin_multiplier", date));
  for (auto& [key, unsettled] : unsettled_by_reserve) {
    const auto& [channel, reserve] = key;
    const std::string ch(channel_code(channel));
    clearing::RiskFundsInputs risk_inputs;
    risk_inputs.unsettled = unsettled;
    for (const clearing::Execution* e : unsettled) {
      if (risk_inputs.closes_hkd.count(e->security_code)) continue;
      const auto close = closes_of_day.find(e->security_code);
      if (close == closes_of_day.end()) {
        return rule_violation("cannot clear " + date.to_string() +
                              ": missing the closing price of " + e->security_code +
                              " (an unsettled position)");
      }
      risk_inputs.closes_hkd[e->security_code] = close->second;
    }
    CP_ASSIGN_OR_RETURN(auto holdings,
                        db.query("SELECT p.account_id, p.security_code, p.quantity FROM "
                                 "opening_position p WHERE p.channel = ? AND p.as_of = (SELECT "
                                 "MAX(as_of) FROM opening_position WHERE as_of <= ?)",
                                 {ch, day_text(date)}));
    for (const Row& row : holdings.rows) {
      const clearing::Account* account = accounts.find(row.text(0));
      if (account != nullptr && account->money_kind == reserve) {
        risk_inputs.holdings[row.text(1)] += row.integer(2);
      }
    }
    risk_inputs.margin_rate = margin_rate;
    risk_inputs.margin_multiplier = margin_multiplier;
    CP_ASSIGN_OR_RETURN(const clearing::FxRates* rates, fx_of(channel));
    risk_inputs.rate_rmb_per_hkd = rates->settlement_buy;
    ReserveDay reserve_day;
    reserve_day.channel = channel;
    reserve_day.reserve = reserve;
    reserve_day.rate = risk_inputs.rate_rmb_per_hkd;
    CP_ASSIGN_OR_RETURN(reserve_day.risk, clearing::compute_risk_funds(risk_inputs));
    reserve_day.risk_funds_date = flow_of(channel, "risk_funds").date;

    auto& transfer = reserve_day.transfer_inputs;
    const Decimal zero = Decimal::from_units(0, 2);
    CP_ASSIGN_OR_RETURN(auto balance,
                        latest_before(db,
                                      "SELECT balance_rmb FROM reserve_balance WHERE channel = ? "
                                      "AND reserve = ? AND balance_date < ? ORDER BY "
                                      "balance_date DESC LIMIT 1",
                                      {ch, reserve, day_text(date)}));
    if (!balance) {
      return rule_violation("cannot clear " + date.to_string() + ": missing the " + ch + " " +
                            reserve + " reserve balance of a day before it (import reserves)");
    }
    transfer.reserve_balance_previous_rmb = *balance;
    transfer.trading_money_net_rmb = zero;
    for (const auto& obligation : result.csdc) {
      if (obligation.channel == channel && obligation.reserve == reserve) {
        transfer.trading_money_net_rmb = obligation.net_rmb;
      }
    }
    transfer.risk_funds_today_rmb = reserve_day.risk.risk_funds_rmb;
    CP_ASSIGN_OR_RETURN(auto previous,
                        latest_before(db,
                                      "SELECT risk_funds_rmb FROM eod_risk_funds WHERE channel "
                                      "= ? AND reserve = ? AND business_date < ? ORDER BY "
                                      "business_date DESC LIMIT 1",
                                      {ch, reserve, day_text(date)}));
    transfer.risk_funds_previous_rmb = previous.value_or(zero);
    // The 18:00 portfolio fee is included in the 10:30 calculation (seed 002 附件4 第42条).
    const auto fee = portfolio_fee_by_reserve.find({channel, reserve});
    transfer.portfolio_fee_rmb = fee == portfolio_fee_by_reserve.end() ? zero : fee->second;
    transfer.dividends_receivable_rmb = zero;  // corporate actions are a later issue
    reserve_day.transfer = clearing::funds_transfer(transfer, reserve);
    report.reserves.push_back(std::move(reserve_day));
  }

  // Exceptions. Overdrafts (CLR-12, CLR-14): each client account's projected cash.
  const Decimal zero_rmb = Decimal::from_units(0, 2);
  CP_ASSIGN_OR_RETURN(Decimal overdraft_rate,
                      refdata.parameters.ratio("clr.overdraft_penalty_rate_daily", date));
  const int64_t accrual_days = [&] {
    const auto& southbound = calendars.begin()->second;
    int64_t days = 1;
    while (true) {
      auto next = southbound.day(date.plus_days(days));
      if (!next.ok() || (*next)->southbound_trading) return days;
      ++days;
    }
  }();
  // Each client account's trading money and portfolio fee, keyed on views of the investors' and
  // fees' own ids (they outlive this block).
  struct Charged {
    Decimal trading_rmb = Decimal::from_units(0, 2);
    Decimal fee_rmb = Decimal::from_units(0, 2);
    std::optional<Decimal> cash_rmb;
  };
  std::unordered_map<std::string_view, Charged> charged;
  for (const auto& investor : result.investors) {
    if (investor.reserve == "client") charged[investor.account_id].trading_rmb += investor.net_rmb;
  }
  for (const auto& fee : report.portfolio_fees) {
    if (fee.reserve == "client") charged[fee.account_id].fee_rmb += fee.charge.fee_rmb;
  }
  // Every charged account's latest RMB cash statement on or before T, in one streamed query
  // (ordered by date: the last wins).
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT account_id, amount FROM opening_cash WHERE currency = 'CNY' AND as_of <= ? "
      "ORDER BY account_id, as_of",
      {day_text(date)}, [&](const Row& row) -> Result<void> {
        const auto found = charged.find(row.text(0));
        if (found != charged.end()) found->second.cash_rmb = row.decimal(1);
        return Ok{};
      }));
  std::vector<std::string_view> charged_ids;
  charged_ids.reserve(charged.size());
  for (const auto& [id, amounts] : charged) charged_ids.push_back(id);
  std::sort(charged_ids.begin(), charged_ids.end());  // exceptions by account, whatever the hash
  for (std::string_view account_id : charged_ids) {
    const Charged& amounts = charged.at(account_id);
    if (!amounts.cash_rmb) {
      return rule_violation("cannot clear " + date.to_string() + ": missing the RMB cash of " +
                            std::string(account_id) + " (import cash)");
    }
    if (auto short_of = clearing::overdraft(*amounts.cash_rmb, amounts.trading_rmb, amounts.fee_rmb,
                                            overdraft_rate, accrual_days)) {
      report.exceptions.push_back(
          {"overdraft", std::string(account_id), short_of->overdraft_rmb, short_of->projected_rmb,
           zero_rmb, short_of->interest_rmb,
           "advance RMB " + short_of->overdraft_rmb.to_string_grouped() +
               " from own funds; notify the investor on T+1; penalty interest RMB " +
               short_of->interest_rmb.to_string_grouped() + " for " + std::to_string(accrual_days) +
               " day(s) (CLR-12)"});
    }
  }
  // Settlement defaults (CLR-16) on this date's CSDC batches.
  CP_ASSIGN_OR_RETURN(Decimal penalty_rate,
                      refdata.parameters.ratio("clr.default_penalty_rate_daily", date));
  CP_ASSIGN_OR_RETURN(Decimal reserve_rate,
                      refdata.parameters.ratio("clr.reserve_interest_rate_annual", date));
  CP_ASSIGN_OR_RETURN(int64_t reserve_day_count,
                      refdata.parameters.integer("clr.reserve_interest_day_count", date));
  CP_ASSIGN_OR_RETURN(auto checks, db.query("SELECT channel, reserve, batch, balance_rmb FROM "
                                            "reserve_check WHERE check_date = ? ORDER BY channel, "
                                            "reserve, batch",
                                            {day_text(date)}));
  std::map<std::string, std::pair<Decimal, Decimal>> batches;  // channel:reserve → (10:30, 18:00)
  for (const Row& row : checks.rows) {
    auto& pair = batches[row.text(0) + ":" + row.text(1)];
    (row.text(2) == "10:30" ? pair.first : pair.second) = row.decimal(3);
  }
  for (const auto& [subject, balances] : batches) {
    if (auto missed = clearing::settlement_default(balances.first, balances.second, penalty_rate,
                                                   reserve_rate, accrual_days, reserve_day_count)) {
      report.exceptions.push_back(
          {"default", subject, std::max(missed->intraday_rmb, missed->end_of_day_rmb),
           missed->end_of_day_rmb, missed->penalty_rmb, missed->interest_rmb,
           "settlement default: intraday RMB " + missed->intraday_rmb.to_string_grouped() +
               ", end of day RMB " + missed->end_of_day_rmb.to_string_grouped() + "; penalty RMB " +
               missed->penalty_rmb.to_string_grouped() + ", interest RMB " +
               missed->interest_rmb.to_string_grouped() + " (CLR-16)"});
    }
  }

  for (const auto& fee : report.portfolio_fees) {
    digest.add(fee.account_id + "," + fee.charge.fee_rmb.to_string() + "\n");
  }
  for (const auto& x : report.exceptions) {
    digest.add(x.kind + "," + x.subject + "," + x.amount_rmb.to_string() + "\n");
  }
  for (const auto& r : report.reserves) {
    digest.add(r.risk.risk_funds_rmb.to_string() + "," + r.transfer.transfer_rmb.to_string() +
               "\n");
  }
  report.digest = digest.hex();

  end_stage("fees, risk funds, transfers, exceptions");
  std::map<Channel, std::string> settles_on;
  for (const auto& [channel, schedule] : schedules) {
    settles_on[channel] = flow_of(channel, "trading_money_payable").date.to_string();
  }
  CP_ASSIGN_OR_RETURN(report.postings,
                      write_results(db, date, {result, settles_on, charges, report},
                                    format_utc(inputs.clock->now())));
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
