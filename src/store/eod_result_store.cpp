#include "store/eod_result_store.h"

#include "store/execution_segments.h"
#include "store/input_generation.h"
#include "store/investor_segments.h"
#include "store/journal_store.h"
#include "store/posting_segments.h"
#include "store/transfer_store.h"

namespace cp::store {
namespace {

using store::Value;

Value dec(const Decimal& value) {
  return store::decimal_value(value);
}

}  // namespace

Result<void> delete_results(Database& db, Date date) {
  const std::string day = date.to_string();
  for (const char* table :
       {"eod_csdc_obligation", "eod_risk_funds", "eod_transfer", "eod_transfer_trade_date",
        "eod_portfolio_fee", "eod_exception", "eod_fx_rate", "eod_transfer_reissue",
        "eod_settlement_delay", "eod_book_stress", "eod_ca_credit", "eod_non_trade_fee"}) {
    CP_RETURN_IF_ERROR(
        db.execute(std::string("DELETE FROM ") + table + " WHERE business_date = ?", {day}));
  }
  CP_RETURN_IF_ERROR(delete_investor_results(db, date));
  CP_RETURN_IF_ERROR(delete_execution_results(db, date));
  CP_RETURN_IF_ERROR(delete_postings(db, date));
  CP_RETURN_IF_ERROR(
      db.execute("DELETE FROM eod_run WHERE business_date = ? AND job = ?", {day, "eod"}));
  return Ok{};
}

namespace {

// Checks that an entry balances, encodes it and empties it.
void add_entry(JournalSegments& journal, std::vector<ledger::Posting>& entry) {
  CP_ASSERT(ledger::check_journal(entry).empty(), "a journal entry does not balance");
  for (const auto& posting : entry) journal.add(posting);
  entry.clear();
}

}  // namespace

JournalSegments encode_trade_date_entries(const clearing::ClearingResult& result) {
  JournalSegments journal;
  std::vector<ledger::Posting> entry;
  for (const auto& investor : result.investors) {
    ledger::add_trade_date_entry(investor, entry);
    add_entry(journal, entry);
  }
  return journal;
}

void encode_charges(JournalSegments& journal, const std::vector<ledger::Posting>& charges) {
  std::vector<ledger::Posting> entry;
  for (size_t next = 0; next < charges.size();) {
    const std::string& id = charges[next].entry;
    while (next < charges.size() && charges[next].entry == id) entry.push_back(charges[next++]);
    add_entry(journal, entry);
  }
  journal.finish();
}

JournalSegments encode_journal(const clearing::ClearingResult& result,
                               const std::vector<ledger::Posting>& charges) {
  JournalSegments journal = encode_trade_date_entries(result);
  encode_charges(journal, charges);
  return journal;
}

Result<int64_t> write_results(Database& db, Date date, const DayResults& day_results,
                              std::string_view finished_at_utc) {
  const auto& result = day_results.result;
  const auto& settles_on = day_results.settles_on;
  const auto& report = day_results.report;
  const std::string day = date.to_string();
  // Column-packed segments: millions of investors on a big day (migration 0034).
  CP_RETURN_IF_ERROR(write_investor_obligations(db, date, result.investors, settles_on));
  for (const auto& s : report.settlements) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_csdc_obligation (business_date, channel, reserve, executions, buy_rmb, "
        "sell_rmb, net_rmb, commission_rmb, flow, flow_date, cutoff_hkt, planned_flow_date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {day, std::string(channel_code(s.channel)), money_kind_text(s.reserve),
         s.obligation.executions, dec(s.obligation.buy_rmb), dec(s.obligation.sell_rmb),
         dec(s.obligation.net_rmb), dec(s.obligation.commission_rmb), s.flow,
         s.flow_date.to_string(), s.cutoff_hkt.to_string(), s.flow_date.to_string()}));
  }
  CP_ASSIGN_OR_RETURN(const int64_t postings,
                      write_journal_segments(db, date, day_results.journal.payloads()));
  // The run's results are later runs' inputs.
  CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  for (const auto& r : report.reserves) {
    const std::string ch(channel_code(r.channel));
    const auto& k = r.risk;
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_risk_funds (business_date, channel, reserve, marks_hkd, "
        "marks_payable_hkd, long_value_hkd, short_value_hkd, collateral_hkd, margin_position_hkd, "
        "margin_hkd, risk_funds_hkd, rate, risk_funds_rmb, flow_date, margin_method, "
        "margin_figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {day, ch, money_kind_text(r.reserve), dec(k.marks_hkd), dec(k.marks_payable_hkd),
         dec(k.long_value_hkd), dec(k.short_value_hkd), dec(k.collateral_hkd),
         dec(k.margin_position_hkd), dec(k.margin_hkd), dec(k.risk_funds_hkd), dec(r.rate),
         dec(k.risk_funds_rmb), r.risk_funds_date.to_string(),
         std::string(clearing::risk_margin_method_code(k.method)),
         k.margin_figures_json.empty() ? Value() : Value(k.margin_figures_json)}));
  }
  for (const auto& b : report.book_stress) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_book_stress (business_date, channel, reserve, scenario, description, "
        "long_value_hkd, short_value_hkd, pnl_hkd, loss_hkd, collateral_hkd, shortfall_hkd) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {day, std::string(channel_code(b.channel)), money_kind_text(b.reserve), b.scenario,
         b.description, dec(b.long_value_hkd), dec(b.short_value_hkd), dec(b.pnl_hkd),
         dec(b.loss_hkd), dec(b.collateral_hkd), dec(b.shortfall_hkd)}));
  }
  for (const auto& c : report.ca_credits) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_ca_credit (business_date, event_id, channel, account_id, reserve, "
        "holding, gross_ccy, gross_rmb, enterprise_tax_rmb, tax_rmb, tax_withheld_by, net_rmb, "
        "payable_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {day, c.event_id, std::string(channel_code(c.channel)), c.account_id,
         money_kind_text(c.reserve), c.holding, dec(c.gross_ccy), dec(c.money.gross_rmb),
         dec(c.money.enterprise_tax_rmb), dec(c.money.individual_tax_rmb),
         std::string(corpactions::withholding_agent_code(c.money.individual_tax_agent)),
         dec(c.money.net_rmb), c.payable_date.to_string()}));
  }
  for (const auto& f : report.non_trade_fees) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_non_trade_fee (business_date, transfer_id, channel, account_id, reserve, "
        "transfer_fee_rmb, stamp_duty_rmb, settlement_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {day, f.transfer_id, std::string(channel_code(f.channel)), f.account_id,
         money_kind_text(f.reserve), dec(f.transfer_fee_rmb), dec(f.stamp_duty_rmb),
         f.settlement_date.to_string()}));
  }
  CP_RETURN_IF_ERROR(write_transfers(db, date, report.transfers));
  CP_RETURN_IF_ERROR(write_pre_clearing(db, date, report.pre_clearing));
  CP_RETURN_IF_ERROR(write_reissues(db, date, report.reissues));
  CP_RETURN_IF_ERROR(write_delays(db, date, report.delays));
  for (const auto& fee : report.portfolio_fees) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_portfolio_fee (business_date, account_id, channel, reserve, value_hkd, "
        "days, fee_hkd, fee_rmb, collection_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {day, fee.account_id, std::string(channel_code(fee.channel)), money_kind_text(fee.reserve),
         dec(fee.charge.value_hkd), fee.charge.days, dec(fee.charge.fee_hkd),
         dec(fee.charge.fee_rmb), fee.collection_date.to_string()}));
  }
  for (const auto& x : report.exceptions) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_exception (business_date, kind, subject, amount_rmb, detail_rmb, "
        "penalty_rmb, interest_rmb, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {day, x.kind, x.subject, dec(x.amount_rmb), dec(x.detail_rmb), dec(x.penalty_rmb),
         dec(x.interest_rmb), x.action}));
  }
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO eod_run (business_date, job, finished_at, input_rows, result_digest) "
                 "VALUES (?, ?, ?, ?, ?)",
                 {day, "eod", std::string(finished_at_utc), report.executions, report.digest}));
  return postings;
}

