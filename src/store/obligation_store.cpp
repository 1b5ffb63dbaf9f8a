#include "store/obligation_store.h"

#include <map>
#include <set>

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "o.obligation_id, o.participant, o.arising_date, o.kind, o.amount_hkd, o.channel, "
    "o.deadline_date, o.deadline_hkt, o.report, o.report_date, o.report_hkt, o.basis, "
    "o.defaulted_at";

Result<risk::PaymentChannel> parse_channel(const std::string& text) {
  for (auto channel :
       {risk::PaymentChannel::kChatsPaymentInstruction, risk::PaymentChannel::kChatsOrBankTransfer,
        risk::PaymentChannel::kDirectDebit, risk::PaymentChannel::kBankTransfer}) {
    if (text == risk::payment_channel_code(channel)) return channel;
  }
  return make_error(ErrorCode::kStorage, "damaged: payment channel '" + text + "'");
}

Result<StoredObligation> read_row(const Row& row) {
  StoredObligation out;
  risk::Obligation& o = out.obligation;
  o.id = row.text(0);
  out.participant = row.text(1);
  CP_ASSIGN_OR_RETURN(out.arising_date, Date::parse(row.text(2)));
  CP_ASSIGN_OR_RETURN(o.kind, risk::parse_obligation_kind(row.text(3)));
  o.amount_hkd = row.decimal(4);
  CP_ASSIGN_OR_RETURN(o.channel, parse_channel(row.text(5)));
  CP_ASSIGN_OR_RETURN(o.deadline_date, Date::parse(row.text(6)));
  CP_ASSIGN_OR_RETURN(o.deadline_hkt, TimeOfDay::parse(row.text(7)));
  o.report = row.text(8);
  CP_ASSIGN_OR_RETURN(o.report_date, Date::parse(row.text(9)));
  CP_ASSIGN_OR_RETURN(o.report_hkt, TimeOfDay::parse(row.text(10)));
  o.basis = row.text(11);
  if (!row.is_null(12)) out.defaulted_at = row.text(12);
  return out;
}

// Payments are summed here, exactly: SQLite's SUM of decimal text would go through binary
// floating point. `by_deadline`: only what arrived by the obligation's deadline counts.
Result<Decimal> paid_toward(Database& db, const std::string& obligation_id,
                            const std::string* deadline_utc) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT amount_hkd, received_at FROM "
                                            "obligation_payment WHERE obligation_id = ?",
                                            {obligation_id}));
  Decimal paid;
  for (const Row& row : result.rows) {
    if (deadline_utc != nullptr && row.text(1) > *deadline_utc) continue;
    paid += row.decimal(0);
  }
  return paid;
}

// Sets the obligation's `settled` from its payments (migration 0040), after one was recorded.
Result<void> mark_settled(Database& db, const std::string& obligation_id) {
  CP_ASSIGN_OR_RETURN(auto amount, db.query("SELECT amount_hkd FROM money_obligation WHERE "
                                            "obligation_id = ?",
                                            {obligation_id}));
  if (amount.rows.empty()) return {};
  CP_ASSIGN_OR_RETURN(Decimal paid, paid_toward(db, obligation_id, nullptr));
  const int64_t settled = paid >= amount.rows[0].decimal(0) ? 1 : 0;
  CP_RETURN_IF_ERROR(db.execute("UPDATE money_obligation SET settled = ? WHERE obligation_id = ?",
                                {settled, obligation_id}));
  return {};
}

// The obligations a WHERE … ORDER BY clause over `o` selects, each with its payments summed: one
// query joining the payments (a row per payment), folded here in the clause's order.
Result<std::vector<StoredObligation>> read_all(Database& db, const std::string& where_order,
                                               const std::vector<Value>& params) {
  CP_ASSIGN_OR_RETURN(
      auto result,
      db.query(std::string("SELECT ") + kColumns +
                   ", p.amount_hkd FROM money_obligation o LEFT JOIN obligation_payment p ON "
                   "p.obligation_id = o.obligation_id WHERE " +
                   where_order,
               params));
  std::vector<StoredObligation> out;
  for (const Row& row : result.rows) {
    if (out.empty() || out.back().obligation.id != row.text(0)) {
      CP_ASSIGN_OR_RETURN(auto obligation, read_row(row));
      out.push_back(std::move(obligation));
    }
    if (!row.is_null(13)) out.back().paid_hkd += row.decimal(13);
  }
  return out;
}

bool same(const risk::Obligation& a, const StoredObligation& b) {
  return a.amount_hkd == b.obligation.amount_hkd && a.kind == b.obligation.kind &&
         a.deadline_date == b.obligation.deadline_date &&
         a.deadline_hkt == b.obligation.deadline_hkt;
}

