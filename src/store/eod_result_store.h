// Writing an EOD run's results: the date's earlier rows go and these come in, inside the
// caller's transaction, so a reader sees the old results or the new ones, never a mix.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "clearing/client_clearing.h"
#include "clearing/input_files.h"
#include "core/date.h"
#include "eod/eod_results.h"
#include "eod/settlement_stage.h"
#include "ledger/journal.h"
#include "store/database.h"
#include "store/posting_segments.h"

namespace cp::store {

// Deletes the date's earlier rows from every result table. Call first, in the run's transaction.
Result<void> delete_results(Database& db, Date date);

// The run's journal, encoded without touching the database: each investor's trade-date entry
// built, checked and encoded in turn, then `charges` (portfolio-fee charges and settlement-day
// entries, each entry's postings adjacent). Asserts that every entry balances (a break is a
// bug, never bad input).
JournalSegments encode_journal(const clearing::ClearingResult& result,
                               const std::vector<ledger::Posting>& charges);
// encode_journal in two steps: the investors' trade-date entries (most of a day's journal; they
// read only the clearing's result, so a run encodes them while its other stages compute), then
// the charges, which finish the journal.
JournalSegments encode_trade_date_entries(const clearing::ClearingResult& result);
void encode_charges(JournalSegments& journal, const std::vector<ledger::Posting>& charges);

struct DayResults {
  const clearing::ClearingResult& result;     // the investors and CSDC's nets
  const std::map<Channel, Date>& settles_on;  // STL-2 trading-money date per channel
  const JournalSegments& journal;             // encode_journal's, finished
  const eod::EodReport& report;  // settlements, reserves, fees, exceptions and the digest
};

// Writes everything else of the run and records it in eod_run: investors, CSDC, the journal,
// risk funds, transfers, portfolio fees and exceptions. Returns the number of postings written.
Result<int64_t> write_results(Database& db, Date date, const DayResults& day_results,
                              std::string_view finished_at_utc);

// Moves earlier trade dates' settlements to the dates now in force (eod::delayed_settlements).
// Moves earlier portfolio fees' collection dates the same way (delayed.fee_moves).
Result<void> move_settlements(Database& db, const eod::DelayedSettlements& delayed);

// The settlement dates a run of `date` first gave, its investors' per channel and CSDC's per
// channel, reserve and flow. A rerun keeps them (keep_first_plans after write_results): when
// the calendar moved a settlement after the first run, the investors were told the first date,
// and the next run's notices (CLR-18) compare against it.
struct FirstPlans {
  std::map<std::string, std::string> investors;  // channel → planned date
  std::map<std::tuple<std::string, std::string, std::string>, std::string> csdc;
};
Result<FirstPlans> first_plans_of(Database& db, Date date);
Result<void> keep_first_plans(Database& db, Date date, const FirstPlans& plans);

// Records the rates the run used, per channel (SPEC CLR-15): reports read these, not the
// imported table a later `import fx --replace` may change.
Result<void> write_fx_rates(Database& db, Date date,
                            const std::map<Channel, clearing::FxRates>& rates);

}  // namespace cp::store
