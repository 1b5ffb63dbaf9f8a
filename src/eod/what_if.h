// `connectpost eod what-if --date D (--as-of-rules D2 | --set KEY=VALUE…) [--account A]`
// (issue 15 §5): a stored day computed again under another date's fee schedule and parameters,
// or with parameters set, beside the day under its own rules — nothing is stored. "What would
// this day have cost under the 2023 stamp duty?"
//
// Both computations run the same stages (day_pipeline.h) over one snapshot of the stored inputs,
// inside a transaction that is always rolled back. Under --as-of-rules D2, the fee schedule, the
// parameters the stages read and the portfolio-fee tiers are D2's; D's calendar and the STL-2
// dates of its trades stay D's (a calendar rule is changed with --set cal.…). Earlier trade dates'
// settlements move as D's own rules move them (CLR-18), in both.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "store/database.h"

namespace cp::eod {

struct WhatIfRequest {
  Date date;
  std::optional<Date> as_of_rules;
  std::vector<std::pair<std::string, std::string>> settings;  // KEY=VALUE, applied in order
  std::string account;                                        // empty: no investor lines
  std::string data_dir;
};

// One figure under D's rules and under the request's; difference = what_if − baseline.
struct WhatIfLine {
  std::string channel;   // sh | sz | all
  std::string reserve;   // client | own | the account
  std::string item;      // e.g. fee:stamp_duty, csdc_net, transfer 2022-11-16
  std::string currency;  // HKD | CNY
  Decimal baseline;
  Decimal what_if;
  Decimal difference() const { return what_if - baseline; }
};

struct WhatIf {
  Date date;
  Date rules_date;
  std::vector<std::string> settings;  // "KEY=VALUE" as applied
  std::string baseline_digest;
  std::string what_if_digest;
  std::optional<std::string> stored_digest;  // of the stored run of D, if any
  std::vector<WhatIfLine> lines;             // per channel and reserve
  std::vector<WhatIfLine> account_lines;     // the request's account, per channel
};

Result<WhatIf> what_if(store::Database& db, const WhatIfRequest& request);

}  // namespace cp::eod