// The kinds whose payments are collateral HKSCC holds (marks and margin).
constexpr const char* kCollateralKinds =
    "('day_end_mtm_and_margin', 'day_end_marks', 'day_end_margin', 'intraday_marks', "
    "'intraday_margin_non_settlement_day', 'intraday_margin_settlement_day')";

}  // namespace

Result<void> replace_obligations(Database& db, const std::string& participant, Date date,
                                 const std::vector<risk::Obligation>& obligations) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto stored, obligations_of(db, participant, date));
  std::map<std::string, const risk::Obligation*> fresh;
  for (const auto& o : obligations) fresh[o.id] = &o;
  for (const auto& old : stored) {
    const auto now = fresh.find(old.obligation.id);
    const bool unchanged = now != fresh.end() && same(*now->second, old);
    // Money received or a default recorded fixes an obligation: a rerun may not move it.
    const bool fixed = old.paid_hkd.sign() > 0 || old.defaulted_at.has_value();
    if (fixed && !unchanged) {
      return make_error(ErrorCode::kConflict,
                        "obligation " + old.obligation.id + " has payments of HKD " +
                            old.paid_hkd.to_string() +
                            (old.defaulted_at ? " and a recorded default" : "") +
                            " and would change: correct it first");
    }
  }
  for (const auto& old : stored) {
    if (old.paid_hkd.sign() > 0 || old.defaulted_at) continue;  // kept (unchanged, see above)
    CP_RETURN_IF_ERROR(
        db.execute("DELETE FROM money_obligation WHERE obligation_id = ?", {old.obligation.id}));
  }
  std::set<std::string> kept;
  for (const auto& old : stored) {
    if (old.paid_hkd.sign() > 0 || old.defaulted_at) kept.insert(old.obligation.id);
  }
  for (const auto& o : obligations) {
    if (kept.contains(o.id)) continue;
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO money_obligation (obligation_id, participant, arising_date, kind, "
        "amount_hkd, channel, deadline_date, deadline_hkt, deadline_at, report, report_date, "
        "report_hkt, report_issued_at, basis, settled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, 0)",
        {o.id, participant, date.to_string(), std::string(risk::obligation_kind_code(o.kind)),
         decimal_value(o.amount_hkd), std::string(risk::payment_channel_code(o.channel)),
         o.deadline_date.to_string(), o.deadline_hkt.to_string(),
         format_utc(from_hkt(o.deadline_date, o.deadline_hkt)), o.report, o.report_date.to_string(),
         o.report_hkt.to_string(), format_utc(from_hkt(o.report_date, o.report_hkt)), o.basis}));
  }
  return tx.commit();
}

Result<std::vector<StoredObligation>> obligations_of(Database& db, const std::string& participant,
                                                     Date date) {
  if (participant.empty()) {
    return read_all(db,
                    "o.arising_date = ? ORDER BY "
                    "o.participant, o.deadline_at, o.obligation_id",
                    {date.to_string()});
  }
  return read_all(db,
                  "o.participant = ? AND o.arising_date = ? "
                  "ORDER BY o.deadline_at, o.obligation_id",
                  {participant, date.to_string()});
}

Result<std::vector<StoredObligation>> obligations_due(Database& db, const std::string& participant,
                                                      const std::string& from_utc,
                                                      const std::string& to_utc) {
  // Everything due from `from` to `to`, and before `from` what is not settled (0, or NULL for a
  // row not yet worked out); the paid ones among those are dropped here, summed exactly in C++.
  std::vector<StoredObligation> all;
  const std::string open =
      "o.deadline_at < ? AND (o.deadline_at >= ? OR o.settled IS NULL OR o.settled = 0) ";
  if (participant.empty()) {
    CP_ASSIGN_OR_RETURN(
        all, read_all(db, open + "ORDER BY o.deadline_at, o.obligation_id", {to_utc, from_utc}));
  } else {
    CP_ASSIGN_OR_RETURN(
        all,
        read_all(db, "o.participant = ? AND " + open + "ORDER BY o.deadline_at, o.obligation_id",
                 {participant, to_utc, from_utc}));
  }
  std::vector<StoredObligation> out;
  for (auto& o : all) {
    const std::string deadline_utc =
        format_utc(from_hkt(o.obligation.deadline_date, o.obligation.deadline_hkt));
    if (deadline_utc >= from_utc || o.paid_hkd < o.obligation.amount_hkd) {
      out.push_back(std::move(o));
    }
  }
  return out;
}

