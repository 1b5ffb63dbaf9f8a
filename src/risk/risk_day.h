// cp_risk_run, the wiring of issue 16 (like cp_eod_run): what the margin and the obligations read
// from the world, for the command line and the server alike. Besides positions and closes: the
// reference data, HKSCC's risk parameters, instrument rows and obligation schedule from the data
// directory, and SEHK's trading, settlement and business days from the calendars (shipped files
// plus the operators' additions in the database).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "refdata/parameters.h"
#include "refdata/refdata.h"
#include "risk/margin.h"
#include "risk/money_obligations.h"
#include "risk/price_history.h"
#include "risk/risk_instruments.h"
#include "risk/stress_scenarios.h"
#include "store/database.h"

namespace cp::risk {

struct RiskReference {
  refdata::RefData refdata;
  refdata::ParameterTable risk_parameters;  // data/risk_parameters.csv
  RiskInstrumentTable instruments;          // data/risk_instruments.csv
  ObligationSchedule schedule;              // data/money_obligations.csv
  StressLibrary stress;                     // data/stress_scenarios.csv
  HkTradingDays trading_days;
  HkBusinessCalendar business_calendar;
};

Result<RiskReference> load_risk_reference(const std::string& data_dir, store::Database& db);

// A participant's day from the stored statement of `date`: the positions settling that day
// (their money is the day's settlement obligation, seed 001 Part A 1 row 2; they are settled by
// the day's end, so not margined [D]; on a day HKSCC does not settle they stay margined) and the
// day-end margin of the rest. kNotFound when the
// participant has no statement for the date.
struct ParticipantDay {
  MarginFigures margin;
  Decimal settlement_money_hkd;  // Σ contract value of the positions settling on the date
};
Result<ParticipantDay> participant_day(store::Database& db, const RiskReference& reference,
                                       const std::string& participant, Date date);

// A participant's obligations of a day and the margin they were worked out from.
struct ParticipantObligations {
  std::string participant;
  MarginFigures margin;
  std::vector<Obligation> obligations;
};

// Works out and stores the obligations arising on `date` for every participant with a statement
// that day (risk/money_obligations.h; the collateral on hand and fund figures from the store), in
// one transaction (it joins the caller's); per participant, in order.
Result<std::vector<ParticipantObligations>> work_out_obligations(store::Database& db,
                                                                 const RiskReference& reference,
                                                                 Date date);

}  // namespace cp::risk
