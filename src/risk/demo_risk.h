// A synthetic market for the demo (issue 16 item 8), clearly labelled as such: a price history
// walked back from the demo day's closes and CNS positions for the demo firms' HKSCC
// participants, so that `risk margin`, `risk stress` and `obligations` have something to show.
// Deterministic: the same inputs and seed give the same rows.
#pragma once

#include <string>
#include <vector>

#include "clearing/input_files.h"
#include "risk/cns_positions.h"
#include "risk/price_history.h"

namespace cp::risk {

struct DemoRiskData {
  std::vector<clearing::ClosingPrice> history;  // before the demo day, HKD
  std::vector<CnsPosition> positions;           // as of each position day, oldest first
};

// `closes` are the demo day's (the history ends the trading day before); `history_from` is the
// first day the margin's scenario windows need; `participants` get a few long and short
// positions each in the first securities of `closes`, settling on the next two trading days
// and one on the day itself, as of each of the `position_day_count` trading days ending on the
// demo day (the home page's chart needs days), valued at each day's close.
// REQUIRES: `days` covers history_from to two trading days after the demo day; at least three
// closes; position_day_count ≥ 1.
Result<DemoRiskData> generate_demo_risk(Date date,
                                        const std::vector<clearing::ClosingPrice>& closes,
                                        const HkTradingDays& days, Date history_from,
                                        const std::vector<std::string>& participants,
                                        int64_t position_day_count, uint64_t seed);

}  // namespace cp::risk
