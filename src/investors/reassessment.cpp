#include "investors/reassessment.h"

#include <algorithm>
#include <tuple>

#include "investors/suitability.h"

namespace cp::investors {

Result<ReassessmentRules> reassessment_rules(const refdata::ParameterTable& parameters, Date date) {
  ReassessmentRules rules;
  CP_ASSIGN_OR_RETURN(const int64_t years,
                      parameters.integer("suit.questionnaire_valid_years", date));
  CP_ASSIGN_OR_RETURN(const int64_t notice,
                      parameters.integer("suit.reassessment_notice_days", date));
  rules.questionnaire_valid_years = static_cast<int32_t>(years);
  rules.notice_days = static_cast<int32_t>(notice);
  return rules;
}

std::string_view reassessment_status_code(ReassessmentStatus status) {
  return status == ReassessmentStatus::kExpired ? "expired" : "due_soon";
}

std::vector<ReassessmentDue> reassessments_due(std::span<const PermissionOnRecord> permissions,
                                               Date today, const ReassessmentRules& rules) {
  std::vector<ReassessmentDue> out;
  const Date notice_until = today.plus_days(rules.notice_days);
  for (const PermissionOnRecord& p : permissions) {
    const Date until =
        questionnaire_valid_until(p.questionnaire_completed_on, rules.questionnaire_valid_years);
    if (until > notice_until) continue;  // current
    out.push_back({p.channel, p.account_id, until,
                   until < today ? ReassessmentStatus::kExpired : ReassessmentStatus::kDueSoon,
                   days_between(today, until)});
  }
  std::sort(out.begin(), out.end(), [](const ReassessmentDue& a, const ReassessmentDue& b) {
    return std::tie(a.days_left, a.channel, a.account_id) <
           std::tie(b.days_left, b.channel, b.account_id);
  });
  return out;
}

Result<void> check_assessment_for_order(Side side, Date questionnaire_completed_on, Date trade_date,
                                        const ReassessmentRules& rules) {
  if (side == Side::kSell) return {};
  const Date until =
      questionnaire_valid_until(questionnaire_completed_on, rules.questionnaire_valid_years);
  if (trade_date <= until) return {};
  return rule_violation("the risk assessment expired after " + until.to_string() +
                            ": a new buy waits for the re-assessment (SPEC SUIT-6); sells "
                            "stay allowed",
                        "side");
}

}  // namespace cp::investors
