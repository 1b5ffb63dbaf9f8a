#include "store/ledger_check.h"

#include <map>
#include <optional>
#include <unordered_map>

#include "ledger/journal.h"
#include "store/execution_segments.h"
#include "store/investor_segments.h"
#include "store/posting_segments.h"

namespace cp::store {
namespace {

using store::Row;

const Decimal kZero = Decimal::from_units(0, 2);

// Figures per "channel:reserve" (a handful of keys).
using PerReserve = std::map<std::string, Decimal>;

Decimal at(const PerReserve& sums, const std::string& key) {
  const auto found = sums.find(key);
  return found == sums.end() ? kZero : found->second;
}

// One "a = b" line: a check if they agree, a break naming the difference if not.
void compare(LedgerCheck& out, const std::string& what, const Decimal& left, const Decimal& right) {
  if (left == right) {
    out.checks.push_back(what + ": RMB " + left.to_string_grouped());
  } else {
    out.breaks.push_back(what + ": RMB " + left.to_string_grouped() + " against RMB " +
                         right.to_string_grouped() + ", a difference of RMB " +
                         (left - right).to_string_grouped());
  }
}

struct Journal {
  int64_t entries = 0;
  int64_t postings = 0;
  PerReserve csdc_settlement;  // the CSDC settlement accounts' movements of the day
  // TRADES entry → its investor_unsettled posting (the investor's money of the trade date)
  std::unordered_map<std::string, Decimal> investor_cash;
};

// Check 1, streamed entry by entry (in the order written: an entry's postings are adjacent).
Result<Journal> check_journal_of(Database& db, const std::string& day, LedgerCheck& out) {
  Journal journal;
  std::vector<ledger::Posting> entry;
  auto flush = [&] {
    if (entry.empty()) return;
    ++journal.entries;
    for (const auto& item : ledger::check_journal(entry)) {
      out.breaks.push_back(item.entry + ": " + item.message);
    }
    entry.clear();
  };
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
  CP_RETURN_IF_ERROR(
      each_posting(db, date, [&](const ledger::Posting& posting, int64_t) -> Result<void> {
        if (!entry.empty() && entry.front().entry != posting.entry) flush();
        ledger::Posting& p = entry.emplace_back(posting);
        ++journal.postings;
        // The day's obligations are its trade-date, charge and corporate-action credit entries
        // (CSDC owes those: negative) and non-trade transfers' fees; settlement-day entries
        // pay earlier ones (CLR-3) and are checked by balancing alone.
        constexpr std::string_view kCsdc = "csdc_settlement:";
        const bool obligation = p.entry.starts_with("TRADES:") || p.entry.starts_with("PF:") ||
                                p.entry.starts_with("CA:") || p.entry.starts_with("NTT:");
        if (obligation && p.account.starts_with(kCsdc)) {
          journal.csdc_settlement[p.account.substr(kCsdc.size())] += p.amount;
        } else if (p.account.starts_with("investor_unsettled:") && p.entry.starts_with("TRADES:")) {
          journal.investor_cash[p.entry] += p.amount;
        }
        return Ok{};
      }));
  flush();
  if (journal.postings > 0 && out.breaks.empty()) {
    out.checks.push_back("journal: " + std::to_string(journal.entries) + " entries, " +
                         std::to_string(journal.postings) +
                         " postings, each balanced per asset; client and own money apart");
  }
  return journal;
}

// The CLR-11 instructions the run made: each trade date's net is that date's stored CSDC net,
// the payable term is the sum of the nets paid at 10:30, the first day's risk funds due are the
// run's own, and the transfer is the formula over the stored terms.
Result<void> check_transfers(Database& db, const std::string& day, const PerReserve& risk_funds,
                             LedgerCheck& out) {
  std::map<std::string, Decimal> paid;  // "channel:reserve:S" → Σ 10:30 nets
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT d.channel || ':' || d.reserve || ':' || d.settlement_date, d.trade_date, "
      "d.net_rmb, d.batch, c.net_rmb FROM eod_transfer_trade_date d LEFT JOIN "
      "eod_csdc_obligation c ON c.business_date = d.trade_date AND c.channel = d.channel AND "
      "c.reserve = d.reserve WHERE d.business_date = ?",
      {day}, [&](const Row& row) -> Result<void> {
        const Decimal stored = row.is_null(4) ? kZero : row.decimal(4);
        compare(out, "CLR-11 " + row.text(0) + ": the net of " + row.text(1) + " = its CSDC net",
                row.decimal(2), stored);
        if (row.text(3) == "10:30") paid[row.text(0)] += row.decimal(2);
        return Ok{};
      }));
  std::map<std::string, std::string> first_day;  // channel:reserve → its first instructed day
  return db.query_each(
      "SELECT channel || ':' || reserve, settlement_date, reserve_balance_previous_rmb, "
      "trading_money_payable_rmb, risk_funds_due_rmb, risk_funds_previous_rmb, "
      "portfolio_fee_rmb, dividends_receivable_rmb, transfer_rmb, ca_money_payable_rmb FROM "
      "eod_transfer WHERE "
      "business_date = ? ORDER BY channel, reserve, settlement_date",
      {day}, [&](const Row& row) -> Result<void> {
        const std::string key = row.text(0);
        const std::string what = "CLR-11 " + key + ":" + row.text(1);
        compare(out, what + ": payable = the trade dates paid at 10:30", row.decimal(3),
                at(paid, key + ":" + row.text(1)));
        if (first_day.emplace(key, row.text(1)).second) {
          compare(out, what + ": risk funds due = the run's risk funds", row.decimal(4),
                  at(risk_funds, key));
        }
        compare(out,
                what +
                    ": transfer = balance − payable − due + previous − fee + dividends − "
                    "corporate-action money payable",
                row.decimal(8),
                row.decimal(2) - row.decimal(3) - row.decimal(4) + row.decimal(5) - row.decimal(6) +
                    row.decimal(7) - row.decimal(9));
        return Ok{};
      });
}

