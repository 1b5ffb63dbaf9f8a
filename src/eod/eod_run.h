// `connectpost eod run --date D`: the end-of-day clearing of one trade date (issue 4), computed
// over one snapshot of the stored inputs without the write lock, then written in one
// transaction that first checks nothing it read has changed (issue 15 §4; else it computes
// again). It refuses a date that is not a Southbound trading day of
// a channel with executions, and missing FX rates or closing prices, saying what is missing.
// A rerun replaces the date's results and produces the same digest.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "eod/day_inputs.h"
#include "eod/eod_results.h"
#include "refdata/market_calendar.h"
#include "store/database.h"
#include "store/execution_segments.h"

namespace cp::eod {

struct EodInputs {
  std::string data_dir;
  const Clock* clock = nullptr;
  // Fault injection for the crash test: after every write, before the commit, say so on standard
  // error and wait this long (CONNECTPOST_EOD_PAUSE_BEFORE_COMMIT_MS; 0 = never).
  int pause_before_commit_ms = 0;
  std::string actor = "system";          // who runs it, for the audit trail
  ProgressListener* progress = nullptr;  // told each stage and, while clearing, the rows done
  // Fault injection for the concurrency test: once the day is computed, before the snapshot
  // ends and anything is written, say so and wait this long, on the first attempt only
  // (CONNECTPOST_EOD_PAUSE_WHILE_COMPUTING_MS; 0 = never).
  int pause_while_computing_ms = 0;
};

// The portfolio-fee tiers of data_dir/portfolio_fee_tiers.csv in force on `rules_date` (CLR-6).
Result<std::vector<clearing::PortfolioFeeTier>> load_portfolio_fee_tiers(
    const std::string& data_dir, Date rules_date);

// What a run or a what-if computes from: the reference data of data_dir with the approved
// additions merged, and D's inputs read in the snapshot transaction `tx` begins (loaded, not yet
// prepared). Pinned in place: `inputs` points into it.
struct OpenedDay {
  refdata::RefData refdata;
  refdata::MarketCalendarData markets;
  CsdcRiskReference csdc_risk;  // data/risk_parameters.csv, data/risk_instruments.csv
  std::optional<store::Transaction> tx;
  clearing::AccountBook accounts;
  DayInputs inputs;
  // The day's execution segments the inputs were decoded from: the run's results line up with
  // them (store/execution_segments.h, kLinked).
  std::vector<store::ExecutionSegmentLink> execution_links;
};
// HKSCC's risk parameters and instrument rows that CSDC's margin reads (eod/csdc_margin.h).
Result<CsdcRiskReference> load_csdc_risk_reference(const std::string& data_dir);

Result<std::unique_ptr<OpenedDay>> open_day(store::Database& db, Date date,
                                            const std::string& data_dir);

Result<EodReport> run_eod(store::Database& db, Date business_date, const EodInputs& inputs);

}  // namespace cp::eod
