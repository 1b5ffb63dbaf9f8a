// The stages of one EOD day in order, over one snapshot (issue 15 §2): the run (eod_run.h) and a
// what-if (what_if.h) both call these, the one writing what they compute, the other comparing.
//
//   prepare_day      the channels trading on D, their calendars and STL-2 schedules; refusals
//   DayClearing      each execution's fees, commission and RMB amounts, streamed (CLR-1..5)
//   compute_day      portfolio fees, risk funds, transfers, reissues, exceptions, pre-clearing,
//                    settlement-day entries and the digest (CLR-6..19)
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clearing/client_clearing.h"
#include "clearing/digest.h"
#include "clearing/fees.h"
#include "eod/day_context.h"
#include "eod/eod_results.h"
#include "ledger/journal.h"
#include "refdata/market_calendar.h"

namespace cp::eod {

// Builds the calendars and schedules of the channels on which D is a Southbound trading day,
// traded or not (their holders owe the portfolio fee; earlier trades may still be unsettled).
// Refuses executions on a channel that does not trade that day (with the calendar's reason), a
// date neither channel trades, and the rates and closes the day's executions need, naming all
// that is missing at once. The rates of a channel that does not trade are dropped.
Result<void> prepare_day(DayInputs& inputs, const refdata::MarketCalendarData& markets);

// The clearing of D's executions, one at a time, each result added to the digest in order.
// clear_next and record may run on two threads (clearing_pipeline.h): they share nothing.
class DayClearing {
 public:
  explicit DayClearing(const DayInputs& inputs);
  DayClearing(const DayClearing&) = delete;
  DayClearing& operator=(const DayClearing&) = delete;

  // The next result, valid until the next call, recorded; nullptr after the last.
  const clearing::ExecutionResult* next() {
    const clearing::ExecutionResult* r = clear_next();
    if (r != nullptr) record(*r);
    return r;
  }
  // The next result, not yet recorded; nullptr after the last.
  const clearing::ExecutionResult* clear_next() { return clearer_.next(); }
  // Adds a result to the digest. REQUIRES: every result, in the order cleared.
  void record(const clearing::ExecutionResult& r);
  // REQUIRES: next() has returned nullptr.
  clearing::ClearingResult finish() { return clearer_.finish(); }
  clearing::Digest& digest() { return digest_; }

 private:
  const DayInputs& inputs_;
  clearing::DayFees fees_;
  clearing::ClearingInputs clearing_inputs_;
  clearing::DayClearer clearer_;
  clearing::Digest digest_;
  std::string line_;  // the digest's line of the latest result
};

// Everything of D after the clearing, and what the run writes beside it.
struct DayComputation {
  EodReport report;  // all but postings and the audit anchor; digest set
  // The journal beside the trade-date entries: the portfolio-fee charges, then the
  // settlement-day entries (CLR-3), each entry's postings adjacent.
  std::vector<ledger::Posting> charges;
  std::map<Channel, Date> settles_on;  // STL-2 trading-money date per channel
};

// REQUIRES: `delays` from delayed_settlements(day), whose moves are already visible to
// day.earlier; `digest` the clearing's, to which the day's other figures are added.
Result<DayComputation> compute_day(DayContext& day, const clearing::ClearingResult& result,
                                   std::vector<store::SettlementDelay> delays,
                                   clearing::Digest digest);

}  // namespace cp::eod
