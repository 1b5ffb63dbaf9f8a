#include "trading/eligibility.h"

namespace cp::trading {
namespace {

using refdata::SecurityKind;
using refdata::SecurityRecord;
using refdata::SizeCategory;

// What decided a record's eligibility on a date.
struct Decision {
  bool eligible = false;
  std::string exclusion;
  std::string why;
  std::string source;
};

// The source of the parameter `key` in force on `date`, or where it would be.
std::string parameter_source(const refdata::ParameterTable& parameters, const std::string& key,
                             Date date) {
  if (const auto* entry = parameters.table().in_force(key, date)) return entry->provenance.source;
  return "parameters.csv: no " + key + " in force on " + date.to_string();
}

Decision decide(const refdata::DatedTable<SecurityRecord>::Entry& entry,
                const EligibilityData& data, Channel channel, Date date) {
  const SecurityRecord& security = entry.row;
  const auto& parameters = data.parameters;
  const std::string ch(channel_code(channel));
  const std::string open_key = "calendar.channel_open." + ch;
  if (!parameters.date(open_key, date).ok()) {
    return {false, "", "the " + ch + " channel is not open on " + date.to_string(),
            parameter_source(parameters, open_key, date)};
  }
  // Distributed warrants and rights are sell-only as distributions (TRD-2), whatever an
  // exclusion would also say of them.
  if (security.kind == SecurityKind::kWarrant || security.kind == SecurityKind::kRights) {
    return {false, "",
            security.kind == SecurityKind::kWarrant
                ? "distributed warrants are outside the eligible list (TRD-2)"
                : "distributed rights are outside the eligible list (TRD-2)",
            entry.provenance.source};
  }
  // Exclusions stand before the index: "whatever the index" (TRD-1).
  for (const auto* rule : data.exclusions.in_force(channel, date)) {
    const std::string why = refdata::exclusion_applies(rule->row, security);
    if (!why.empty()) {
      return {false, rule->key,
              why + ": excluded from the " + ch + " list (TRD-1 " + rule->key + ")",
              rule->provenance.source};
    }
  }
  if (security.kind == SecurityKind::kEtf) {
    auto etf = parameters.boolean("trading.eligibility.etf", date);
    const bool in = etf.ok() && *etf;
    return {in, "",
            in ? "eligible ETF (TRD-1)" : "ETFs are not in Stock Connect on " + date.to_string(),
            parameter_source(parameters, "trading.eligibility.etf", date)};
  }
  if (security.ah_venue != refdata::AhVenue::kNone) {
    const std::string key = "trading.eligibility.ah_venues." + ch;
    auto venues = parameters.text(key, date);
    const std::string venue = refdata::ah_venue_code(security.ah_venue);
    if (venues.ok() && (" " + *venues + " ").find(" " + venue + " ") != std::string::npos) {
      return {
          true, "",
          "H share of an A+H company with A shares on " + venue + " (TRD-1, no market-cap test)",
          parameter_source(parameters, key, date)};
    }
  }
  if (security.hsci_size == SizeCategory::kLarge || security.hsci_size == SizeCategory::kMid) {
    return {true, "",
            std::string("HSCI ") + refdata::size_category_code(security.hsci_size) +
                "-cap constituent (TRD-1)",
            entry.provenance.source};
  }
  if (security.hsci_size == SizeCategory::kSmall) {
    const std::string key = "trading.eligibility.smallcap_min_avg_mcap." + ch;
    auto minimum = parameters.money(key, date);
    if (!minimum.ok()) {
      return {false, "", "HSCI SmallCap is not eligible on the " + ch + " channel (TRD-1)",
              parameter_source(parameters, key, date)};
    }
    const bool big_enough = security.avg_mcap_hkd && *security.avg_mcap_hkd >= minimum->amount();
    return {big_enough, "",
            "HSCI SmallCap with average market cap HKD " +
                (security.avg_mcap_hkd ? security.avg_mcap_hkd->to_string_grouped() : "?") +
                (big_enough ? " ≥ " : " < ") + minimum->amount().to_string_grouped() + " (TRD-1)",
            parameter_source(parameters, key, date)};
  }
  return {false, "", "not an HSCI constituent nor an eligible A+H share (TRD-1)",
          entry.provenance.source};
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

Result<EligibilityResult> eligibility(const EligibilityData& data, std::string_view code,
                                      Channel channel, Date date) {
  CP_ASSIGN_OR_RETURN(const auto* entry, data.master.on(code, date));
  const Decision now = decide(*entry, data, channel, date);
  EligibilityResult result;
  result.exclusion = now.exclusion;
  result.reason = now.why;
  result.source = now.source;
  if (now.eligible) {
    result.status = Eligibility::kEligible;
    return result;
  }
  if (entry->row.kind == SecurityKind::kWarrant || entry->row.kind == SecurityKind::kRights) {
    result.status = Eligibility::kSellOnly;
    result.rule = "TRD-2";
    return result;
  }
  // TRD-2: eligible on an earlier day (the last day of an earlier record, or the day before).
  for (const auto* earlier : data.master.history(code)) {
    const auto& p = earlier->provenance;
    if (p.effective_from >= date) continue;
    const Date last_day =
        p.effective_to && *p.effective_to < date ? *p.effective_to : date.plus_days(-1);
    if (decide(*earlier, data, channel, last_day).eligible) {
      result.status = Eligibility::kSellOnly;
      result.rule = "TRD-2";
      result.reason = "left the eligible list after " + last_day.to_string() + ": " +
                      result.reason + "; sell only (TRD-2)";
      return result;
    }
  }
  result.status = Eligibility::kNotEligible;
  return result;
}

}  // namespace cp::trading
