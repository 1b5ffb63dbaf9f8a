#include "store/eod_report_store.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/eod_inputs_store.h"
#include "store/execution_segments.h"
#include "store/investor_segments.h"
#include "store/transfer_store.h"

namespace cp::store {

using eod::Report;
namespace {

using store::Row;

// Fee lines and who they are collected for (SPEC CLR-4; research/domain-facts.md §1.1).
constexpr std::array<std::pair<const char*, const char*>, 6> kCollectors = {{
    {"stamp_duty", "HKSAR Government (Inland Revenue Department)"},
    {"trading_fee", "SEHK"},
    {"sfc_levy", "SFC"},
    {"afrc_levy", "AFRC"},
    {"trading_tariff", "SEHK"},
    {"settlement_fee", "HKSCC"},
}};

Report table(const std::string& name, const std::string& title, std::vector<std::string> columns,
             std::vector<bool> amounts, const store::QueryResult& result) {
  Report report{name, title, std::move(columns), {}, std::move(amounts)};
  for (const Row& row : result.rows) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < row.size(); ++i) cells.push_back(row.text(i));
    report.rows.push_back(std::move(cells));
  }
  return report;
}

// The statement's line on a channel's rates (SPEC CLR-15; seed 004 §2.6): the settlement rates
// that converted its trades, the reference rates that froze its money during the day, and —
// when the other channel's settlement rates differ — why: CSDC's Shanghai and Shenzhen branches
// convert separately and share each one's FX cost over its own trades, while one reference rate
// serves both.
std::string fx_rates_text(const Row& row, const store::QueryResult& all) {
  std::string text = "settlement buy " + row.text(3) + ", sell " + row.text(4) +
                     "; reference buy " + row.text(1) + ", sell " + row.text(2) +
                     " (froze funds during the day)";
  for (const Row& other : all.rows) {
    if (other.text(0) == row.text(0)) continue;
    if (other.decimal(3) == row.decimal(3) && other.decimal(4) == row.decimal(4)) continue;
    text += ". The " + other.text(0) + " channel settled at buy " + other.text(3) + ", sell " +
            other.text(4) +
            ": CSDC's Shanghai and Shenzhen branches each convert their own net HKD and share the "
            "cost over their own trades, so settlement rates can differ while the reference rate "
            "is one for both (CLR-15)";
  }
  return text;
}

// A statement line that is not a trade: no side, security, quantity, price, fees or rate.
std::vector<std::string> money_line(std::string account, std::string channel, std::string item,
                                    std::string reference, std::string amount_hkd,
                                    std::string amount_rmb, std::string settles) {
  std::vector<std::string> cells(15);
  cells[0] = std::move(account);
  cells[1] = std::move(channel);
  cells[2] = std::move(item);
  cells[3] = std::move(reference);
  cells[11] = std::move(amount_hkd);
  cells[13] = std::move(amount_rmb);
  cells[14] = std::move(settles);
  return cells;
}

