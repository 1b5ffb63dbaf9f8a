#include "store/calendar_store.h"

#include "store/input_generation.h"

namespace cp::store {

Result<void> insert_closure(Database& db, const refdata::Closure& closure, const AddedBy& added) {
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO calendar_closure_added (market, date, kind, reason, source, added_at, "
      "added_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {refdata::market_code(closure.market), closure.date.to_string(),
       closure.kind == refdata::ClosureKind::kHoliday ? "holiday" : "half_day", closure.reason,
       closure.source, added.at, added.by}));
  return bump_eod_input_generation(db);
}

Result<void> insert_weather(Database& db, const refdata::WeatherEvent& event,
                            const AddedBy& added) {
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO calendar_weather_added (signal, issued_at, lifted_at, effect, source, "
      "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {refdata::weather_signal_code(event.signal), event.issued_at.to_string(),
       event.lifted_at.to_string(), event.effect, event.source, added.at, added.by}));
  return bump_eod_input_generation(db);
}

Result<void> merge_calendar_additions(Database& db, refdata::MarketCalendarData& data) {
  CP_ASSIGN_OR_RETURN(QueryResult closures,
                      db.query("SELECT market, date, kind, reason, source, added_at, added_by "
                               "FROM calendar_closure_added ORDER BY date, market"));
  for (const Row& row : closures.rows) {
    CP_ASSIGN_OR_RETURN(refdata::Market market, refdata::parse_market(row.text(0)));
    CP_ASSIGN_OR_RETURN(Date date, Date::parse(row.text(1)));
    const auto kind =
        row.text(2) == "holiday" ? refdata::ClosureKind::kHoliday : refdata::ClosureKind::kHalfDay;
    CP_RETURN_IF_ERROR(
        data.add_closure({date, market, kind, row.text(3), row.text(4),
                          "database (added " + row.text(5) + " by " + row.text(6) + ")"}));
  }
  CP_ASSIGN_OR_RETURN(QueryResult weather,
                      db.query("SELECT signal, issued_at, lifted_at, effect, source, added_at, "
                               "added_by FROM calendar_weather_added ORDER BY issued_at"));
  for (const Row& row : weather.rows) {
    CP_ASSIGN_OR_RETURN(refdata::WeatherSignal signal, refdata::parse_weather_signal(row.text(0)));
    CP_ASSIGN_OR_RETURN(auto issued, refdata::parse_hkt_minute(row.text(1)));
    CP_ASSIGN_OR_RETURN(auto lifted, refdata::parse_hkt_minute(row.text(2)));
    CP_RETURN_IF_ERROR(
        data.add_weather({signal, issued, lifted, row.text(3), row.text(4),
                          "database (added " + row.text(5) + " by " + row.text(6) + ")"}));
  }
  return Ok{};
}

}  // namespace cp::store
