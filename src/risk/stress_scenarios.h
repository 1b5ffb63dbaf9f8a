// Stress tests of a clearing participant's CNS positions (SPEC ORG-4; seed 002 附件1 第26条;
// HKSCC's published shocks, research/domain-facts.md §7.4: the HK market ±22 % for
// non-structured products and ±100 % for structured ones; China Connect ±10 % is Northbound and
// has no Southbound position to apply to).
//
// stress_scenarios.csv := scenario,applies_to,shock,effective_from,effective_to,source
//   scenario    a name; its rows together are one scenario
//   applies_to  hk_non_structured | hk_structured | security:<code> | historical_worst
//               (structured: the securities master's warrants and rights)
//   shock       the price change as a ratio (−0.22), from −1 (to zero) to 10 [D: a bound];
//               empty for historical_worst: the worst day of the HVaR look-back for the
//               portfolio itself (its most negative scenario P&L, from margin.h's figures)
// A security's own row (security:<code>) wins over its class's.
//
// For each scenario: P&L = Σ market value × shock, each term to the dollar half-up (as a
// scenario P&L of margin.h); stress loss = max(0, −P&L); the collateral that covers it is the
// caller's: for a participant the margin HKSCC holds once the day's call is met (net margin after
// credit [D]), for the broker's book the risk funds CSDC holds (eod/book_stress_stage.h);
// shortfall = max(0, loss − collateral): what the Guarantee Fund, or the broker, would bear.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"
#include "refdata/dated.h"
#include "refdata/securities.h"
#include "risk/margin.h"

namespace cp::risk {

enum class StressTarget { kHkNonStructured, kHkStructured, kSecurity, kHistoricalWorst };

struct StressRow {
  std::string scenario;
  StressTarget target = StressTarget::kHkNonStructured;
  std::string security;  // kSecurity
  Decimal shock;         // ratio; unused for kHistoricalWorst
};

class StressLibrary {
 public:
  static Result<StressLibrary> parse(CsvReader& reader);
  // Adds an operator's scenario for one run (`connectpost risk stress --shock CODE=RATIO`).
  void add(StressRow row) { extra_.push_back(std::move(row)); }
  // The rows in force on `date` (the file's, then the added ones), in order.
  std::vector<StressRow> rows_on(Date date) const;

 private:
  refdata::DatedTable<StressRow> table_;  // keyed by "scenario|applies_to"
  std::vector<std::string> order_;
  std::vector<StressRow> extra_;
};

// A scenario's shock as "CODE=RATIO" (−1 ≤ ratio ≤ 10), for the command line.
Result<StressRow> parse_security_shock(std::string_view text, const std::string& scenario);

struct StressResult {
  std::string scenario;
  std::string description;  // what moved, e.g. "hk_non_structured −0.22; hk_structured −1.00"
  Decimal pnl_hkd;
  Decimal loss_hkd;
  Decimal collateral_hkd;
  Decimal shortfall_hkd;
};

struct StressPosition {
  std::string security;
  Decimal market_value_hkd;  // signed: negative short
};

struct StressInputs {
  Date valuation_date;
  std::vector<StressPosition> positions;
  Decimal collateral_hkd;  // what covers a loss
  const refdata::SecurityMaster* securities = nullptr;
  std::optional<int64_t> historical_worst_pnl_hkd;  // the HVaR window's most negative P&L
  std::vector<StressRow> rows;
};

// A participant's: its prepared positions at the day's market values, against the margin HKSCC
// holds once the day's call is met (net margin after credit [D]).
StressInputs participant_stress_inputs(const MarginFigures& margin,
                                       const refdata::SecurityMaster& securities);

// One result per scenario, in the order the rows name them; a historical scenario with no HVaR
// window (before the VaR Platform, or no Tier P position) comes back with no loss and says it is
// not applicable. Error: a security not in the master.
Result<std::vector<StressResult>> run_stress_tests(const StressInputs& inputs);

}  // namespace cp::risk
