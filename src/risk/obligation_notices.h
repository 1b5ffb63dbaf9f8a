// What a participant's users are told about a money obligation (issue 16 items 4 and 6): when the
// report that announces it is issued, an hour before its deadline while it is unpaid, and when it
// was found unpaid at its deadline. Title and body
// in English, amounts grouped, times in Hong Kong time; the link opens the obligations page on
// the day. Part of cp_risk_run (it reads the stored obligation).
#pragma once

#include <chrono>
#include <string>

#include "store/obligation_store.h"

namespace cp::risk {

// How long before a deadline the reminder goes out (issue 16 item 6: one hour).
inline constexpr std::chrono::minutes kReminderLead{60};
// A report issued longer ago than this when the notices first run is not announced (a past day
// loaded today would otherwise flood the inboxes).
inline constexpr std::chrono::hours kReportNoticeFreshness{24};

struct NoticeText {
  std::string title;
  std::string body;
  std::string link;
};

// "day-end margin", "intraday marks", …: the obligation's kind for a person.
std::string obligation_title(ObligationKind kind);

NoticeText report_notice(const store::StoredObligation& obligation);
NoticeText deadline_reminder(const store::StoredObligation& obligation);
// Found short at its deadline (MO-2): an event of default under CCASS General Rule 3701.
NoticeText default_notice(const store::StoredObligation& obligation);

}  // namespace cp::risk