Result<Report> statement(Database& db, const std::string& day, const std::string& account) {
  const std::string filter = account.empty() ? "" : " AND r.account_id = ?";
  std::vector<store::Value> params = {day};
  if (!account.empty()) params.emplace_back(account);
  Report report{"statement",
                "Investor statements of " + day,
                {"account", "channel", "item", "reference", "side", "security", "quantity",
                 "price_hkd", "consideration_hkd", "fees_hkd", "commission_hkd", "amount_hkd",
                 "rate", "amount_rmb", "settles"},
                {},
                {false, false, false, false, false, false, true, true, true, true, true, true, true,
                 true, false}};
  CP_ASSIGN_OR_RETURN(auto fees,
                      db.query("SELECT r.account_id, r.channel, r.value_hkd, r.days, r.fee_hkd, "
                               "r.fee_rmb, r.collection_date FROM eod_portfolio_fee r WHERE "
                               "r.business_date = ?" +
                                   filter,
                               params));
  std::map<std::tuple<std::string, std::string, int, std::string>, std::vector<std::string>> sorted;
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
  std::map<std::string, std::string> settles;  // channel → the investors' settlement date
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel, settlement_date FROM eod_investor_settlement WHERE business_date = ?", {day},
      [&](const Row& row) -> Result<void> {
        settles[row.text(0)] = row.text(1);
        return Ok{};
      }));
  CP_RETURN_IF_ERROR(each_investor_obligation(
      db, date, account, [&](const StoredInvestorObligation& investor) -> Result<void> {
        const std::string channel(channel_code(investor.channel));
        sorted[{investor.account_id, channel, 2, ""}] =
            money_line(investor.account_id, channel, "net_trading_money", "", "",
                       investor.net_rmb.to_string(), settles[channel]);
        return Ok{};
      }));
  CP_RETURN_IF_ERROR(
      each_execution_result(db, date, account, [&](const StoredExecutionResult& r) -> Result<void> {
        const clearing::Execution& e = r.execution;
        const std::string channel(channel_code(e.channel));
        sorted[{e.account_id, channel, 0, e.trade_id}] = {e.account_id,
                                                          channel,
                                                          "trade",
                                                          e.trade_id,
                                                          std::string(side_code(e.side)),
                                                          e.security_code,
                                                          std::to_string(e.quantity),
                                                          e.price_hkd.to_string(),
                                                          r.consideration_hkd.to_string(),
                                                          r.fees_hkd.to_string(),
                                                          r.commission_hkd.to_string(),
                                                          r.investor_hkd.to_string(),
                                                          r.rate.to_string(),
                                                          r.investor_rmb.to_string(),
                                                          ""};
        return Ok{};
      }));
  for (const Row& r : fees.rows) {
    sorted[{r.text(0), r.text(1), 1, ""}] =
        money_line(r.text(0), r.text(1), "portfolio_fee", r.text(3) + " day(s) on HKD " + r.text(2),
                   r.text(4), r.text(5), r.text(6));
  }
  // The rates the run used (eod_fx_rate), not the input table a later replace may change.
  CP_ASSIGN_OR_RETURN(auto rates, db.query("SELECT channel, reference_buy, reference_sell, "
                                           "settlement_buy, settlement_sell FROM eod_fx_rate "
                                           "WHERE business_date = ? ORDER BY channel",
                                           {day}));
  std::map<std::string, std::string> rates_text;
  for (const Row& r : rates.rows) rates_text[r.text(0)] = fx_rates_text(r, rates);
  std::set<std::pair<std::string, std::string>> account_channels;
  for (const auto& [key, cells] : sorted) account_channels.insert({cells[0], cells[1]});
  for (const auto& [holder, channel] : account_channels) {
    const auto found = rates_text.find(channel);
    if (found == rates_text.end()) continue;
    sorted[{holder, channel, 3, ""}] = {
        holder, channel, "fx_rates", found->second, "", "", "", "", "", "", "", "", "", "", ""};
  }
  for (auto& [key, cells] : sorted) report.rows.push_back(std::move(cells));
  return report;
}

Result<Report> fee_collection(Database& db, const std::string& day) {
  // Summed here with exact decimals: SQLite would sum TEXT through binary floating point.
  std::map<std::string, std::array<Decimal, 6>> sums;
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
  CP_RETURN_IF_ERROR(
      each_execution_result(db, date, "", [&](const StoredExecutionResult& r) -> Result<void> {
        auto& sum = sums[std::string(channel_code(r.execution.channel))];
        for (size_t i = 0; i < 6; ++i) sum[i] += r.fee_lines_hkd[i];
        return Ok{};
      }));
  Report report{"fees",
                "Fee collection by collector, " + day,
                {"channel", "fee", "collector", "amount_hkd"},
                {},
                {false, false, false, true}};
  for (const auto& [channel, sum] : sums) {
    for (size_t i = 0; i < 6; ++i) {
      report.rows.push_back({channel, kCollectors[i].first, kCollectors[i].second,
                             sum[i].round(2, Rounding::kHalfUp).to_string()});
    }
  }
  return report;
}

}  // namespace