Result<void> move_settlements(Database& db, const eod::DelayedSettlements& delayed) {
  for (const auto& m : delayed.moves) {
    CP_RETURN_IF_ERROR(
        move_settlement(db, m.trade_date, m.channel, m.payable_date, m.receivable_date));
  }
  for (const auto& m : delayed.fee_moves) {
    CP_RETURN_IF_ERROR(move_fee_collection(db, m.business_date, m.channel, m.collection_date));
  }
  return Ok{};
}

Result<FirstPlans> first_plans_of(Database& db, Date date) {
  FirstPlans out;
  const std::string day = date.to_string();
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel, planned_settlement_date FROM eod_investor_settlement WHERE business_date = "
      "?",
      {day}, [&](const Row& row) -> Result<void> {
        out.investors[row.text(0)] = row.text(1);
        return Ok{};
      }));
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel, reserve, flow, planned_flow_date FROM eod_csdc_obligation WHERE "
      "business_date = ? AND planned_flow_date IS NOT NULL",
      {day}, [&](const Row& row) -> Result<void> {
        out.csdc[{row.text(0), row.text(1), row.text(2)}] = row.text(3);
        return Ok{};
      }));
  return out;
}

Result<void> keep_first_plans(Database& db, Date date, const FirstPlans& plans) {
  const std::string day = date.to_string();
  for (const auto& [channel, planned] : plans.investors) {
    CP_RETURN_IF_ERROR(db.execute(
        "UPDATE eod_investor_settlement SET planned_settlement_date = ? WHERE business_date = ? "
        "AND channel = ?",
        {planned, day, channel}));
  }
  for (const auto& [key, planned] : plans.csdc) {
    const auto& [channel, reserve, flow] = key;
    CP_RETURN_IF_ERROR(db.execute(
        "UPDATE eod_csdc_obligation SET planned_flow_date = ? WHERE business_date = ? AND "
        "channel = ? AND reserve = ? AND flow = ?",
        {planned, day, channel, reserve, flow}));
  }
  return Ok{};
}

Result<void> write_fx_rates(Database& db, Date date,
                            const std::map<Channel, clearing::FxRates>& rates) {
  for (const auto& [channel, fx] : rates) {
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_fx_rate (business_date, channel, reference_buy, reference_sell, "
        "settlement_buy, settlement_sell) VALUES (?, ?, ?, ?, ?, ?)",
        {date.to_string(), std::string(channel_code(channel)), dec(fx.reference_buy),
         dec(fx.reference_sell), dec(fx.settlement_buy), dec(fx.settlement_sell)}));
  }
  return Ok{};
}

}  // namespace cp::store
