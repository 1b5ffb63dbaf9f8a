// Which securities a channel may buy and sell (SPEC TRD-1, TRD-2).
//   Excluded whatever the index, first: the exclusions of the channel in force on the date
//   (data/eligibility_exclusions.csv: an issuer with A shares on a mainland exchange not the
//   channel's, a counter quoted in a currency other than HKD, A shares under risk alert).
//   Eligible by rule on a date: HSCI LargeCap and MidCap constituents; H shares of A+H
//   companies whose A shares list on one of the channel's venues (no market-cap test); SmallCap
//   constituents whose average market cap meets the channel's minimum (Shenzhen: HK$5bn; the
//   Shanghai channel has no SmallCap rule); ETFs once they joined Stock Connect. The channel must
//   be open. Every threshold is a dated parameter.
//   Sell-only: a security that was eligible and left the list, and securities received by
//   distribution (warrants, rights: decided as such before any exclusion) — holders may sell,
//   nobody may buy.
// Every decision names the rule that made it and where that rule comes from.
#pragma once

#include <string>

#include "core/market.h"
#include "refdata/eligibility_exclusions.h"
#include "refdata/parameters.h"
#include "refdata/securities.h"

namespace cp::trading {

enum class Eligibility { kEligible, kSellOnly, kNotEligible };
const char* eligibility_name(Eligibility eligibility);  // "eligible", "sell_only", "not_eligible"

struct EligibilityResult {
  Eligibility status = Eligibility::kNotEligible;
  const char* rule = "TRD-1";  // the SPEC rule that decided: TRD-1 or TRD-2
  std::string exclusion;       // the exclusion's id when one decided ("sh.non_hkd_quote")
  std::string reason;          // why, in words, with the rule id
  std::string source;          // the source of the rule or data that decided
};

// The reference data eligibility reads.
struct EligibilityData {
  const refdata::SecurityMaster& master;
  const refdata::ParameterTable& parameters;
  const refdata::ExclusionTable& exclusions;
};

// kNotFound when the code is not in the master on `date`.
Result<EligibilityResult> eligibility(const EligibilityData& data, std::string_view code,
                                      Channel channel, Date date);

}  // namespace cp::trading
