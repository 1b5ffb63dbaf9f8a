// What a corporate action does to the holdings on its distribution (payment) date (SPEC CLR-8,
// CA-1; seed 002 附件4 第24条): bonus shares and warrants are credited, a split or consolidation
// replaces the holding by the shares after it, a takeover takes the shares away (its
// consideration comes as cash when CSDC clears it: eod/ca_cash_stage.h). The holdings at every
// later close include these movements (eod/closing_holdings.h), as they include a non-trade
// transfer's.
//
// A scrip dividend's new shares go to the shares filed for scrip (CA-3), on the payment date.
// Not here [D, docs/corpactions.md]: a rights issue's or open offer's nil-paid rights and the
// shares taken up.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clearing/holdings.h"
#include "corpactions/corporate_action.h"
#include "corpactions/elections.h"

namespace cp::corpactions {

// Whether `type` moves securities on its distribution date: bonus shares, bonus warrants, split,
// consolidation, takeover, and a scrip dividend for those who elect scrip.
bool moves_securities(ActionType type);

// A scrip dividend's shares filed for scrip on `channel`, by account: the prevailing instructions
// (elections.h prevailing) filed against the holdings at the holders' close (`holders`: the
// channel's; only the event's security counts). An election beyond the holding is refused whole
// and takes cash.
std::map<std::string, int64_t> scrip_filed_by_account(
    const CorporateAction& action, Channel channel,
    const std::vector<ElectionInstruction>& prevailing,
    const std::vector<clearing::Holding>& holders);

// The movements of `action` for the holdings at its holders' close (`holders`: one channel's
// holdings, any securities; only the event's security counts), by account:
//   bonus shares   + holding × new ÷ old, rounded down, of the event's security (or of
//                  new_security_code when the bonus is another class)
//   bonus warrants + the same of new_security_code (the warrant)
//   split, consolidation   the holding replaced by holding × new ÷ old rounded down: the
//                  difference on the same security, or the holding out and the shares after in
//                  when the new shares have a new code
//   takeover       − the holding
//   scrip dividend + scrip_new_shares of the shares `scrip_elected` names (by account), of the
//                  event's security (or new_security_code)
// REQUIRES: validate(action) is OK.
std::vector<clearing::HoldingMovement> securities_movements(
    const CorporateAction& action, const std::vector<clearing::Holding>& holders,
    const std::map<std::string, int64_t>& scrip_elected = {});

}  // namespace cp::corpactions
