// Deterministic demo data for `connectpost demo`: accounts and one day's executions, skewed so
// that a few securities and accounts take most trades, as on a real busy day. The securities are
// real SEHK codes with their board lots; the prices are invented (on the tick of their band).
#pragma once

#include <cstdint>
#include <vector>

#include "clearing/execution.h"
#include "clearing/input_files.h"

namespace cp::eod {

struct DemoData {
  std::vector<clearing::Account> accounts;
  std::vector<clearing::Execution> executions;
  // The rest of a day's EOD inputs (invented, plausible): closes at the base prices, FX rates,
  // each client account's cash (a few short of their buys, to show overdrafts), and the
  // previous day's reserve balances.
  std::vector<clearing::ClosingPrice> prices;
  std::vector<clearing::FxRates> fx;
  std::vector<clearing::CashRow> cash;
  std::vector<clearing::ReserveBalance> reserves;
  // The broker's bank deposits that day: client money is what the investors' cash leaves after
  // the client reserves, so that `ledger check` reconciles it (CLR-17) as on a day without breaks.
  std::vector<clearing::BankBalance> bank;
};

// The same arguments give the same data on every machine (a fixed PRNG, integer draws only).
DemoData generate_demo_data(Date trade_date, int account_count, int execution_count, uint64_t seed);

}  // namespace cp::eod