Result<Decimal> collateral_on_hand(Database& db, const std::string& participant, Date date) {
  CP_ASSIGN_OR_RETURN(
      auto result,
      db.query(std::string("SELECT p.amount_hkd FROM obligation_payment p JOIN money_obligation "
                           "o ON o.obligation_id = p.obligation_id WHERE o.participant = ? AND "
                           "o.arising_date < ? AND o.kind IN ") +
                   kCollateralKinds,
               {participant, date.to_string()}));
  Decimal on_hand;
  for (const Row& row : result.rows) on_hand += row.decimal(0);
  return on_hand;
}

Result<ImportCounts> record_payments(Database& db, const std::vector<risk::PaymentRow>& rows,
                                     const std::string& source, const std::string& file) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const auto& row : rows) {
    auto located = [&](ErrorCode code, std::string message, std::string field) {
      Error error = make_error(code, std::move(message));
      error.field = std::move(field);
      error.file = file;
      error.line = row.line;
      return error;
    };
    CP_ASSIGN_OR_RETURN(auto known, db.query("SELECT 1 FROM money_obligation WHERE "
                                             "obligation_id = ?",
                                             {row.obligation_id}));
    if (known.rows.empty()) {
      return located(ErrorCode::kInvalidInput,
                     "no obligation " + row.obligation_id + " to pay (obligations run first)",
                     "obligation_id");
    }
    CP_ASSIGN_OR_RETURN(auto seen, db.query("SELECT obligation_id, amount_hkd, received_at, "
                                            "method FROM obligation_payment WHERE payment_id = ?",
                                            {row.payment_id}));
    if (!seen.rows.empty()) {
      const Row& old = seen.rows[0];
      if (old.text(0) == row.obligation_id && old.decimal(1) == row.amount_hkd &&
          old.text(2) == row.received_at_utc &&
          old.text(3) == risk::payment_method_code(row.method)) {
        ++counts.unchanged;
        continue;
      }
      return located(ErrorCode::kConflict,
                     "payment " + row.payment_id + " was recorded before with other content",
                     "payment_id");
    }
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO obligation_payment (payment_id, obligation_id, amount_hkd, received_at, "
        "method, source) VALUES (?, ?, ?, ?, ?, ?)",
        {row.payment_id, row.obligation_id, decimal_value(row.amount_hkd), row.received_at_utc,
         std::string(risk::payment_method_code(row.method)), source}));
    CP_RETURN_IF_ERROR(mark_settled(db, row.obligation_id));
    ++counts.inserted;
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::vector<risk::DayPayment>> payments_on(Database& db, const std::string& obligation_id,
                                                  Date day) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT amount_hkd, method, received_at FROM "
                                            "obligation_payment WHERE obligation_id = ? ORDER "
                                            "BY received_at, payment_id",
                                            {obligation_id}));
  std::vector<risk::DayPayment> out;
  for (const Row& row : result.rows) {
    CP_ASSIGN_OR_RETURN(risk::PaymentMethod method, risk::parse_payment_method(row.text(1)));
    // UTC text "YYYY-MM-DDTHH:MM:SS.ffffffZ" to Hong Kong time: from_hkt reads the UTC date and
    // time as if they were Hong Kong's, an instant 8 hours early, which kHktOffset puts back.
    const std::string& utc = row.text(2);
    CP_ASSIGN_OR_RETURN(Date utc_date, Date::parse(utc.substr(0, 10)));
    CP_ASSIGN_OR_RETURN(TimeOfDay utc_time, TimeOfDay::parse(utc.substr(11, 5)));
    const HktDateTime hkt = to_hkt(from_hkt(utc_date, utc_time) + kHktOffset);
    if (hkt.date != day) continue;
    out.push_back({row.decimal(0), method, hkt.time});
  }
  return out;
}

Result<std::vector<StoredObligation>> mark_defaults(Database& db, const std::string& now_utc) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto due,
                      read_all(db,
                               "o.defaulted_at IS NULL AND "
                               "o.deadline_at <= ? ORDER BY o.deadline_at, o.obligation_id",
                               {now_utc}));
  std::vector<StoredObligation> defaulted;
  for (auto& o : due) {
    const std::string deadline_utc =
        format_utc(from_hkt(o.obligation.deadline_date, o.obligation.deadline_hkt));
    CP_ASSIGN_OR_RETURN(Decimal in_time, paid_toward(db, o.obligation.id, &deadline_utc));
    if (in_time >= o.obligation.amount_hkd) continue;
    CP_RETURN_IF_ERROR(
        db.execute("UPDATE money_obligation SET defaulted_at = ? WHERE obligation_id = ?",
                   {now_utc, o.obligation.id}));
    o.defaulted_at = now_utc;
    defaulted.push_back(std::move(o));
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return defaulted;
}

