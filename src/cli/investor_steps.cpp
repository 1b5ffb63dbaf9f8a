#include "cli/investor_steps.h"

#include "calendar/southbound_calendar.h"
#include "investors/archive.h"
#include "store/investor_assessment.h"
#include "store/investor_evidence_store.h"

namespace cp::cli {

Result<InvestorRequest> open_request(const AppContext& context, const InvestorOptions& options) {
  InvestorRequest out;
  CP_ASSIGN_OR_RETURN(out.loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(out.channel, parse_channel(options.channel));
  CP_ASSIGN_OR_RETURN(out.date, Date::parse(options.date));
  return out;
}

Result<store::ArchiveStamp> archive_stamp(const AppContext& context,
                                          const refdata::ParameterTable& parameters) {
  const UtcTime now = context.clock.now();
  CP_ASSIGN_OR_RETURN(const int32_t years,
                      investors::archive_retention_years(parameters, to_hkt(now).date));
  return store::ArchiveStamp{context.actor(), now, years};
}

Result<investors::Assessment> assess_investor(const LoadedReference& loaded,
                                              const std::string& account, Channel channel,
                                              Date date) {
  CP_ASSIGN_OR_RETURN(auto southbound, calendar::SouthboundCalendar::build(
                                           loaded.calendars, loaded.refdata.parameters, channel));
  return store::assess_on_record(*loaded.db, loaded.refdata.parameters, southbound, account,
                                 channel, date);
}

Result<ClosingOutcome> check_closing_of(const LoadedReference& loaded, const std::string& account,
                                        Channel channel, Date today) {
  CP_ASSIGN_OR_RETURN(auto southbound, calendar::SouthboundCalendar::build(
                                           loaded.calendars, loaded.refdata.parameters, channel));
  return store::closing_on_record(*loaded.db, loaded.refdata.parameters, southbound, account,
                                  channel, today);
}

}  // namespace cp::cli
