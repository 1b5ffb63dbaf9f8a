// HKSCC's margin parameters in force on a valuation date (SPEC MO-1; seed 001; HKSCC VaR Platform
// Initial Margin Calculation Guide v1.4, "G14", research/risk-and-obligations.md §1), read from
// data/risk_parameters.csv: the grammar of parameters.csv (refdata/parameters.h), one dated row
// per value with its source. Values the sources do not confirm say [NC] in their note and ship
// as the guide's illustrative values (docs/risk.md).
//
// The regime is itself a dated parameter (margin.regime): "margin_rate" to 2022-06-12 (margin
// position × margin rate × multiplier, domain-facts §7.2), "var_platform" from 2022-06-13.
#pragma once

#include <map>
#include <string>

#include "core/date.h"
#include "core/decimal.h"
#include "refdata/parameters.h"

namespace cp::risk {

enum class MarginRegime { kMarginRate, kVarPlatform };
const char* margin_regime_code(MarginRegime regime);  // "margin_rate", "var_platform"

// One expected-shortfall measure over historical scenarios (G14 §3.2.4.1.1–2).
struct ScenarioSetParameters {
  Decimal confidence_level;  // ratio, 0 < CL < 1
  int64_t scenario_count = 0;
  Decimal weight;       // HVaR_WGT / SVaR_WGT
  Decimal ewma_lambda;  // the scenario filter's decay (scenario_filter.h); 1: not filtered [NC]
};

struct MarginParameters {
  Date valuation_date;
  MarginRegime regime = MarginRegime::kVarPlatform;

  // Both regimes.
  Decimal margin_credit_hkd;     // G14 §3.2.5.3: HKD 5 m "normally"
  Decimal flat_rate_multiplier;  // G14 §3.2.4.2 step 3 (DWH0081C): per participant [NC]
  Decimal margin_rate;           // margin_rate regime only (ratio)
  Decimal margin_multiplier;     // margin_rate regime only

  // var_platform regime only.
  ScenarioSetParameters hvar;
  ScenarioSetParameters svar;
  Date svar_window_end;                   // the stress period's last return date [NC]
  Decimal floor_rate;                     // Tier P minimum margin level (G14 fn 28)
  int64_t rounding_hkd = 0;               // the aggregated margin rounds up to this (G14 §3.2.5.1)
  bool holiday_addon = false;             // G14 fn 17/38: off at the launch
  int64_t ipo_segregation_days = 0;       // G14 fn 18: listed within 180 calendar days
  std::string lra_hedge_instrument;       // G14 fn 33: the Tracker Fund, 02800
  int64_t flat_rate_default_group = 0;    // Tier N sub-margin group of an instrument with none
  std::map<int64_t, Decimal> flat_rates;  // margin.flat_rate.<group>: Tier N rate (ratio)
};

// An amount parameter in force on `date` that must be in HKD (margin.credit, gf.limit, the
// intraday tolerance): another currency is refused naming the key (HKSCC's figures are HKD).
Result<Decimal> hkd_parameter(const refdata::ParameterTable& table, const std::string& key,
                              Date date);

// The parameters in force on `date`. A key not in force is an error naming it, the date and the
// file (exit 2 at the command line).
Result<MarginParameters> margin_parameters_on(const refdata::ParameterTable& table, Date date);

}  // namespace cp::risk
