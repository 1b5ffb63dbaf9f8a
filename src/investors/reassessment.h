// Re-assessment (SPEC SUIT-6; seed 004 §2.1 "至少每两年进行一次风险承受能力的后续评估"): the
// daily job lists every permission whose risk questionnaire has expired or expires within the
// notice period, so the investor can be told and the result recorded; and an expired one blocks
// new buy orders while sells stay allowed (the order checks read it). Pure: the shell reads the
// permissions and the dates.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "core/result.h"
#include "refdata/parameters.h"

namespace cp::investors {

struct ReassessmentRules {
  int32_t questionnaire_valid_years = 0;  // suit.questionnaire_valid_years (2)
  int32_t notice_days = 0;                // suit.reassessment_notice_days (30)
};
Result<ReassessmentRules> reassessment_rules(const refdata::ParameterTable& parameters, Date date);

// A permission on record: who, on which channel, and the questionnaire it stands on.
struct PermissionOnRecord {
  Channel channel = Channel::kShanghai;
  std::string account_id;
  Date questionnaire_completed_on;
};

enum class ReassessmentStatus : uint8_t { kDueSoon, kExpired };
// "due_soon", "expired"
std::string_view reassessment_status_code(ReassessmentStatus status);

struct ReassessmentDue {
  Channel channel = Channel::kShanghai;
  std::string account_id;
  Date valid_until;  // questionnaire_valid_until
  ReassessmentStatus status = ReassessmentStatus::kDueSoon;
  // Calendar days from `today` to valid_until: 0 on its last valid day, below 0 once expired.
  int64_t days_left = 0;
};

// The permissions whose questionnaire has expired on `today` or expires within the notice
// period (valid_until ≤ today + notice_days), expired first, then by days left, channel and
// account; the others are current and not listed.
std::vector<ReassessmentDue> reassessments_due(std::span<const PermissionOnRecord> permissions,
                                               Date today, const ReassessmentRules& rules);

// The order check of SUIT-6: a buy on `trade_date` after the questionnaire's last valid day is
// refused (a rule violation naming the day and what to do); a sell is always allowed, so an
// investor can leave a position.
Result<void> check_assessment_for_order(Side side, Date questionnaire_completed_on, Date trade_date,
                                        const ReassessmentRules& rules);

}  // namespace cp::investors
