#include "store/risk_store.h"

#include <set>
#include <utility>

namespace cp::store {

Result<ImportCounts> import_cns_positions(Database& db,
                                          const std::vector<risk::CnsPosition>& rows) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  std::set<std::pair<std::string, std::string>> statements;
  for (const auto& row : rows) statements.emplace(row.as_of.to_string(), row.participant);
  for (const auto& [as_of, participant] : statements) {
    CP_ASSIGN_OR_RETURN(int64_t removed,
                        db.execute("DELETE FROM cns_position WHERE as_of = ? AND participant = ?",
                                   {as_of, participant}));
    counts.replaced += removed;
  }
  auto next = rows.begin();
  CP_ASSIGN_OR_RETURN(
      counts.inserted,
      db.bulk_insert("cns_position",
                     {"as_of", "participant", "security_code", "settlement_date", "quantity",
                      "contract_value_hkd", "ssc_quantity", "scc_amount_hkd"},
                     [&](std::vector<Value>& values) {
                       if (next == rows.end()) return false;
                       const risk::CnsPosition& row = *next++;
                       values = {row.as_of.to_string(), row.participant,
                                 row.security,          row.settlement_date.to_string(),
                                 row.quantity,          decimal_value(row.contract_value_hkd),
                                 row.ssc_quantity,      decimal_value(row.scc_amount_hkd)};
                       return true;
                     }));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::vector<risk::CnsPosition>> cns_positions_of(Database& db,
                                                        const std::string& participant, Date date) {
  CP_ASSIGN_OR_RETURN(
      auto result, db.query("SELECT security_code, settlement_date, quantity, contract_value_hkd, "
                            "ssc_quantity, scc_amount_hkd FROM cns_position WHERE as_of = ? AND "
                            "participant = ? ORDER BY security_code, settlement_date",
                            {date.to_string(), participant}));
  std::vector<risk::CnsPosition> out;
  out.reserve(result.rows.size());
  for (const Row& row : result.rows) {
    risk::CnsPosition position;
    position.as_of = date;
    position.participant = participant;
    position.security = row.text(0);
    CP_ASSIGN_OR_RETURN(position.settlement_date, Date::parse(row.text(1)));
    position.quantity = row.integer(2);
    position.contract_value_hkd = row.decimal(3);
    position.ssc_quantity = row.integer(4);
    position.scc_amount_hkd = row.decimal(5);
    out.push_back(std::move(position));
  }
  return out;
}

Result<std::vector<std::string>> participants_with_positions(Database& db, Date date) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT DISTINCT participant FROM cns_position "
                                            "WHERE as_of = ? ORDER BY participant",
                                            {date.to_string()}));
  std::vector<std::string> out;
  for (const Row& row : result.rows) out.push_back(row.text(0));
  return out;
}

Result<void> read_closes(Database& db, const std::set<std::string>& securities, Date from, Date to,
                         risk::PriceHistory& history) {
  for (const auto& security : securities) {
    CP_ASSIGN_OR_RETURN(auto result,
                        db.query("SELECT price_date, close_hkd FROM closing_price WHERE "
                                 "security_code = ? AND price_date >= ? AND price_date <= ?",
                                 {security, from.to_string(), to.to_string()}));
    for (const Row& row : result.rows) {
      CP_ASSIGN_OR_RETURN(Date date, Date::parse(row.text(0)));
      history.add(security, date, row.decimal(1));
    }
  }
  return Ok{};
}

Result<ImportCounts> import_intraday_prices(Database& db,
                                            const std::vector<clearing::ClosingPrice>& rows) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const auto& row : rows) {
    CP_ASSIGN_OR_RETURN(int64_t removed,
                        db.execute("DELETE FROM intraday_price WHERE price_date = ? AND "
                                   "security_code = ?",
                                   {row.price_date.to_string(), row.security_code}));
    counts.replaced += removed;
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO intraday_price (price_date, security_code, price_hkd) VALUES (?, ?, ?)",
        {row.price_date.to_string(), row.security_code, decimal_value(row.close_hkd)}));
    ++counts.inserted;
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::map<std::string, Decimal, std::less<>>> intraday_prices_of(Database& db, Date date) {
  CP_ASSIGN_OR_RETURN(auto result, db.query("SELECT security_code, price_hkd FROM "
                                            "intraday_price WHERE price_date = ?",
                                            {date.to_string()}));
  std::map<std::string, Decimal, std::less<>> out;
  for (const Row& row : result.rows) out[row.text(0)] = row.decimal(1);
  return out;
}

}  // namespace cp::store
