#include "corpactions/election_run.h"

#include <map>

#include "corpactions/ca_run.h"
#include "corpactions/entitlement.h"
#include "corpactions/securities_movement.h"
#include "store/ca_election_store.h"
#include "store/ca_store.h"

namespace cp::corpactions {
namespace {

bool is_take_up(ActionType type) {
  return type == ActionType::kRightsIssue || type == ActionType::kOpenOffer;
}

// Per channel and account, what may be elected on at the close of `date`: shares, or for a
// take-up the rights (securities_movement.h take_up_eligible: the rights held once credited,
// before that the shares' rights).
Result<std::map<std::pair<Channel, std::string>, int64_t>> eligible_at(
    store::Database& db, const refdata::RefData& refdata,
    const refdata::MarketCalendarData& markets, const CorporateAction& action, Date date) {
  const bool rights_held =
      action.type == ActionType::kRightsIssue && date >= rights_credit_date(action);
  const std::string& code = rights_held ? action.new_security_code : action.security_code;
  CP_ASSIGN_OR_RETURN(const auto holders, holders_at(db, refdata, markets, code, date));
  std::map<std::pair<Channel, std::string>, int64_t> out;
  for (const Holder& h : holders) {
    out[{h.channel, h.account_id}] = is_take_up(action.type) && !rights_held
                                         ? apply_ratio(h.shares, *action.ratio).whole
                                         : h.shares;
  }
  return out;
}

// The close an instruction given on `at` is judged against: the close before it, but not
// after the holders' close — except a rights issue's rights, which are sold and so are counted
// as held at the close before (CA-1: no excess).
Date instruction_basis(const CorporateAction& action, HktInstant at) {
  const Date before = at.date.plus_days(-1);
  if (action.type == ActionType::kRightsIssue && before >= rights_credit_date(action)) {
    return before;
  }
  const Date holders_date = action.holders_date();
  return at.date > holders_date ? holders_date : before;
}

}  // namespace

Result<std::map<std::pair<Channel, std::string>, int64_t>> eligible_at_instant(
    store::Database& db, const refdata::RefData& refdata,
    const refdata::MarketCalendarData& markets, const CorporateAction& action, HktInstant at) {
  return eligible_at(db, refdata, markets, action, instruction_basis(action, at));
}

Result<int64_t> eligible_for(store::Database& db, const refdata::RefData& refdata,
                             const refdata::MarketCalendarData& markets,
                             const CorporateAction& action,
                             const ElectionInstruction& instruction) {
  CP_ASSIGN_OR_RETURN(const auto eligible,
                      eligible_at_instant(db, refdata, markets, action, instruction.at));
  const auto found = eligible.find({instruction.channel, instruction.account_id});
  return found == eligible.end() ? 0 : found->second;
}

Result<int64_t> elect(store::Database& db, const refdata::RefData& refdata,
                      const refdata::MarketCalendarData& markets, const std::string& event_id,
                      const ElectionInstruction& instruction, const std::string& entered_by) {
  CP_ASSIGN_OR_RETURN(const CorporateAction action, store::ca_event(db, event_id));
  CP_ASSIGN_OR_RETURN(const int64_t eligible,
                      eligible_for(db, refdata, markets, action, instruction));
  CP_RETURN_IF_ERROR(check_instruction(action, instruction, eligible));
  return store::record_ca_election(db, event_id, instruction, entered_by);
}

Result<ElectionReport> election_report(store::Database& db, const refdata::RefData& refdata,
                                       const refdata::MarketCalendarData& markets,
                                       const std::string& event_id) {
  ElectionReport report;
  CP_ASSIGN_OR_RETURN(report.action, store::ca_event(db, event_id));
  report.holders_date = report.action.holders_date();
  CP_ASSIGN_OR_RETURN(report.instructions, store::ca_elections_of(db, event_id));
  // A take-up is filed against the close before CSDC's deadline (take_up_basis).
  const Date basis =
      is_take_up(report.action.type) ? take_up_basis(report.action) : report.holders_date;
  CP_ASSIGN_OR_RETURN(const auto eligible, eligible_at(db, refdata, markets, report.action, basis));
  report.filed = file_elections(report.action, prevailing(report.instructions), eligible);
  report.totals = aggregate(report.filed);
  return report;
}

}  // namespace cp::corpactions
