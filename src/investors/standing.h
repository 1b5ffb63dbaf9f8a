// An investor's standing for the order checks (issue 18 item 10; SPEC SUIT-1, SUIT-2, SUIT-6):
// from the permissions held on a day, each account's permission on the channel and whether its
// buys wait because the assessment it stands on has expired (sells stay allowed). One rule for
// `orders replay` and the order-check API. Pure: the store reads the registry.
#pragma once

#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "investors/reassessment.h"
#include "trading/replay.h"

namespace cp::investors {

// The standings on `channel` on `date` of the permissions `held` that day
// (store::permissions_on_record); an account not among them holds no permission.
trading::Standings standings_on(const std::vector<PermissionOnRecord>& held, Channel channel,
                                Date date, const ReassessmentRules& rules);

}  // namespace cp::investors