// Check 2: the stored results against each other and the journal.
Result<void> check_totals(Database& db, const std::string& day, const Journal& journal,
                          LedgerCheck& out) {
  PerReserve csdc_net;
  PerReserve csdc_commission;
  std::map<std::string, int64_t> csdc_executions;
  CP_RETURN_IF_ERROR(
      db.query_each("SELECT channel || ':' || reserve, net_rmb, commission_rmb, executions FROM "
                    "eod_csdc_obligation WHERE business_date = ?",
                    {day}, [&](const Row& row) -> Result<void> {
                      csdc_net[row.text(0)] = row.decimal(1);
                      csdc_commission[row.text(0)] = row.decimal(2);
                      csdc_executions[row.text(0)] = row.integer(3);
                      return Ok{};
                    }));
  PerReserve investors_net;
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
  CP_RETURN_IF_ERROR(each_investor_obligation(
      db, date, "", [&](const StoredInvestorObligation& investor) -> Result<void> {
        const std::string channel(channel_code(investor.channel));
        investors_net[channel + ":" + money_kind_text(investor.reserve)] += investor.net_rmb;
        const std::string entry = "TRADES:" + investor.account_id + ":" + channel;
        const auto posted = journal.investor_cash.find(entry);
        const Decimal cash = posted == journal.investor_cash.end() ? kZero : posted->second;
        if (cash != -investor.net_rmb) {
          out.breaks.push_back(entry + ": investor money posting RMB " + cash.to_string_grouped() +
                               " but the investor's net obligation is RMB " +
                               investor.net_rmb.to_string_grouped() +
                               " (the posting is its negative)");
        }
        return Ok{};
      }));
  PerReserve executions_csdc;
  std::map<std::string, int64_t> executions_count;
  CP_RETURN_IF_ERROR(
      each_execution_result(db, date, "", [&](const StoredExecutionResult& r) -> Result<void> {
        const std::string key =
            std::string(channel_code(r.execution.channel)) + ":" + money_kind_text(r.reserve);
        executions_csdc[key] += r.execution.side == Side::kBuy ? r.csdc_rmb : -r.csdc_rmb;
        ++executions_count[key];
        return Ok{};
      }));
  PerReserve portfolio_fee;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel || ':' || reserve, fee_rmb FROM eod_portfolio_fee WHERE business_date = ?",
      {day}, [&](const Row& row) -> Result<void> {
        portfolio_fee[row.text(0)] += row.decimal(1);
        return Ok{};
      }));
  PerReserve risk_funds;
  CP_RETURN_IF_ERROR(
      db.query_each("SELECT channel || ':' || reserve, risk_funds_rmb FROM eod_risk_funds WHERE "
                    "business_date = ?",
                    {day}, [&](const Row& row) -> Result<void> {
                      risk_funds[row.text(0)] = row.decimal(1);
                      return Ok{};
                    }));

  for (const auto& [key, net] : csdc_net) {
    compare(out, "CLR-17 " + key + ": investors' nets = CSDC net + commission",
            at(investors_net, key), net + at(csdc_commission, key));
    compare(out, "CLR-17 " + key + ": executions' CSDC amounts = CSDC net",
            at(executions_csdc, key), net);
    if (executions_count[key] != csdc_executions[key]) {
      out.breaks.push_back("CLR-17 " + key + ": " + std::to_string(executions_count[key]) +
                           " execution results but CSDC's net counts " +
                           std::to_string(csdc_executions[key]));
    }
  }
  for (const auto& [key, net] : investors_net) {
    if (!csdc_net.count(key)) {
      out.breaks.push_back("CLR-17 " + key + ": investor obligations without a CSDC net");
    }
  }
  PerReserve ca_credits;  // CLR-7: the corporate-action cash CSDC owes for the date's clearing
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel || ':' || reserve, net_rmb FROM eod_ca_credit WHERE business_date = ?", {day},
      [&](const Row& row) -> Result<void> {
        ca_credits[row.text(0)] += row.decimal(1);
        return Ok{};
      }));
  PerReserve non_trade_fees;  // CLR-10: the fees of the date's non-trade transfers, owed to CSDC
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel || ':' || reserve, transfer_fee_rmb, stamp_duty_rmb FROM eod_non_trade_fee "
      "WHERE business_date = ?",
      {day}, [&](const Row& row) -> Result<void> {
        non_trade_fees[row.text(0)] += row.decimal(1) + row.decimal(2);
        return Ok{};
      }));
  std::map<std::string, bool> reserves;  // every channel:reserve with a movement or instruction
  for (const PerReserve* sums : std::initializer_list<const PerReserve*>{
           &csdc_net, &portfolio_fee, &ca_credits, &non_trade_fees, &journal.csdc_settlement}) {
    for (const auto& [key, value] : *sums) reserves[key] = true;
  }
  for (const auto& [key, unused] : reserves) {
    compare(
        out,
        "CLR-17 " + key +
            ": journal's CSDC settlement account = CSDC net + portfolio fee − "
            "corporate-action cash + non-trade transfer fees",
        at(journal.csdc_settlement, key),
        at(csdc_net, key) + at(portfolio_fee, key) - at(ca_credits, key) + at(non_trade_fees, key));
  }
  return check_transfers(db, day, risk_funds, out);
}

