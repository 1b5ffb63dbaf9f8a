// What the margin reads besides positions and closes (issue 16): the reference data, HKSCC's
// risk parameters and instrument rows from the data directory, and SEHK's trading days from the
// calendars (shipped files plus the operators' additions in the database).
#pragma once

#include <string>

#include "refdata/parameters.h"
#include "refdata/refdata.h"
#include "risk/price_history.h"
#include "risk/risk_instruments.h"
#include "store/database.h"

namespace cp::cli {

struct RiskReference {
  refdata::RefData refdata;
  refdata::ParameterTable risk_parameters;  // data/risk_parameters.csv
  risk::RiskInstrumentTable instruments;    // data/risk_instruments.csv
  risk::HkTradingDays trading_days;
};

Result<RiskReference> load_risk_reference(const std::string& data_dir, store::Database& db);

}  // namespace cp::cli
