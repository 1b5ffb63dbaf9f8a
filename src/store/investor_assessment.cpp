#include "store/investor_assessment.h"

#include "investors/asset_window.h"
#include "store/investor_evidence_store.h"

namespace cp::store {

Result<investors::Assessment> assess_on_record(Database& db,
                                               const refdata::ParameterTable& parameters,
                                               const calendar::SouthboundCalendar& southbound,
                                               const std::string& account_id, Channel channel,
                                               Date date) {
  CP_ASSIGN_OR_RETURN(const investors::ChannelRules rules,
                      investors::channel_rules(parameters, channel, date));
  CP_ASSIGN_OR_RETURN(const std::vector<Date> window,
                      investors::asset_window(southbound, date, rules.asset_window_days));
  CP_ASSIGN_OR_RETURN(const investors::Evidence evidence,
                      investor_evidence(db, account_id, channel, date, window.front()));
  return investors::assess(rules, evidence, date, window);
}

nlohmann::ordered_json assessment_json(const investors::Assessment& assessment,
                                       const std::string& account_id, Channel channel, Date date) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& r : assessment.rules) {
    rules.push_back({{"rule", investors::rule_code(r.rule)},
                     {"passed", r.passed},
                     {"evidence", r.evidence},
                     {"reason", r.reason}});
  }
  return {{"account", account_id},
          {"channel", channel_code(channel)},
          {"date", date.to_string()},
          {"eligible", assessment.eligible},
          {"rules", rules}};
}

}  // namespace cp::store