Result<std::vector<StoredObligation>> claim_report_notices(Database& db, const std::string& now_utc,
                                                           const std::string& fresh_from_utc) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  // The stale ones at once, unread: nobody is told of them.
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE money_obligation SET report_notice_at = ? WHERE "
                 "report_notice_at IS NULL AND report_issued_at < ?",
                 {now_utc, fresh_from_utc}));
  CP_ASSIGN_OR_RETURN(auto issued, read_all(db,
                                            "o.report_notice_at IS NULL AND o.report_issued_at <= "
                                            "? ORDER BY o.report_issued_at, o.obligation_id",
                                            {now_utc}));
  std::vector<StoredObligation> out;
  for (auto& o : issued) {
    CP_ASSIGN_OR_RETURN(int64_t claimed,
                        db.execute("UPDATE money_obligation SET report_notice_at = ? WHERE "
                                   "obligation_id = ? AND report_notice_at IS NULL",
                                   {now_utc, o.obligation.id}));
    if (claimed == 1) out.push_back(std::move(o));
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return out;
}

Result<std::vector<StoredObligation>> claim_deadline_reminders(Database& db,
                                                               const std::string& now_utc,
                                                               const std::string& until_utc) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto coming, read_all(db,
                                            "o.reminder_at IS NULL AND "
                                            "o.deadline_at > ? AND o.deadline_at <= ? ORDER BY "
                                            "o.deadline_at, o.obligation_id",
                                            {now_utc, until_utc}));
  std::vector<StoredObligation> out;
  for (auto& o : coming) {
    if (o.paid_hkd >= o.obligation.amount_hkd) continue;  // paid: nothing to remind of
    CP_ASSIGN_OR_RETURN(int64_t claimed,
                        db.execute("UPDATE money_obligation SET reminder_at = ? WHERE "
                                   "obligation_id = ? AND reminder_at IS NULL",
                                   {now_utc, o.obligation.id}));
    if (claimed == 1) out.push_back(std::move(o));
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return out;
}

Result<ImportCounts> import_guarantee_fund(Database& db,
                                           const std::vector<risk::GuaranteeFundRow>& rows) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const auto& row : rows) {
    CP_ASSIGN_OR_RETURN(int64_t removed,
                        db.execute("DELETE FROM guarantee_fund_position WHERE as_of = ? AND "
                                   "participant = ?",
                                   {row.as_of.to_string(), row.participant}));
    counts.replaced += removed;
    CP_RETURN_IF_ERROR(
        db.execute("INSERT INTO guarantee_fund_position (as_of, participant, contribution_hkd, "
                   "expected_loss_hkd, fund_at_limit) VALUES (?, ?, ?, ?, ?)",
                   {row.as_of.to_string(), row.participant,
                    row.contribution_hkd ? decimal_value(*row.contribution_hkd) : Value(),
                    decimal_value(row.expected_loss_hkd), int64_t{row.fund_at_limit ? 1 : 0}}));
    ++counts.inserted;
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::optional<risk::GuaranteeFundRow>> guarantee_fund_of(Database& db,
                                                                const std::string& participant,
                                                                Date date) {
  CP_ASSIGN_OR_RETURN(auto result,
                      db.query("SELECT contribution_hkd, expected_loss_hkd, fund_at_limit FROM "
                               "guarantee_fund_position WHERE as_of = ? AND participant = ?",
                               {date.to_string(), participant}));
  if (result.rows.empty()) return std::optional<risk::GuaranteeFundRow>();
  const Row& row = result.rows[0];
  risk::GuaranteeFundRow out;
  out.as_of = date;
  out.participant = participant;
  if (!row.is_null(0)) out.contribution_hkd = row.decimal(0);
  out.expected_loss_hkd = row.decimal(1);
  out.fund_at_limit = row.integer(2) != 0;
  return std::optional<risk::GuaranteeFundRow>(out);
}

Result<std::vector<std::string>> users_of_firm(Database& db, const std::string& firm) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT DISTINCT user_id FROM user_role WHERE "
                                            "firm_id = ? ORDER BY user_id",
                                            {firm}));
  std::vector<std::string> out;
  for (const Row& row : result.rows) out.push_back(row.text(0));
  return out;
}

Result<std::optional<std::string>> hkscc_participant_of_firm(Database& db,
                                                             const std::string& firm) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT participant_id FROM firm_participant_id WHERE "
                                            "clearing_house = 'HKSCC' AND firm_id = ?",
                                            {firm}));
  if (result.rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(result.rows[0].text(0));
}

Result<std::optional<std::string>> firm_of_participant(Database& db,
                                                       const std::string& participant) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT firm_id FROM firm_participant_id WHERE "
                                            "clearing_house = 'HKSCC' AND participant_id = ?",
                                            {participant}));
  if (result.rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(result.rows[0].text(0));
}

}  // namespace cp::store
