#include "store/refdata_change_store.h"

#include <cstdio>

#include "store/input_generation.h"

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "change_id, reference, firm_id, kind, payload, summary, status, made_by, made_at, "
    "checked_by, checked_at, reason";

RefdataChange read_change(const Row& row) {
  return {row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4),  row.text(5),
          row.text(6),    row.text(7), row.text(8), row.text(9), row.text(10), row.text(11)};
}

std::string optional_text(const std::optional<Decimal>& value) {
  return value ? value->to_string() : std::string();
}

}  // namespace

Result<RefdataChange> insert_refdata_change(Database& db, RefdataChange change) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  // The reference needs the id: a placeholder unique to this change first.
  const std::string placeholder = "pending:" + change.made_by + ":" + change.made_at;
  CP_ASSIGN_OR_RETURN(
      auto inserted,
      db.query("INSERT INTO refdata_change (reference, firm_id, kind, payload, summary, status, "
               "made_by, made_at, checked_by, checked_at, reason) VALUES (?, ?, ?, ?, ?, "
               "'submitted', ?, ?, '', '', '') RETURNING change_id",
               {placeholder, change.firm_id, change.kind, change.payload, change.summary,
                change.made_by, change.made_at}));
  change.change_id = inserted.rows.at(0).integer(0);
  char reference[32];
  std::snprintf(reference, sizeof reference, "RC-%08lld", static_cast<long long>(change.change_id));
  change.reference = reference;
  change.status = "submitted";
  CP_RETURN_IF_ERROR(db.execute("UPDATE refdata_change SET reference = ? WHERE change_id = ?",
                                {change.reference, change.change_id}));
  CP_RETURN_IF_ERROR(tx.commit());
  return change;
}

Result<std::optional<RefdataChange>> find_refdata_change(Database& db, const std::string& firm_id,
                                                         const std::string& reference) {
  CP_ASSIGN_OR_RETURN(auto rows,
                      db.query(std::string("SELECT ") + kColumns +
                                   " FROM refdata_change WHERE firm_id = ? AND reference = ?",
                               {firm_id, reference}));
  if (rows.rows.empty()) return std::optional<RefdataChange>();
  return std::optional<RefdataChange>(read_change(rows.rows[0]));
}

Result<std::vector<RefdataChange>> list_refdata_changes(Database& db, const std::string& firm_id,
                                                        const std::string& status, int64_t limit) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM refdata_change WHERE firm_id = ?";
  // Built with emplace_back: GCC 12 at -O3 warns (-Wmaybe-uninitialized, a false positive) on a
  // braced first value followed by push_back of an integer.
  std::vector<Value> params;
  params.emplace_back(firm_id);
  if (!status.empty()) {
    sql += " AND status = ?";
    params.emplace_back(status);
  }
  sql += " ORDER BY change_id DESC LIMIT ?";
  params.emplace_back(limit);
  std::vector<RefdataChange> out;
  CP_RETURN_IF_ERROR(db.query_each(sql, params, [&](const Row& row) -> Result<void> {
    out.push_back(read_change(row));
    return {};
  }));
  return out;
}

Result<void> close_refdata_change(Database& db, int64_t change_id, const std::string& status,
                                  const std::string& by, const std::string& at,
                                  const std::string& reason) {
  CP_ASSIGN_OR_RETURN(
      int64_t changed,
      db.execute("UPDATE refdata_change SET status = ?, checked_by = ?, checked_at = ?, "
                 "reason = ? WHERE change_id = ? AND status = 'submitted'",
                 {status, by, at, reason, change_id}));
  if (changed != 1) {
    return make_error(ErrorCode::kConflict, "the change is no longer waiting for a check");
  }
  return Ok{};
}

Result<void> insert_fee_rule(Database& db, const refdata::FeeRule& rule, Date effective_from,
                             const std::string& source, const AddedBy& added) {
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO ref_fee_added (code, effective_from, basis, rate, amount_hkd, rounding, "
      "scale, min_hkd, max_hkd, etf, source, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?)",
      {refdata::fee_code_name(rule.code), effective_from.to_string(),
       rule.per_trade ? "per_trade" : "rate", rule.per_trade ? "" : rule.rate.to_string(),
       rule.per_trade ? rule.amount_hkd.to_string() : "", rounding_name(rule.rounding),
       static_cast<int64_t>(rule.scale), optional_text(rule.min_hkd), optional_text(rule.max_hkd),
       rule.applies_to_etf ? "applies" : "exempt", source, added.at, added.by}));
  return bump_eod_input_generation(db);
}

Result<void> merge_fee_additions(Database& db, refdata::FeeSchedule& fees) {
  CP_ASSIGN_OR_RETURN(
      QueryResult rows,
      db.query("SELECT code, effective_from, basis, rate, amount_hkd, rounding, scale, min_hkd, "
               "max_hkd, etf, source, added_at, added_by FROM ref_fee_added "
               "ORDER BY effective_from, code"));
  for (const Row& row : rows.rows) {
    refdata::FeeRule rule;
    CP_ASSIGN_OR_RETURN(rule.code, refdata::parse_fee_code(row.text(0)));
    CP_ASSIGN_OR_RETURN(Date from, Date::parse(row.text(1)));
    const auto* current = fees.in_force(rule.code, from);
    if (current != nullptr && current->provenance.effective_from == from) continue;
    rule.per_trade = row.text(2) == "per_trade";
    if (rule.per_trade) {
      CP_ASSIGN_OR_RETURN(rule.amount_hkd, Decimal::parse(row.text(4)));
    } else {
      CP_ASSIGN_OR_RETURN(rule.rate, Decimal::parse(row.text(3)));
    }
    CP_ASSIGN_OR_RETURN(rule.rounding, parse_rounding(row.text(5)));
    rule.scale = static_cast<int>(row.integer(6));
    if (!row.text(7).empty()) {
      CP_ASSIGN_OR_RETURN(Decimal min, Decimal::parse(row.text(7)));
      rule.min_hkd = min;
    }
    if (!row.text(8).empty()) {
      CP_ASSIGN_OR_RETURN(Decimal max, Decimal::parse(row.text(8)));
      rule.max_hkd = max;
    }
    rule.applies_to_etf = row.text(9) == "applies";
    refdata::Provenance provenance;
    provenance.source = row.text(10);
    provenance.effective_from = from;
    provenance.file = "database (added " + row.text(11) + " by " + row.text(12) + ")";
    CP_RETURN_IF_ERROR(fees.supersede(std::move(rule), std::move(provenance)));
  }
  return Ok{};
}

}  // namespace cp::store
