#include "corpactions/offered.h"

#include <string>

namespace cp::corpactions {
namespace {

Error not_offered(const CorporateAction& action, const std::string& why) {
  return rule_violation("event " + action.event_id + ": a " +
                            std::string(action_type_code(action.type)) +
                            " is not offered to Southbound investors on " +
                            judged_on(action).to_string() + ": " + why,
                        "type");
}

}  // namespace

Date judged_on(const CorporateAction& action) {
  if (action.record_date) return *action.record_date;
  if (action.csdc_deadline) return action.csdc_deadline->date;
  if (action.ex_date) return *action.ex_date;
  CP_ASSERT(action.payment_date.has_value(), "a validated action has a date");
  return *action.payment_date;
}

Result<void> check_offered(const CorporateAction& action,
                           const refdata::ParameterTable& parameters) {
  const Date on = judged_on(action);
  switch (action.type) {
    case ActionType::kIpoSubscription:
      return not_offered(action,
                         "IPO subscription is not a Southbound service (SPEC CA-1; seed 002 "
                         "附件4 第29条)");
    case ActionType::kExcessApplication:
      return not_offered(action,
                         "rights and open offers are taken up within the entitlement only, "
                         "never in excess (SPEC CA-1; research/domain-facts.md §10)");
    case ActionType::kWarrantExercise:
      return not_offered(action,
                         "distributed warrants may only be sold, not exercised (SPEC "
                         "CLR-8; seed 002 附件4 第24条)");
    case ActionType::kRightsIssue:
    case ActionType::kOpenOffer: {
      CP_ASSIGN_OR_RETURN(const bool offered, parameters.boolean("ca.rights_take_up", on));
      if (!offered) {
        return not_offered(action,
                           "rights issues and open offers are not taken up before the "
                           "later practice (ca.rights_take_up; SPEC CA-1; seed 002 附件4 "
                           "第29条)");
      }
      return {};
    }
    case ActionType::kScripDividend: {
      CP_ASSIGN_OR_RETURN(const bool offered, parameters.boolean("ca.scrip_election", on));
      if (!offered) {
        return not_offered(action,
                           "scrip-dividend elections are not offered before the later "
                           "practice (ca.scrip_election; SPEC CA-1; seed 002 附件4 第29条)");
      }
      return {};
    }
    default:
      return {};
  }
}

}  // namespace cp::corpactions
