// What a corporate action does to the holdings on its distribution (payment) date (SPEC CLR-8,
// CA-1; seed 002 附件4 第24条): bonus shares and warrants are credited, a split or consolidation
// replaces the holding by the shares after it, a takeover takes the shares away (its
// consideration comes as cash when CSDC clears it: eod/ca_cash_stage.h). The holdings at every
// later close include these movements (eod/closing_holdings.h), as they include a non-trade
// transfer's.
//
// A scrip dividend's new shares go to the shares filed for scrip (CA-3), on the payment date.
//
// A rights issue moves securities twice (CA-1, CA-3; [D] docs/corpactions.md "Rights taken up"):
// its nil-paid rights (new_security_code, one right per new share) are credited from the
// holdings at the record date's close on the day after it, and sold (never bought) like a
// warrant; on the payment date the shares filed for take-up are credited and every right still
// held goes (taken up or lapsed). An open offer has no tradable rights: only the payment date's
// shares.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clearing/holdings.h"
#include "corpactions/corporate_action.h"
#include "corpactions/elections.h"

namespace cp::corpactions {

// Whether `type` moves securities: bonus shares, bonus warrants, split, consolidation, takeover,
// a scrip dividend for those who elect scrip, a rights issue and an open offer.
bool moves_securities(ActionType type);

// The days an action moves securities, and what moves on each.
enum class SecuritiesStep : uint8_t {
  kDistribution,  // the payment date: the action's securities (a take-up's shares, rights out)
  kRightsCredit,  // the day after the record date: a rights issue's nil-paid rights in
};
struct DatedStep {
  SecuritiesStep step = SecuritiesStep::kDistribution;
  Date date;
};
// [D] The nil-paid rights are credited the day after the record date: the first close that
// includes them without reading itself (the holders' close is the record date's). HKSCC credits
// them when the provisional allotment letters go out, a business day or two later; the day is
// not in the sources, and the earliest leaves every day of nil-paid dealing to sell them in.
Date rights_credit_date(const CorporateAction& action);
// The steps of `action` dated after `after` and on or before `through`, by date. REQUIRES:
// validate(action) is OK.
std::vector<DatedStep> securities_steps_in(const CorporateAction& action, Date after, Date through);
// Whether `step` of `action` reads the holdings at the holders' close (the rights' credit) or
// at the close before its date, whichever is earlier (a distribution).
Date step_basis(const CorporateAction& action, const DatedStep& step);

// A take-up's eligible rights by account, from `holdings` (one channel's, any securities) at
// the close the filing reads (take_up_basis): a rights issue's rights held (new_security_code),
// or, before they are credited and for an open offer, the shares of the event's security ×
// ratio rounded down.
std::map<std::string, int64_t> take_up_eligible(const CorporateAction& action,
                                                const std::vector<clearing::Holding>& holdings,
                                                Date basis);
// The close the broker's filing to CSDC reads for a take-up (CA-3): the close before CSDC's
// deadline, or the record date's if that is later (an open offer has no rights to trade: always
// the record date's); at the latest the close before the payment date.
Date take_up_basis(const CorporateAction& action);
// The rights (or open-offer shares) filed for take-up on `channel`, by account: the prevailing
// instructions filed against `eligible` (take_up_eligible). An instruction beyond it is an
// excess application and refused whole (CA-1).
std::map<std::string, int64_t> take_up_filed_by_account(
    const CorporateAction& action, Channel channel,
    const std::vector<ElectionInstruction>& prevailing,
    const std::map<std::string, int64_t>& eligible);

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
//   scrip dividend + scrip_new_shares of the shares `elected` names (by account), of the
//                  event's security (or new_security_code)
//   rights issue, open offer   + the shares `elected` names (the take-up filed, one new share
//                  per right), of the event's security; a rights issue's rights (holdings of
//                  new_security_code in `holders`, at the close before the payment date) all out
// REQUIRES: validate(action) is OK.
std::vector<clearing::HoldingMovement> securities_movements(
    const CorporateAction& action, const std::vector<clearing::Holding>& holders,
    const std::map<std::string, int64_t>& elected = {});

// A rights issue's nil-paid rights: + holding × new ÷ old, rounded down, of new_security_code,
// for each holder of the event's security in `holders` (the record date's close).
std::vector<clearing::HoldingMovement> rights_credit_movements(
    const CorporateAction& action, const std::vector<clearing::Holding>& holders);

}  // namespace cp::corpactions
