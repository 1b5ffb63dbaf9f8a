#include "investors/standing.h"

namespace cp::investors {

trading::Standings standings_on(const std::vector<PermissionOnRecord>& held, Channel channel,
                                Date date, const ReassessmentRules& rules) {
  trading::Standings out;
  for (const PermissionOnRecord& p : held) {
    if (p.channel != channel) continue;
    const auto buy =
        check_assessment_for_order(Side::kBuy, p.questionnaire_completed_on, date, rules);
    out[p.account_id] = {true, buy.ok() ? "" : buy.error().message};
  }
  return out;
}

}  // namespace cp::investors
