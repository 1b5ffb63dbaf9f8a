#include "cli/risk_reference.h"

#include <filesystem>

#include "calendar/southbound_calendar.h"
#include "refdata/market_calendar.h"
#include "store/calendar_store.h"

namespace cp::cli {
namespace {

Result<risk::HkTradingDays> sehk_trading_days(const std::string& data_dir, store::Database& db,
                                              const refdata::ParameterTable& parameters) {
  CP_ASSIGN_OR_RETURN(auto markets, refdata::load_market_calendars(data_dir));
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, markets));
  // SEHK's days are the same in either channel's calendar; Shanghai's covers the longest.
  CP_ASSIGN_OR_RETURN(auto calendar,
                      calendar::SouthboundCalendar::build(markets, parameters, Channel::kShanghai));
  std::vector<Date> days;
  for (Date d = calendar.covered_from(); d <= calendar.covered_to(); d = d.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, calendar.day(d));
    if (info->hk_trading) days.push_back(d);
  }
  return risk::HkTradingDays(std::move(days), calendar.covered_from(), calendar.covered_to());
}

}  // namespace

Result<RiskReference> load_risk_reference(const std::string& data_dir, store::Database& db) {
  CP_ASSIGN_OR_RETURN(refdata::RefData refdata, refdata::load_refdata(data_dir));
  const std::filesystem::path dir(data_dir);
  const std::string shown = dir.filename().string();
  CP_ASSIGN_OR_RETURN(
      auto parameters,
      refdata::ParameterTable::load(dir / "risk_parameters.csv", shown + "/risk_parameters.csv"));
  CP_ASSIGN_OR_RETURN(
      CsvReader instruments_file,
      CsvReader::open((dir / "risk_instruments.csv").string(), shown + "/risk_instruments.csv"));
  CP_ASSIGN_OR_RETURN(auto instruments, risk::RiskInstrumentTable::parse(instruments_file));
  CP_ASSIGN_OR_RETURN(auto days, sehk_trading_days(data_dir, db, refdata.parameters));
  return RiskReference{std::move(refdata), std::move(parameters), std::move(instruments),
                       std::move(days)};
}

}  // namespace cp::cli
