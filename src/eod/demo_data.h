// Deterministic demo data for `connectpost demo`: accounts and one day's executions, skewed so
// that a few securities and accounts take most trades, as on a real busy day. The securities are
// real SEHK codes with their board lots; the prices are invented (on the tick of their band).
#pragma once

#include <cstdint>
#include <vector>

#include "clearing/execution.h"

namespace cp::eod {

struct DemoData {
  std::vector<clearing::Account> accounts;
  std::vector<clearing::Execution> executions;
};

// The same arguments give the same data on every machine (a fixed PRNG, integer draws only).
DemoData generate_demo_data(Date trade_date, int account_count, int execution_count, uint64_t seed);

}  // namespace cp::eod
