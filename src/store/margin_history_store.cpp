#include "store/margin_history_store.h"

namespace cp::store {

Result<void> save_margin_day(Database& db, const MarginDay& day) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM margin_day WHERE participant = ? AND as_of = ?",
                                {day.participant, day.as_of.to_string()}));
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO margin_day (participant, as_of, regime, net_margin_hkd, mtm_requirement_hkd, "
      "total_requirement_hkd, collateral_on_hand_hkd, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {day.participant, day.as_of.to_string(), day.regime, decimal_value(day.net_margin_hkd),
       decimal_value(day.mtm_requirement_hkd), decimal_value(day.total_requirement_hkd),
       decimal_value(day.collateral_on_hand_hkd), day.figures_json}));
  return tx.commit();
}

Result<std::vector<MarginDay>> margin_days(Database& db, const std::string& participant, Date from,
                                           Date to) {
  CP_ASSIGN_OR_RETURN(
      auto result,
      db.query("SELECT as_of, regime, net_margin_hkd, mtm_requirement_hkd, total_requirement_hkd, "
               "collateral_on_hand_hkd, figures FROM margin_day WHERE participant = ? AND as_of "
               ">= ? AND as_of <= ? ORDER BY as_of",
               {participant, from.to_string(), to.to_string()}));
  std::vector<MarginDay> out;
  for (const Row& row : result.rows) {
    MarginDay day;
    day.participant = participant;
    CP_ASSIGN_OR_RETURN(day.as_of, Date::parse(row.text(0)));
    day.regime = row.text(1);
    day.net_margin_hkd = row.decimal(2);
    day.mtm_requirement_hkd = row.decimal(3);
    day.total_requirement_hkd = row.decimal(4);
    day.collateral_on_hand_hkd = row.decimal(5);
    day.figures_json = row.text(6);
    out.push_back(std::move(day));
  }
  return out;
}

Result<std::optional<Date>> latest_margin_date(Database& db, const std::string& participant,
                                               Date date) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT MAX(as_of) FROM margin_day WHERE participant "
                                            "= ? AND as_of <= ?",
                                            {participant, date.to_string()}));
  if (result.rows.empty() || result.rows[0].is_null(0)) return std::optional<Date>();
  CP_ASSIGN_OR_RETURN(Date latest, Date::parse(result.rows[0].text(0)));
  return std::optional<Date>(latest);
}

}  // namespace cp::store