// Check 3: client money, book against actual, at the close of the latest bank statement before D.
Result<void> check_client_money(Database& db, const std::string& day, LedgerCheck& out) {
  CP_ASSIGN_OR_RETURN(auto bank, db.query("SELECT balance_date, balance_rmb FROM bank_balance "
                                          "WHERE reserve = 'client' AND balance_date < ? ORDER "
                                          "BY balance_date DESC LIMIT 1",
                                          {day}));
  if (bank.rows.empty()) {
    out.notes.push_back(
        "CLR-17 client money, book against actual: not checked, no client bank "
        "statement before " +
        day + " (import bank)");
    return Ok{};
  }
  const std::string as_of = bank.rows[0].text(0);
  const Decimal bank_rmb = bank.rows[0].decimal(1);
  // Each client account's latest RMB statement on or before P (ordered: the last wins).
  std::unordered_map<std::string, Decimal> cash;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT c.account_id, c.amount FROM opening_cash c JOIN account a ON a.account_id = "
      "c.account_id WHERE a.money_kind = 'client' AND c.currency = 'CNY' AND c.as_of <= ? "
      "ORDER BY c.account_id, c.as_of",
      {as_of}, [&](const Row& row) -> Result<void> {
        cash[row.text(0)] = row.decimal(1);
        return Ok{};
      }));
  Decimal investors_rmb = kZero;
  for (const auto& [account, amount] : cash) investors_rmb += amount;
  Decimal in_transit_rmb = kZero;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT fee_rmb FROM eod_portfolio_fee WHERE reserve = 'client' AND business_date <= ? AND "
      "collection_date > ?",
      {as_of, as_of}, [&](const Row& row) -> Result<void> {
        in_transit_rmb += row.decimal(0);
        return Ok{};
      }));
  Decimal reserves_rmb = kZero;
  std::string reserves_text;
  for (const char* channel : {"sh", "sz"}) {
    CP_ASSIGN_OR_RETURN(auto reserve,
                        db.query("SELECT balance_rmb FROM reserve_balance WHERE channel = ? AND "
                                 "reserve = 'client' AND balance_date <= ? ORDER BY balance_date "
                                 "DESC LIMIT 1",
                                 {std::string(channel), as_of}));
    if (reserve.rows.empty()) continue;
    reserves_rmb += reserve.rows[0].decimal(0);
    reserves_text +=
        std::string(", ") + channel + " reserve " + reserve.rows[0].decimal(0).to_string_grouped();
  }
  const std::string what =
      "CLR-17 client money at the close of " + as_of + ": held (bank " +
      bank_rmb.to_string_grouped() + reserves_text + ") = owed (investors' cash " +
      investors_rmb.to_string_grouped() + " of " + std::to_string(cash.size()) +
      " accounts, portfolio fee in transit " + in_transit_rmb.to_string_grouped() + ")";
  compare(out, what, bank_rmb + reserves_rmb, investors_rmb + in_transit_rmb);
  return Ok{};
}

}  // namespace

Result<LedgerCheck> check_ledger(Database& db, Date business_date) {
  const std::string day = business_date.to_string();
  LedgerCheck out;
  CP_ASSIGN_OR_RETURN(Journal journal, check_journal_of(db, day, out));
  if (journal.postings == 0) {
    return make_error(ErrorCode::kNotFound, "no journal for " + day + ": run the EOD first");
  }
  CP_RETURN_IF_ERROR(check_totals(db, day, journal, out));
  CP_RETURN_IF_ERROR(check_client_money(db, day, out));
  return out;
}

}  // namespace cp::store
