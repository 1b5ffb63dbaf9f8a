// What the investor commands share (cli/investor_command.cpp, cli/investor_permission_command.cpp):
// an investor assessed on a channel and date, and the counter's closing check, each read from
// the store and the calendars, with their JSON.
#pragma once

#include <string>
#include <vector>

#include "cli/loaded_reference.h"
#include "cli/output.h"
#include "investors/closing.h"
#include "investors/suitability.h"
#include "store/investor_archive_store.h"
#include "store/investor_assessment.h"

namespace cp::cli {

// The options the investor commands take (each command its own subset).
struct InvestorOptions {
  std::string account;
  std::string channel;
  std::string date;
  bool json = false;
};

// The reference data and database opened, and --channel and --date read.
struct InvestorRequest {
  LoadedReference loaded;
  Channel channel = Channel::kShanghai;
  Date date;
};
Result<InvestorRequest> open_request(const AppContext& context, const InvestorOptions& options);

// The archive's stamp for what the command records: the operator, now, and the retention in
// force today (SUIT-7).
Result<store::ArchiveStamp> archive_stamp(const AppContext& context,
                                          const refdata::ParameterTable& parameters);

// The suitability rules of `channel` in force on `date` against the investor's evidence.
Result<investors::Assessment> assess_investor(const LoadedReference& loaded,
                                              const std::string& account, Channel channel,
                                              Date date);
using store::assessment_json;  // store/investor_assessment.h

using store::ClosingOutcome;  // store/investor_assessment.h
// SUIT-5 on `today`: the trade dates still settling, read from the EOD's results (or the
// executions imported before a date has run).
Result<ClosingOutcome> check_closing_of(const LoadedReference& loaded, const std::string& account,
                                        Channel channel, Date today);
using store::closing_json;

}  // namespace cp::cli
