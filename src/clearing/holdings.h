// Investors' holdings at a day's close (SPEC CLR-3, STL-1; seed 002 附件4 第21、22条): the latest
// positions statement, plus what settled after it. A trade's securities move at its settlement
// day's end (T+2): the buyer's account receives the shares, the seller's delivers them. The
// portfolio fee is charged on each calendar day's end-of-day holdings (CLR-6) and collateral is
// a holding at the close (CLR-9), so both read this, not the statement alone.
#pragma once

#include <string>
#include <vector>

#include "clearing/execution_table.h"

namespace cp::clearing {

struct Holding {
  std::string account_id;
  std::string security_code;
  int64_t quantity = 0;  // shares; negative only if a statement missed a holding that was sold
};

// A change of a holding that is not a trade, at its date's close: a non-trade transfer's shares
// (SPEC CLR-10), a corporate action's securities (CLR-8).
struct HoldingMovement {
  std::string account_id;
  std::string security_code;
  int64_t quantity = 0;  // − out, + in
};

// `statement` rolled forward by `settled` (executions whose securities settled after the
// statement's date and on or before the day wanted) and by `moved` (the movements of the same
// days), one row per account and security with shares, ordered by account then security;
// positions that come to zero are dropped.
std::vector<Holding> roll_forward(const std::vector<Holding>& statement,
                                  const std::vector<ExecutionRef>& settled,
                                  const std::vector<HoldingMovement>& moved = {});

}  // namespace cp::clearing
