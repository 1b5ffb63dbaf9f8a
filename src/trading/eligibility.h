// Which securities a channel may buy and sell (SPEC TRD-1, TRD-2).
//   Eligible by rule on a date: HSCI LargeCap and MidCap constituents; H shares of A+H
//   companies whose A shares list on one of the channel's venues (no market-cap test); SmallCap
//   constituents whose average market cap meets the channel's minimum (Shenzhen: HK$5bn; the
//   Shanghai channel has no SmallCap rule); ETFs once they joined Stock Connect. The channel must
//   be open. Every threshold is a dated parameter.
//   Sell-only: a security that was eligible and left the list, and securities received by
//   distribution (warrants, rights) — holders may sell, nobody may buy.
#pragma once

#include <string>

#include "core/market.h"
#include "refdata/parameters.h"
#include "refdata/securities.h"

namespace cp::trading {

enum class Eligibility { kEligible, kSellOnly, kNotEligible };
const char* eligibility_name(Eligibility eligibility);  // "eligible", "sell_only", "not_eligible"

struct EligibilityResult {
  Eligibility status = Eligibility::kNotEligible;
  std::string reason;  // why, in words, with the rule id
};

// kNotFound when the code is not in the master on `date`.
Result<EligibilityResult> eligibility(const refdata::SecurityMaster& master,
                                      const refdata::ParameterTable& parameters,
                                      std::string_view code, Channel channel, Date date);

}  // namespace cp::trading
