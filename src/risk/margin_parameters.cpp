#include "risk/margin_parameters.h"

#include <charconv>
#include <string_view>

namespace cp::risk {

Result<Decimal> hkd_parameter(const refdata::ParameterTable& table, const std::string& key,
                              Date date) {
  CP_ASSIGN_OR_RETURN(Money amount, table.money(key, date));
  if (amount.currency() != Currency::kHKD) {
    return invalid_input(key + " is in " + std::string(currency_code(amount.currency())) +
                             ": HKSCC's figures are in HKD",
                         key);
  }
  return amount.amount();
}

const char* margin_regime_code(MarginRegime regime) {
  return regime == MarginRegime::kMarginRate ? "margin_rate" : "var_platform";
}

namespace {

constexpr std::string_view kFlatRatePrefix = "margin.flat_rate.";

Result<MarginRegime> parse_regime(const std::string& text) {
  if (text == "margin_rate") return MarginRegime::kMarginRate;
  if (text == "var_platform") return MarginRegime::kVarPlatform;
  return invalid_input("margin.regime '" + text + "' is not margin_rate or var_platform",
                       "margin.regime");
}

// The keys of one scenario set, written out whole so that scripts/check-parameter-readers
// finds them.
struct ScenarioSetKeys {
  const char* confidence_level;
  const char* scenario_count;
  const char* weight;
  const char* ewma_lambda;
};
constexpr ScenarioSetKeys kHvarKeys{"margin.hvar.confidence_level", "margin.hvar.scenario_count",
                                    "margin.hvar.weight", "margin.hvar.ewma_lambda"};
constexpr ScenarioSetKeys kSvarKeys{"margin.svar.confidence_level", "margin.svar.scenario_count",
                                    "margin.svar.weight", "margin.svar.ewma_lambda"};

Result<ScenarioSetParameters> scenario_set(const refdata::ParameterTable& table,
                                           const ScenarioSetKeys& keys, Date date) {
  ScenarioSetParameters set;
  CP_ASSIGN_OR_RETURN(set.confidence_level, table.ratio(keys.confidence_level, date));
  CP_ASSIGN_OR_RETURN(set.scenario_count, table.integer(keys.scenario_count, date));
  CP_ASSIGN_OR_RETURN(set.weight, table.ratio(keys.weight, date));
  CP_ASSIGN_OR_RETURN(set.ewma_lambda, table.ratio(keys.ewma_lambda, date));
  // At most 10 decimals: the filter's products stay within a Decimal's 36 (scenario_filter.h).
  if (set.ewma_lambda.sign() <= 0 || set.ewma_lambda > Decimal::from_int(1) ||
      !set.ewma_lambda.fits_scale(10)) {
    return invalid_input(
        std::string(keys.ewma_lambda) + " must be above 0, at most 1, with at most 10 decimals",
        keys.ewma_lambda);
  }
  if (set.confidence_level.sign() <= 0 || set.confidence_level >= Decimal::from_int(1)) {
    return invalid_input(std::string(keys.confidence_level) + " must lie strictly between 0 and 1",
                         keys.confidence_level);
  }
  if (set.scenario_count < 1) {
    return invalid_input(std::string(keys.scenario_count) + " must be at least 1",
                         keys.scenario_count);
  }
  return set;
}

Result<MarginParameters> read_parameters(const refdata::ParameterTable& table, Date date) {
  MarginParameters p;
  p.valuation_date = date;
  CP_ASSIGN_OR_RETURN(std::string regime, table.text("margin.regime", date));
  CP_ASSIGN_OR_RETURN(p.regime, parse_regime(regime));
  CP_ASSIGN_OR_RETURN(p.margin_credit_hkd, hkd_parameter(table, "margin.credit", date));
  CP_ASSIGN_OR_RETURN(p.flat_rate_multiplier, table.ratio("margin.participant_multiplier", date));
  if (p.regime == MarginRegime::kMarginRate) {
    CP_ASSIGN_OR_RETURN(p.margin_rate, table.ratio("margin.rate", date));
    CP_ASSIGN_OR_RETURN(p.margin_multiplier, table.ratio("margin.rate_multiplier", date));
    return p;
  }
  CP_ASSIGN_OR_RETURN(p.hvar, scenario_set(table, kHvarKeys, date));
  CP_ASSIGN_OR_RETURN(p.svar, scenario_set(table, kSvarKeys, date));
  CP_ASSIGN_OR_RETURN(p.svar_window_end, table.date("margin.svar.window_end", date));
  CP_ASSIGN_OR_RETURN(p.floor_rate, table.ratio("margin.tier_p_floor_rate", date));
  CP_ASSIGN_OR_RETURN(p.rounding_hkd, table.integer("margin.rounding", date));
  if (p.rounding_hkd < 1) {
    return invalid_input("margin.rounding must be at least 1", "margin.rounding");
  }
  CP_ASSIGN_OR_RETURN(p.holiday_addon, table.boolean("margin.holiday_addon", date));
  CP_ASSIGN_OR_RETURN(p.ipo_segregation_days, table.integer("margin.ipo_segregation_days", date));
  CP_ASSIGN_OR_RETURN(p.lra_hedge_instrument, table.text("margin.lra_hedge_instrument", date));
  CP_ASSIGN_OR_RETURN(p.flat_rate_default_group,
                      table.integer("margin.flat_rate_default_group", date));
  for (const auto* entry : table.table().all_in_force(date)) {
    const std::string_view key = entry->key;
    if (!key.starts_with(kFlatRatePrefix)) continue;
    const std::string_view group_text = key.substr(kFlatRatePrefix.size());
    int64_t group = 0;
    const auto [end, error] =
        std::from_chars(group_text.data(), group_text.data() + group_text.size(), group);
    if (error != std::errc() || end != group_text.data() + group_text.size() || group < 1) {
      return invalid_input("'" + entry->key + "' does not end in a sub-margin group number",
                           entry->key);
    }
    CP_ASSIGN_OR_RETURN(p.flat_rates[group], table.ratio(entry->key, date));
  }
  if (!p.flat_rates.contains(p.flat_rate_default_group)) {
    return invalid_input("no margin.flat_rate." + std::to_string(p.flat_rate_default_group) +
                             " in force on " + date.to_string() +
                             " for margin.flat_rate_default_group",
                         "margin.flat_rate_default_group");
  }
  return p;
}

}  // namespace

Result<MarginParameters> margin_parameters_on(const refdata::ParameterTable& table, Date date) {
  auto read = read_parameters(table, date);
  // A parameter not in force on the date is bad input for the margin (exit 2), not a missing
  // record: the file lacks a row it needs.
  if (!read.ok() && read.error().code == ErrorCode::kNotFound) {
    Error error = read.error();
    error.code = ErrorCode::kInvalidInput;
    return error;
  }
  return read;
}

}  // namespace cp::risk