Result<Report> transfer_report(Database& db, Date date, bool by_settlement_date) {
  CP_ASSIGN_OR_RETURN(auto transfers, store::load_transfers(db, date, by_settlement_date));
  const std::string day = date.to_string();
  if (transfers.empty() && by_settlement_date) {
    return make_error(ErrorCode::kNotFound, "no funds-transfer instruction for settlement day " +
                                                day +
                                                ": run the EOD of the trading day before it first");
  }
  Report report{
      "transfer",
      by_settlement_date ? "Funds-transfer instructions for settlement day " + day + " (CLR-11)"
                         : "Funds-transfer instructions made by the run of " + day + " (CLR-11)",
      {"channel", "reserve", "settlement_date", "reserve_balance_date", "reserve_balance_basis",
       "reserve_balance_previous_rmb", "trade_dates", "trading_money_payable_rmb",
       "trading_money_receivable_rmb", "risk_funds_due_rmb", "risk_funds_previous_rmb",
       "portfolio_fee_rmb", "dividends_receivable_rmb", "transfer_rmb", "direction", "instruction",
       "closing_balance_rmb", "ca_money_payable_rmb"},
      {},
      {false, false, false, false, false, true, false, true, true, true, true, true, true, true,
       false, false, true, true}};
  for (const auto& t : transfers) {
    // "2024-12-23 60000.00 10:30; 2024-12-24 -25000.00 18:00": each date, its net, its batch.
    std::string dates;
    for (const auto& net : t.inputs.trade_dates) {
      dates += (dates.empty() ? "" : "; ") + net.trade_date.to_string() + " " +
               net.net_rmb.to_string() + " " + std::string(clearing::batch_code(net));
    }
    report.rows.push_back(
        {std::string(channel_code(t.channel)), money_kind_text(t.reserve),
         t.inputs.settlement_date.to_string(), t.reserve_balance_date.to_string(),
         std::string(clearing::balance_basis_code(t.balance_basis)),
         t.inputs.reserve_balance_previous_rmb.to_string(), dates,
         t.transfer.trading_money_payable_rmb.to_string(),
         t.transfer.trading_money_receivable_rmb.to_string(),
         t.inputs.risk_funds_due_rmb.to_string(), t.inputs.risk_funds_previous_rmb.to_string(),
         t.inputs.portfolio_fee_rmb.to_string(), t.inputs.dividends_receivable_rmb.to_string(),
         t.transfer.transfer_rmb.to_string(),
         std::string(clearing::transfer_direction_code(t.transfer.direction)),
         t.transfer.instruction, t.transfer.closing_balance_rmb.to_string(),
         t.inputs.ca_money_payable_rmb.to_string()});
  }
  return report;
}

const std::vector<std::string>& report_names() {
  static const std::vector<std::string> kNames = {"statement",  "csdc",        "transfer",
                                                  "exceptions", "fees",        "pre-clearing",
                                                  "risk-funds", "book-stress", "ca-credits"};
  return kNames;
}

