#include "trading/eligibility.h"

namespace cp::trading {
namespace {

using refdata::SecurityKind;
using refdata::SecurityRecord;
using refdata::SizeCategory;

// Whether the record is eligible by TRD-1 on `date`; `why` says which rule decided.
bool eligible_by_rule(const SecurityRecord& security, const refdata::ParameterTable& parameters,
                      Channel channel, Date date, std::string& why) {
  const std::string ch(channel_code(channel));
  if (!parameters.date("calendar.channel_open." + ch, date).ok()) {
    why = "the " + ch + " channel is not open on " + date.to_string();
    return false;
  }
  if (security.kind == SecurityKind::kEtf) {
    auto etf = parameters.boolean("trading.eligibility.etf", date);
    why = etf.ok() && *etf ? "eligible ETF (TRD-1)"
                           : "ETFs are not in Stock Connect on " + date.to_string();
    return etf.ok() && *etf;
  }
  if (security.kind != SecurityKind::kEquity) {
    why = security.kind == SecurityKind::kWarrant
              ? "distributed warrants are outside the eligible list (TRD-2)"
              : "distributed rights are outside the eligible list (TRD-2)";
    return false;
  }
  if (security.ah_venue != refdata::AhVenue::kNone) {
    auto venues = parameters.text("trading.eligibility.ah_venues." + ch, date);
    const std::string venue = refdata::ah_venue_code(security.ah_venue);
    if (venues.ok() && (" " + *venues + " ").find(" " + venue + " ") != std::string::npos) {
      why = "H share of an A+H company with A shares on " + venue + " (TRD-1, no market-cap test)";
      return true;
    }
  }
  if (security.hsci_size == SizeCategory::kLarge || security.hsci_size == SizeCategory::kMid) {
    why = std::string("HSCI ") + refdata::size_category_code(security.hsci_size) +
          "-cap constituent (TRD-1)";
    return true;
  }
  if (security.hsci_size == SizeCategory::kSmall) {
    auto minimum = parameters.money("trading.eligibility.smallcap_min_avg_mcap." + ch, date);
    if (!minimum.ok()) {
      why = "HSCI SmallCap is not eligible on the " + ch + " channel (TRD-1)";
      return false;
    }
    const bool big_enough = security.avg_mcap_hkd && *security.avg_mcap_hkd >= minimum->amount();
    why = "HSCI SmallCap with average market cap HKD " +
          (security.avg_mcap_hkd ? security.avg_mcap_hkd->to_string_grouped() : "?") +
          (big_enough ? " ≥ " : " < ") + minimum->amount().to_string_grouped() + " (TRD-1)";
    return big_enough;
  }
  why = "not an HSCI constituent nor an eligible A+H share (TRD-1)";
  return false;
}

}  // namespace

const char* eligibility_name(Eligibility eligibility) {
  switch (eligibility) {
    case Eligibility::kEligible:
      return "eligible";
    case Eligibility::kSellOnly:
      return "sell_only";
    case Eligibility::kNotEligible:
      return "not_eligible";
  }
  return "not_eligible";
}

Result<EligibilityResult> eligibility(const refdata::SecurityMaster& master,
                                      const refdata::ParameterTable& parameters,
                                      std::string_view code, Channel channel, Date date) {
  CP_ASSIGN_OR_RETURN(const auto* entry, master.on(code, date));
  EligibilityResult result;
  if (eligible_by_rule(entry->row, parameters, channel, date, result.reason)) {
    result.status = Eligibility::kEligible;
    return result;
  }
  if (entry->row.kind == SecurityKind::kWarrant || entry->row.kind == SecurityKind::kRights) {
    result.status = Eligibility::kSellOnly;
    return result;
  }
  // TRD-2: eligible on an earlier day (the last day of an earlier record, or the day before).
  for (const auto* earlier : master.history(code)) {
    const auto& p = earlier->provenance;
    if (p.effective_from >= date) continue;
    const Date last_day =
        p.effective_to && *p.effective_to < date ? *p.effective_to : date.plus_days(-1);
    std::string earlier_why;
    if (eligible_by_rule(earlier->row, parameters, channel, last_day, earlier_why)) {
      result.status = Eligibility::kSellOnly;
      result.reason = "left the eligible list after " + last_day.to_string() + ": " +
                      result.reason + "; sell only (TRD-2)";
      return result;
    }
  }
  result.status = Eligibility::kNotEligible;
  return result;
}

}  // namespace cp::trading
