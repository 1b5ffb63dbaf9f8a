#include "store/ca_store.h"

#include <algorithm>
#include <filesystem>

#include "corpactions/securities_movement.h"
#include "store/input_generation.h"

namespace cp::store {
namespace {

using corpactions::CorporateAction;

Value date_or_null(const std::optional<Date>& date) {
  return date ? Value(date->to_string()) : null_value();
}
Value decimal_or_null(const std::optional<Decimal>& value) {
  return value ? decimal_value(*value) : null_value();
}
Value instant_or_null(const std::optional<corpactions::HktInstant>& instant) {
  return instant ? Value(instant->to_string()) : null_value();
}

constexpr const char* kEventColumns =
    "event_id, action_type, security_code, ex_date, record_date, payment_date, currency, rate, "
    "price, ratio_new, ratio_old, new_security_code, board_lot_after, issuer_type, election_open, "
    "csdc_deadline, hkscc_deadline, options, source";

Result<CorporateAction> event_of(const Row& row) {
  CorporateAction a;
  a.event_id = row.text(0);
  CP_ASSIGN_OR_RETURN(a.type, corpactions::parse_action_type(row.text(1)));
  a.security_code = row.text(2);
  const auto date = [&](size_t col) -> Result<std::optional<Date>> {
    if (row.is_null(col)) return std::optional<Date>();
    CP_ASSIGN_OR_RETURN(const Date d, Date::parse(row.text(col)));
    return std::optional<Date>(d);
  };
  CP_ASSIGN_OR_RETURN(a.ex_date, date(3));
  CP_ASSIGN_OR_RETURN(a.record_date, date(4));
  CP_ASSIGN_OR_RETURN(a.payment_date, date(5));
  if (!row.is_null(6)) {
    CP_ASSIGN_OR_RETURN(a.currency, parse_currency(row.text(6)));
  }
  if (!row.is_null(7)) a.rate = row.decimal(7);
  if (!row.is_null(8)) a.price = row.decimal(8);
  if (!row.is_null(9)) a.ratio = corpactions::Ratio{row.integer(9), row.integer(10)};
  a.new_security_code = row.text(11);
  if (!row.is_null(12)) a.board_lot_after = row.integer(12);
  CP_ASSIGN_OR_RETURN(a.issuer_type, corpactions::parse_issuer_type(row.text(13)));
  const auto instant = [&](size_t col) -> Result<std::optional<corpactions::HktInstant>> {
    if (row.is_null(col)) return std::optional<corpactions::HktInstant>();
    CP_ASSIGN_OR_RETURN(const auto i, corpactions::parse_hkt_instant(row.text(col)));
    return std::optional<corpactions::HktInstant>(i);
  };
  CP_ASSIGN_OR_RETURN(a.election_open, instant(14));
  CP_ASSIGN_OR_RETURN(a.csdc_deadline, instant(15));
  CP_ASSIGN_OR_RETURN(a.hkscc_deadline, instant(16));
  CP_ASSIGN_OR_RETURN(a.options, corpactions::parse_options_text(row.text(17)));
  a.source = row.text(18);
  return a;
}

}  // namespace

Result<ImportCounts> import_ca_events(Database& db, const std::vector<CorporateAction>& events,
                                      const std::string& file) {
  const std::string file_name = std::filesystem::path(file).filename().string();
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const CorporateAction& a : events) {
    const std::string canonical = corpactions::canonical_text(a);
    CP_ASSIGN_OR_RETURN(
        auto stored,
        db.query("SELECT canonical, imported_from FROM ca_event WHERE event_id = ?", {a.event_id}));
    if (!stored.rows.empty()) {
      if (stored.rows[0].text(0) == canonical) {
        ++counts.unchanged;
        continue;
      }
      return make_error(ErrorCode::kConflict,
                        file_name + ": event " + a.event_id + " is already announced (from " +
                            stored.rows[0].text(1) +
                            ") with other terms: a second announcement of an event is refused; "
                            "nothing was stored");
    }
    CP_RETURN_IF_ERROR(
        db.execute(std::string("INSERT INTO ca_event (") + kEventColumns +
                       ", canonical, imported_from) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {a.event_id,
                    std::string(corpactions::action_type_code(a.type)),
                    a.security_code,
                    date_or_null(a.ex_date),
                    date_or_null(a.record_date),
                    date_or_null(a.payment_date),
                    a.currency ? Value(std::string(currency_code(*a.currency))) : null_value(),
                    decimal_or_null(a.rate),
                    decimal_or_null(a.price),
                    a.ratio ? Value(a.ratio->new_units) : null_value(),
                    a.ratio ? Value(a.ratio->old_units) : null_value(),
                    a.new_security_code,
                    a.board_lot_after ? Value(*a.board_lot_after) : null_value(),
                    std::string(corpactions::issuer_type_code(a.issuer_type)),
                    instant_or_null(a.election_open),
                    instant_or_null(a.csdc_deadline),
                    instant_or_null(a.hkscc_deadline),
                    corpactions::options_text(a.options),
                    a.source,
                    canonical,
                    file_name}));
    ++counts.inserted;
  }
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::vector<CorporateAction>> ca_events(Database& db) {
  CP_ASSIGN_OR_RETURN(
      auto result,
      db.query(std::string("SELECT ") + kEventColumns +
               " FROM ca_event ORDER BY COALESCE(record_date, csdc_deadline), event_id"));
  std::vector<CorporateAction> out;
  out.reserve(result.rows.size());
  for (const Row& row : result.rows) {
    CP_ASSIGN_OR_RETURN(CorporateAction a, event_of(row));
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<CorporateAction>> ca_events_distributing_securities(Database& db, Date after,
                                                                       Date through) {
  // A rights issue's rights are credited the day after its record date
  // (corpactions::rights_credit_date): record dates in [after, through) reach them; the pure
  // function then keeps the events with a step in (after, through].
  CP_ASSIGN_OR_RETURN(
      auto result,
      db.query(std::string("SELECT ") + kEventColumns +
                   " FROM ca_event WHERE (payment_date > ? AND payment_date <= ? AND action_type "
                   "IN ('bonus_shares', 'bonus_warrants', 'split', 'consolidation', 'takeover', "
                   "'scrip_dividend', 'rights_issue', 'open_offer')) OR (action_type = "
                   "'rights_issue' AND record_date >= ? AND record_date < ?) "
                   "ORDER BY payment_date, event_id",
               {after.to_string(), through.to_string(), after.to_string(), through.to_string()}));
  std::vector<CorporateAction> out;
  for (const Row& row : result.rows) {
    CP_ASSIGN_OR_RETURN(CorporateAction a, event_of(row));
    if (!corpactions::securities_steps_in(a, after, through).empty()) out.push_back(std::move(a));
  }
  return out;
}

Result<CorporateAction> ca_event(Database& db, const std::string& event_id) {
  CP_ASSIGN_OR_RETURN(auto result, db.query(std::string("SELECT ") + kEventColumns +
                                                " FROM ca_event WHERE event_id = ?",
                                            {event_id}));
  if (result.rows.empty()) {
    return make_error(ErrorCode::kNotFound, "no corporate action " + event_id +
                                                " (import its announcement: import ca-events)");
  }
  return event_of(result.rows[0]);
}

Result<SecurityHolders> security_holders_in_statement(Database& db, Channel channel, Date as_of,
                                                      const std::string& security_code) {
  SecurityHolders out;
  CP_ASSIGN_OR_RETURN(
      auto latest,
      db.query("SELECT MAX(as_of) FROM opening_position WHERE as_of <= ?", {as_of.to_string()}));
  if (latest.rows.empty() || latest.rows[0].is_null(0)) return out;
  const std::string statement_date = latest.rows[0].text(0);
  CP_ASSIGN_OR_RETURN(out.statement_date, Date::parse(statement_date));
  CP_ASSIGN_OR_RETURN(
      auto count, db.query("SELECT COUNT(*) FROM opening_position WHERE as_of = ? "
                           "AND channel = ? AND security_code = ?",
                           {statement_date, std::string(channel_code(channel)), security_code}));
  out.holdings.reserve(static_cast<size_t>(count.rows[0].integer(0)));
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT account_id, quantity FROM opening_position WHERE as_of = ? AND channel = ? AND "
      "security_code = ? ORDER BY account_id",
      {statement_date, std::string(channel_code(channel)), security_code},
      [&](const Row& row) -> Result<void> {
        out.holdings.push_back({row.text(0), security_code, row.integer(1)});
        return Ok{};
      }));
  // PostgreSQL orders text by the database's collation, which need not be the bytes' order.
  const auto by_id = [](const clearing::Holding& a, const clearing::Holding& b) {
    return a.account_id < b.account_id;
  };
  if (!std::is_sorted(out.holdings.begin(), out.holdings.end(), by_id)) {
    std::sort(out.holdings.begin(), out.holdings.end(), by_id);
  }
  // The types: every holder's account is in the book (a foreign key), and most are
  // individuals', so the ids of each other type are read from the index on (account_type,
  // account_id) (migration 0048) and walked beside the holders. Not a lookup per holder: at 2
  // million holders the join took longer than the rest of the run. (Not bounded by the holders'
  // first and last ids: under a collation other than the bytes' that range is another set.)
  out.account_types.assign(out.holdings.size(), AccountType::kIndividual);
  if (out.holdings.empty()) return out;
  for (const AccountType type : {AccountType::kInstitution, AccountType::kProprietary}) {
    std::vector<std::string> ids;
    CP_RETURN_IF_ERROR(
        db.query_each("SELECT account_id FROM account WHERE account_type = ? ORDER BY account_id",
                      {std::string(account_type_code(type))}, [&](const Row& row) -> Result<void> {
                        ids.push_back(row.text(0));
                        return Ok{};
                      }));
    if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
    size_t next = 0;
    for (size_t i = 0; i < out.holdings.size() && next < ids.size(); ++i) {
      const std::string& id = out.holdings[i].account_id;
      while (next < ids.size() && ids[next] < id) ++next;
      if (next < ids.size() && ids[next] == id) out.account_types[i] = type;
    }
  }
  return out;
}

