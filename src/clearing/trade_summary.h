// The demo end-of-day job of the foundation: per channel and side, how many executions, shares
// and HKD of consideration, and how many accounts traded. The fee and clearing stages of the real
// EOD (issue 4) replace it; it stays as the first stage's input check.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clearing/execution.h"

namespace cp::clearing {

struct TradeSummaryRow {
  Channel channel;
  Side side;
  int64_t executions = 0;
  int64_t quantity = 0;
  Decimal consideration_hkd;  // exact sum of price × quantity
  int64_t accounts = 0;       // distinct accounts
};

// One row per (channel, side) that has executions, ordered sh-buy, sh-sell, sz-buy, sz-sell.
// Pure: the same executions in any order give the same rows.
std::vector<TradeSummaryRow> summarize_trades(const std::vector<Execution>& executions);

// A canonical text of the rows (one line each) and its FNV-1a 64-bit digest, so that a rerun
// can be shown to give the same bytes.
std::string canonical_text(const std::vector<TradeSummaryRow>& rows);
std::string digest_hex(const std::string& text);

}  // namespace cp::clearing
