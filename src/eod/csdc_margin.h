// CSDC's Southbound margin from 2022-06-13 (SPEC CLR-9; research/risk-and-obligations.md §2:
// "RPF replaces the margin rate and multiplier"): HKSCC's VaR-Platform margin (risk/margin.h,
// the one implementation the participants' margin at HKSCC uses too) over a reserve account's
// unsettled positions (clearing/risk_funds.h, risk.margin_method hkscc_rpf).
//   positions  each security's net position as a CNS row of D settling after D, with the
//              reserve's holdings of a net-sold security as its specific stock collateral: cover
//              then netting are risk::prepare_positions' (G14 §4.3: the contract value pro rata
//              to the uncovered shares)
//   closes     the stored price history (import price-history) over the scenario windows
//              (risk::closes_needed), D's own closes from the day's prices
//   parameters HKSCC's in force at the run's rules date (data/risk_parameters.csv); their
//              regime must be var_platform
//   margin     the aggregated market-risk margin rounded up (MarginFigures::rounded_hkd) [D]: no
//              favourable-MTM offset, since CSDC's marks are charged on their own as before
//              2022, and no margin credit, HKSCC's HKD 5 m being its own to its participants
//              (research §6 item 3: the exact CSDC formula is not published)
#pragma once

#include "calendar/southbound_calendar.h"
#include "clearing/risk_funds.h"
#include "core/market.h"
#include "refdata/parameters.h"
#include "risk/price_history.h"
#include "risk/risk_instruments.h"
#include "risk/stress_scenarios.h"

namespace cp::eod {

class DayContext;

// What the margin reads besides the day: the shell loads them from the data directory.
struct CsdcRiskReference {
  refdata::ParameterTable risk_parameters;  // data/risk_parameters.csv
  risk::RiskInstrumentTable instruments;    // data/risk_instruments.csv
  risk::StressLibrary stress;               // data/stress_scenarios.csv (book_stress_stage.h)
};

// SEHK's trading days over the channel calendar's coverage: the scenario windows' days.
Result<risk::HkTradingDays> sehk_trading_days(const calendar::SouthboundCalendar& calendar);

// The model of one reserve account of `channel` for the day. Refuses (naming the parameter) a date
// whose risk parameters are not the VaR Platform's or are missing, and a day without the reference.
// The model's errors name the security, the day and the history to import.
Result<clearing::PortfolioMarginModel> csdc_margin_model(DayContext& day, Channel channel,
                                                         MoneyKind reserve);

}  // namespace cp::eod
