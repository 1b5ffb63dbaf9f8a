#include "corpactions/election_run.h"

#include <map>

#include "corpactions/ca_run.h"
#include "corpactions/entitlement.h"
#include "store/ca_election_store.h"
#include "store/ca_store.h"

namespace cp::corpactions {
namespace {

bool is_take_up(ActionType type) {
  return type == ActionType::kRightsIssue || type == ActionType::kOpenOffer;
}

// Per channel and account, what may be elected on at the close of `date`: shares, or the rights
// they carry for a take-up.
Result<std::map<std::pair<Channel, std::string>, int64_t>> eligible_at(
    store::Database& db, const refdata::RefData& refdata,
    const refdata::MarketCalendarData& markets, const CorporateAction& action, Date date) {
  CP_ASSIGN_OR_RETURN(const auto holders,
                      holders_at(db, refdata, markets, action.security_code, date));
  std::map<std::pair<Channel, std::string>, int64_t> out;
  for (const Holder& h : holders) {
    out[{h.channel, h.account_id}] =
        is_take_up(action.type) ? apply_ratio(h.shares, *action.ratio).whole : h.shares;
  }
  return out;
}

}  // namespace

Result<std::map<std::pair<Channel, std::string>, int64_t>> eligible_at_instant(
    store::Database& db, const refdata::RefData& refdata,
    const refdata::MarketCalendarData& markets, const CorporateAction& action, HktInstant at) {
  const Date holders_date = action.holders_date();
  const Date basis = at.date > holders_date ? holders_date : at.date.plus_days(-1);
  return eligible_at(db, refdata, markets, action, basis);
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
  CP_ASSIGN_OR_RETURN(const auto eligible,
                      eligible_at(db, refdata, markets, report.action, report.holders_date));
  report.filed = file_elections(report.action, prevailing(report.instructions), eligible);
  report.totals = aggregate(report.filed);
  return report;
}

}  // namespace cp::corpactions
