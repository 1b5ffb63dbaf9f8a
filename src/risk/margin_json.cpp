#include "risk/margin_json.h"

namespace cp::risk {
namespace {

using Json = nlohmann::ordered_json;

Json amount(const Decimal& value) {
  return value.to_string();
}

}  // namespace

Json margin_json(const MarginFigures& m) {
  const bool var = m.regime == MarginRegime::kVarPlatform;
  Json positions = Json::array();
  for (const auto& p : m.positions) {
    positions.push_back({{"security", p.security},
                         {"tier", margin_tier_code(p.tier)},
                         {"sub_portfolio", p.sub_portfolio},
                         {"quantity", p.quantity},
                         {"close", p.quantity == 0 ? Json(nullptr) : amount(p.close_hkd)},
                         {"market_value", amount(p.market_value_hkd)},
                         {"contract_value", amount(p.contract_value_hkd)},
                         {"mtm", amount(p.mtm_hkd)}});
  }
  Json out = {{"participant", m.participant},
              {"date", m.valuation_date.to_string()},
              {"regime", margin_regime_code(m.regime)},
              {"currency", "HKD"},
              {"positions", positions},
              {"market_value", amount(m.market_value_hkd)},
              {"contract_value", amount(m.contract_value_hkd)},
              {"mtm", amount(m.mtm_hkd)}};
  if (var) {
    Json subs = Json::array();
    for (const auto& s : m.sub_portfolios) {
      subs.push_back({{"name", s.name},
                      {"hvar", amount(s.hvar_hkd)},
                      {"svar", amount(s.svar_hkd)},
                      {"weighted", amount(s.weighted_hkd)}});
    }
    Json groups = Json::array();
    for (const auto& g : m.flat_rate_groups) {
      groups.push_back({{"group", g.group},
                        {"rate", g.rate.to_string()},
                        {"gross_long", amount(g.gross_long_hkd)},
                        {"gross_short", amount(g.gross_short_hkd)},
                        {"margin", amount(g.margin_hkd)}});
    }
    out["hvar_tail"] = m.hvar_tail;
    out["svar_tail"] = m.svar_tail;
    out["sub_portfolios"] = subs;
    out["hvar"] = amount(m.hvar_hkd);
    out["svar"] = amount(m.svar_hkd);
    out["weighted"] = amount(m.weighted_hkd);
    out["floor_base"] = amount(m.floor_base_hkd);
    out["floor"] = amount(m.floor_hkd);
    out["portfolio_margin"] = amount(m.portfolio_margin_hkd);
    out["flat_rate_groups"] = groups;
    out["flat_rate_margin"] = amount(m.flat_rate_margin_hkd);
    out["lra_instrument"] = amount(m.lra_instrument_hkd);
    out["lra_portfolio"] = amount(m.lra_portfolio_hkd);
    out["lra"] = amount(m.lra_hkd);
    out["holiday_days"] = m.holiday_days;
    out["holiday_factor"] = m.holiday_factor.to_string();
    out["holiday_addon"] = amount(m.holiday_addon_hkd);
    out["aggregated"] = amount(m.aggregated_hkd);
  } else {
    out["margin_position"] = amount(m.margin_position_hkd);
    out["rate_margin"] = amount(m.rate_margin_hkd);
  }
  out["rounded"] = amount(m.rounded_hkd);
  out["favourable_mtm"] = amount(m.favourable_mtm_hkd);
  out["mtm_requirement"] = amount(m.mtm_requirement_hkd);
  out["net_margin"] = amount(m.net_margin_hkd);
  out["margin_credit"] = amount(m.margin_credit_hkd);
  out["net_margin_after_credit"] = amount(m.net_margin_after_credit_hkd);
  out["total_requirement"] = amount(m.total_requirement_hkd);
  return out;
}

}  // namespace cp::risk
