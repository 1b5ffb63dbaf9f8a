#include "risk/stress_scenarios.h"

#include <map>
#include <set>

namespace cp::risk {
namespace {

constexpr std::string_view kSecurityPrefix = "security:";

Result<StressTarget> parse_target(std::string_view text, std::string& security) {
  if (text == "hk_non_structured") return StressTarget::kHkNonStructured;
  if (text == "hk_structured") return StressTarget::kHkStructured;
  if (text == "historical_worst") return StressTarget::kHistoricalWorst;
  if (text.starts_with(kSecurityPrefix)) {
    security = std::string(text.substr(kSecurityPrefix.size()));
    if (refdata::is_security_code(security)) {
      return StressTarget::kSecurity;
    }
  }
  return invalid_input(
      "is not hk_non_structured, hk_structured, historical_worst or "
      "security:<five-digit code>");
}

Result<Decimal> parse_shock(std::string_view text) {
  auto shock = Decimal::parse(text, 6);
  if (!shock.ok()) return shock.error();
  if (*shock < Decimal::from_int(-1) || *shock > Decimal::from_int(10)) {
    return invalid_input("a shock is a ratio from −1 (the price to zero) to 10");
  }
  return *shock;
}

const char* target_code(const StressRow& row) {
  switch (row.target) {
    case StressTarget::kHkNonStructured:
      return "hk_non_structured";
    case StressTarget::kHkStructured:
      return "hk_structured";
    case StressTarget::kSecurity:
      return "security";
    case StressTarget::kHistoricalWorst:
      return "historical_worst";
  }
  return "?";
}

}  // namespace

Result<StressLibrary> StressLibrary::parse(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"scenario", "applies_to", "shock", "effective_from", "effective_to", "source"}));
  const size_t scenario_col = *reader.column("scenario");
  const size_t target_col = *reader.column("applies_to");
  const size_t shock_col = *reader.column("shock");
  StressLibrary out;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    StressRow row;
    row.scenario = std::string(record[scenario_col]);
    if (row.scenario.empty() || row.scenario.size() > 64) {
      return reader.field_error(record, scenario_col, "must be 1 to 64 characters");
    }
    auto target = parse_target(record[target_col], row.security);
    if (!target.ok()) return reader.field_error(record, target_col, target.error().message);
    row.target = *target;
    if (row.target == StressTarget::kHistoricalWorst) {
      if (!record[shock_col].empty()) {
        return reader.field_error(record, shock_col, "is empty for historical_worst");
      }
    } else {
      auto shock = parse_shock(record[shock_col]);
      if (!shock.ok()) return reader.field_error(record, shock_col, shock.error().message);
      row.shock = *shock;
    }
    CP_ASSIGN_OR_RETURN(refdata::Provenance provenance, refdata::read_provenance(reader, record));
    const std::string key = row.scenario + "|" + std::string(record[target_col]);
    out.order_.push_back(key);
    CP_RETURN_IF_ERROR(out.table_.add(key, std::move(row), std::move(provenance)));
  }
  return out;
}

std::vector<StressRow> StressLibrary::rows_on(Date date) const {
  std::vector<StressRow> out;
  std::set<std::string> seen;
  for (const auto& key : order_) {
    if (!seen.insert(key).second) continue;
    if (const auto* entry = table_.in_force(key, date)) out.push_back(entry->row);
  }
  for (const auto& row : extra_) out.push_back(row);
  return out;
}

Result<StressRow> parse_security_shock(std::string_view text, const std::string& scenario) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) {
    return invalid_input("a shock is CODE=RATIO, e.g. 00700=-0.35", "shock");
  }
  StressRow row;
  row.scenario = scenario;
  auto target = parse_target("security:" + std::string(text.substr(0, equals)), row.security);
  if (!target.ok()) return invalid_input("the code " + target.error().message, "shock");
  row.target = *target;
  auto shock = parse_shock(text.substr(equals + 1));
  if (!shock.ok()) return invalid_input(shock.error().message, "shock");
  row.shock = *shock;
  return row;
}

StressInputs participant_stress_inputs(const MarginFigures& margin,
                                       const refdata::SecurityMaster& securities) {
  StressInputs out;
  out.valuation_date = margin.valuation_date;
  for (const PositionFigures& position : margin.positions) {
    if (position.quantity != 0)
      out.positions.push_back({position.security, position.market_value_hkd});
  }
  out.collateral_hkd = margin.net_margin_after_credit_hkd;
  out.securities = &securities;
  out.historical_worst_pnl_hkd = margin.hvar_worst_pnl_hkd;
  return out;
}

Result<std::vector<StressResult>> run_stress_tests(const StressInputs& in) {
  CP_ASSERT(in.securities, "stress inputs complete");
  std::vector<std::string> names;
  std::map<std::string, std::vector<const StressRow*>> by_scenario;
  for (const auto& row : in.rows) {
    if (!by_scenario.contains(row.scenario)) names.push_back(row.scenario);
    by_scenario[row.scenario].push_back(&row);
  }
  std::vector<StressResult> out;
  for (const std::string& name : names) {
    StressResult result;
    result.scenario = name;
    const auto& rows = by_scenario[name];
    bool historical = false;
    for (const StressRow* row : rows) {
      if (!result.description.empty()) result.description += "; ";
      if (row->target == StressTarget::kHistoricalWorst) {
        historical = true;
        result.description += "the worst day of the HVaR window";
      } else {
        result.description += std::string(target_code(*row)) +
                              (row->target == StressTarget::kSecurity ? " " + row->security : "") +
                              " " + row->shock.to_string();
      }
    }
    if (historical) {
      if (!in.historical_worst_pnl_hkd) {
        // Before the VaR Platform, or without Tier P positions, there is no window to take a
        // day from: the scenario is shown as not applicable rather than failing the others.
        result.description += " (not applicable: no HVaR window)";
        result.collateral_hkd = in.collateral_hkd;
        out.push_back(std::move(result));
        continue;
      }
      result.pnl_hkd = Decimal::from_int(*in.historical_worst_pnl_hkd);
    } else {
      for (const StressPosition& position : in.positions) {
        CP_ASSIGN_OR_RETURN(const auto* security,
                            in.securities->on(position.security, in.valuation_date));
        const bool structured = security->row.kind == refdata::SecurityKind::kWarrant ||
                                security->row.kind == refdata::SecurityKind::kRights;
        const StressRow* applied = nullptr;
        for (const StressRow* row : rows) {
          if (row->target == StressTarget::kSecurity && row->security == position.security) {
            applied = row;  // a security's own row wins
            break;
          }
          if (applied == nullptr &&
              ((row->target == StressTarget::kHkStructured && structured) ||
               (row->target == StressTarget::kHkNonStructured && !structured))) {
            applied = row;
          }
        }
        if (applied == nullptr) continue;
        result.pnl_hkd += (position.market_value_hkd * applied->shock).round(0, Rounding::kHalfUp);
      }
    }
    result.loss_hkd = result.pnl_hkd.is_negative() ? -result.pnl_hkd : Decimal::from_int(0);
    result.collateral_hkd = in.collateral_hkd;
    const Decimal uncovered = result.loss_hkd - result.collateral_hkd;
    result.shortfall_hkd = uncovered.is_negative() ? Decimal::from_int(0) : uncovered;
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace cp::risk
