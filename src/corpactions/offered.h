// What Southbound offers its investors, by date (SPEC CA-1; research/domain-facts.md §10). The
// seed (附件4 第29条, 2014) offers cash dividends, bonus shares and warrants, votes, splits and
// consolidations and takeovers, and not IPO subscription, rights issues, open offers, warrant
// conversion or scrip elections. Later practice takes rights and open offers up within the
// entitlement (no excess application; rights sellable, not buyable) and supports scrip
// elections. When each change came is [NC]: two dated parameters say it (data/parameters.csv),
//   ca.rights_take_up   false to 2016-12-04, true from 2016-12-05 (chosen: CSDC's rules reissued
//                       for Shenzhen Connect; docs/corpactions.md)
//   ca.scrip_election   false to 2021-12-31, true from 2022-01-01 (CSDC's Shenzhen guide of
//                       January 2022 adds "H股含股利选择权红利派发" [M])
// IPO subscription, excess application and warrant exercise are never offered.
#pragma once

#include "core/date.h"
#include "core/result.h"
#include "corpactions/corporate_action.h"
#include "refdata/parameters.h"

namespace cp::corpactions {

// The date an action is judged by: its record date, else CSDC's deadline, ex-date or payment
// date, the first there is.
Date judged_on(const CorporateAction& action);

// OK when `action`'s type is offered on judged_on(action); else a rule violation (field "type")
// naming the rule and, for a dated one, the dates of the parameter in force.
Result<void> check_offered(const CorporateAction& action,
                           const refdata::ParameterTable& parameters);

}  // namespace cp::corpactions