Result<TextMap<AccountType>> account_types_of(Database& db,
                                              const std::vector<std::string>& account_ids) {
  TextMap<AccountType> out;
  for (const std::string& id : account_ids) {
    CP_ASSIGN_OR_RETURN(auto found,
                        db.query("SELECT account_type FROM account WHERE account_id = ?", {id}));
    if (found.rows.empty()) continue;
    CP_ASSIGN_OR_RETURN(const AccountType type, parse_account_type(found.rows[0].text(0)));
    out.emplace(id, type);
  }
  return out;
}

Result<ImportCounts> import_ca_payments(Database& db,
                                        const std::vector<corpactions::CsdcPayment>& payments,
                                        const std::string& file) {
  const std::string file_name = std::filesystem::path(file).filename().string();
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const auto& p : payments) {
    const std::string channel(channel_code(p.channel));
    CP_ASSIGN_OR_RETURN(auto stored,
                        db.query("SELECT currency, rmb_per_unit, clearing_date, imported_from FROM "
                                 "ca_payment WHERE event_id = ? AND channel = ?",
                                 {p.event_id, channel}));
    if (!stored.rows.empty()) {
      const Row& row = stored.rows[0];
      if (row.text(0) == currency_code(p.currency) && row.decimal(1) == p.rmb_per_unit &&
          row.text(2) == p.clearing_date.to_string()) {
        ++counts.unchanged;
        continue;
      }
      return make_error(ErrorCode::kConflict,
                        file_name + ": CSDC's clearing of event " + p.event_id + " on the " +
                            channel + " channel is already stored (from " + row.text(3) +
                            ") with another rate or date; nothing was stored");
    }
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO ca_payment (event_id, channel, currency, rmb_per_unit, clearing_date, source, "
        "imported_from) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {p.event_id, channel, std::string(currency_code(p.currency)), decimal_value(p.rmb_per_unit),
         p.clearing_date.to_string(), p.source, file_name}));
    ++counts.inserted;
  }
  if (counts.inserted > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::optional<corpactions::CsdcPayment>> ca_payment(Database& db,
                                                           const std::string& event_id,
                                                           Channel channel) {
  CP_ASSIGN_OR_RETURN(auto result,
                      db.query("SELECT currency, rmb_per_unit, clearing_date, source FROM "
                               "ca_payment WHERE event_id = ? AND channel = ?",
                               {event_id, std::string(channel_code(channel))}));
  if (result.rows.empty()) return std::optional<corpactions::CsdcPayment>();
  const Row& row = result.rows[0];
  corpactions::CsdcPayment p;
  p.event_id = event_id;
  p.channel = channel;
  CP_ASSIGN_OR_RETURN(p.currency, parse_currency(row.text(0)));
  p.rmb_per_unit = row.decimal(1);
  CP_ASSIGN_OR_RETURN(p.clearing_date, Date::parse(row.text(2)));
  p.source = row.text(3);
  return std::optional<corpactions::CsdcPayment>(std::move(p));
}

}  // namespace cp::store