Result<Report> build_report(Database& db, const std::string& name, Date date,
                            const std::string& account) {
  const std::string day = date.to_string();
  CP_ASSIGN_OR_RETURN(std::optional<std::string> digest, stored_run_digest(db, date));
  if (!digest) {
    return make_error(ErrorCode::kNotFound, "no EOD results for " + day + ": run `eod run` first");
  }
  if (name == "statement") return statement(db, day, account);
  if (name == "fees") return fee_collection(db, day);
  if (name == "csdc") {
    CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT channel, reserve, executions, buy_rmb, "
                                            "sell_rmb, net_rmb, commission_rmb, flow, flow_date, "
                                            "cutoff_hkt FROM eod_csdc_obligation WHERE "
                                            "business_date = ? ORDER BY channel, reserve",
                                            {day}));
    return table("csdc", "CSDC settlement summary of " + day,
                 {"channel", "reserve", "executions", "buy_rmb", "sell_rmb", "net_rmb",
                  "commission_rmb", "flow", "date", "cutoff_hkt"},
                 {false, false, true, true, true, true, true, false, false, false}, rows);
  }
  if (name == "transfer") return transfer_report(db, date, false);
  if (name == "risk-funds") {
    CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT channel, reserve, margin_method, marks_hkd, "
                                            "marks_payable_hkd, collateral_hkd, "
                                            "margin_position_hkd, margin_hkd, risk_funds_hkd, "
                                            "rate, risk_funds_rmb, flow_date FROM eod_risk_funds "
                                            "WHERE business_date = ? ORDER BY channel, reserve",
                                            {day}));
    return table(
        "risk-funds", "Risk funds at CSDC of " + day + " (CLR-9)",
        {"channel", "reserve", "margin_method", "marks_hkd", "marks_payable_hkd", "collateral_hkd",
         "margin_position_hkd", "margin_hkd", "risk_funds_hkd", "rate", "risk_funds_rmb", "due"},
        {false, false, false, true, true, true, true, true, true, true, true, false}, rows);
  }
  if (name == "book-stress") {
    // The scenarios in the order the day's library lists them is not stored: by name.
    CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT channel, reserve, scenario, description, "
                                            "long_value_hkd, short_value_hkd, pnl_hkd, loss_hkd, "
                                            "collateral_hkd, shortfall_hkd FROM eod_book_stress "
                                            "WHERE business_date = ? ORDER BY channel, reserve, "
                                            "scenario",
                                            {day}));
    return table("book-stress",
                 "The Southbound book under stress at the close of " + day + " (ORG-4), HKD",
                 {"channel", "reserve", "scenario", "shock", "long_value_hkd", "short_value_hkd",
                  "pnl_hkd", "loss_hkd", "collateral_hkd", "shortfall_hkd"},
                 {false, false, false, false, true, true, true, true, true, true}, rows);
  }
  if (name == "ca-credits") {
    CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT event_id, channel, account_id, reserve, "
                                            "holding, gross_ccy, gross_rmb, enterprise_tax_rmb, "
                                            "tax_rmb, tax_withheld_by, net_rmb, payable_date FROM "
                                            "eod_ca_credit WHERE business_date = ? ORDER BY "
                                            "event_id, channel, account_id",
                                            {day}));
    return table(
        "ca-credits", "Corporate-action cash CSDC cleared on " + day + ", per investor (CLR-7)",
        {"event", "channel", "account", "reserve", "holding", "gross", "gross_rmb",
         "enterprise_tax_rmb", "tax_rmb", "tax_withheld_by", "net_rmb", "payable_date"},
        {false, false, false, false, true, true, true, true, true, false, true, false}, rows);
  }
  if (name == "exceptions") {
    CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT kind, subject, amount_rmb, detail_rmb, "
                                            "penalty_rmb, interest_rmb, action FROM eod_exception "
                                            "WHERE business_date = ? ORDER BY kind, subject",
                                            {day}));
    return table(
        "exceptions", "Overdrafts and settlement defaults of " + day,
        {"kind", "subject", "amount_rmb", "detail_rmb", "penalty_rmb", "interest_rmb", "action"},
        {false, false, true, true, true, true, false}, rows);
  }
  if (name == "pre-clearing") {
    store::QueryResult rows;
    CP_RETURN_IF_ERROR(each_pre_clearing(db, date, [&](const PreClearingRow& pre) -> Result<void> {
      const auto& in = pre.inputs;
      const auto& out = pre.result;
      rows.rows.emplace_back(std::vector<std::optional<std::string>>{
          pre.account_id, in.cash_statement_date.to_string(), in.cash_statement_rmb.to_string(),
          out.settled_since_rmb.to_string(), in.fees_collected_since_rmb.to_string(),
          out.other_settled_since_rmb.to_string(), out.cash_rmb.to_string(),
          out.unsettled_buys_rmb.to_string(), out.unsettled_sells_rmb.to_string(),
          in.portfolio_fee_rmb.to_string(), out.other_unsettled_rmb.to_string(),
          out.todays_buys_rmb.to_string(), in.frozen_at_reference_rmb.to_string(),
          out.frozen_adjustment_rmb.to_string(), out.available_southbound_rmb.to_string(),
          out.available_a_share_rmb.to_string(), std::string(out.notify ? "yes" : "no")});
      return Ok{};
    }));
    // Stored by account: those to notify first, each group still by account.
    std::stable_partition(rows.rows.begin(), rows.rows.end(),
                          [](const Row& row) { return row.text(16) == "yes"; });
    return table(
        "pre-clearing",
        "Pre-clearing and available funds at the close of " + day + " (CLR-13, CLR-14)",
        {"account", "cash_statement_date", "cash_statement_rmb", "settled_since_rmb",
         "fees_collected_since_rmb", "other_settled_since_rmb", "cash_rmb", "unsettled_buys_rmb",
         "unsettled_sells_rmb", "portfolio_fee_rmb", "other_unsettled_rmb", "todays_buys_rmb",
         "frozen_at_reference_rmb", "frozen_adjustment_rmb", "available_southbound_rmb",
         "available_a_share_rmb", "notify"},
        {false, false, true, true, true, true, true, true, true, true, true, true, true, true, true,
         true, false},
        rows);
  }
  return invalid_input(
      "unknown report '" + name +
          "' (statement, csdc, transfer, exceptions, fees, pre-clearing, risk-funds, book-stress, "
          "ca-credits)",
      "report");
}

}  // namespace cp::store
