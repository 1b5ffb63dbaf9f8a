// What a corporate action does to the holdings on its distribution (payment) date (SPEC CLR-8,
// CA-1; seed 002 附件4 第24条): bonus shares and warrants are credited, a split or consolidation
// replaces the holding by the shares after it, a takeover takes the shares away (its
// consideration comes as cash when CSDC clears it: eod/ca_cash_stage.h). The holdings at every
// later close include these movements (eod/closing_holdings.h), as they include a non-trade
// transfer's.
//
// Not here [D, docs/corpactions.md]: a rights issue's or open offer's nil-paid rights and the
// shares taken up, and a scrip election's shares (they follow the elections filed).
#pragma once

#include <vector>

#include "clearing/holdings.h"
#include "corpactions/corporate_action.h"

namespace cp::corpactions {

// Whether `type` moves securities on its distribution date: bonus shares, bonus warrants, split,
// consolidation, takeover.
bool moves_securities(ActionType type);

// The movements of `action` for the holdings at its holders' close (`holders`: one channel's
// holdings, any securities; only the event's security counts), by account:
//   bonus shares   + holding × new ÷ old, rounded down, of the event's security (or of
//                  new_security_code when the bonus is another class)
//   bonus warrants + the same of new_security_code (the warrant)
//   split, consolidation   the holding replaced by holding × new ÷ old rounded down: the
//                  difference on the same security, or the holding out and the shares after in
//                  when the new shares have a new code
//   takeover       − the holding
// REQUIRES: validate(action) is OK.
std::vector<clearing::HoldingMovement> securities_movements(
    const CorporateAction& action, const std::vector<clearing::Holding>& holders);

}  // namespace cp::corpactions
