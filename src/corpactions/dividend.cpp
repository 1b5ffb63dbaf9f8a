#include "corpactions/dividend.h"

#include <string>

#include "core/assert.h"

namespace cp::corpactions {
namespace {

const Decimal kZeroFen = Decimal::from_units(0, 2);  // shown as 0.00, like every RMB amount

// A rounding mode named by a text parameter (core/decimal.h parse_rounding).
Result<Rounding> rounding_parameter(const refdata::ParameterTable& parameters,
                                    const std::string& key, Date date) {
  CP_ASSIGN_OR_RETURN(const std::string name, parameters.text(key, date));
  auto mode = parse_rounding(name);
  if (!mode.ok()) return invalid_input("parameter " + key + ": " + mode.error().message, key);
  return *mode;
}

}  // namespace

Result<DividendRules> dividend_rules(const refdata::ParameterTable& parameters, Date payment_date) {
  DividendRules rules;
  CP_ASSIGN_OR_RETURN(rules.individual_tax_rate,
                      parameters.ratio("ca.dividend_tax.individual", payment_date));
  CP_ASSIGN_OR_RETURN(rules.resident_enterprise_tax_rate,
                      parameters.ratio("ca.dividend_tax.resident_enterprise", payment_date));
  CP_ASSIGN_OR_RETURN(rules.conversion_rounding,
                      rounding_parameter(parameters, "ca.dividend_rounding", payment_date));
  CP_ASSIGN_OR_RETURN(rules.subscription_rounding,
                      rounding_parameter(parameters, "ca.subscription_rounding", payment_date));
  return rules;
}

std::string_view withholding_agent_code(WithholdingAgent agent) {
  switch (agent) {
    case WithholdingAgent::kCompany:
      return "company";
    case WithholdingAgent::kCsdc:
      return "csdc";
    case WithholdingAgent::kNone:
      break;
  }
  return "none";
}

DividendMoney dividend_money(const Decimal& gross_ccy, const Decimal& rmb_per_unit,
                             AccountType account_type, IssuerType issuer,
                             const DividendRules& rules) {
  CP_ASSERT(!gross_ccy.is_negative() && rmb_per_unit.sign() > 0, "a gross and a rate");
  DividendMoney out;
  out.gross_rmb = multiply_round(gross_ccy, rmb_per_unit, 2, rules.conversion_rounding);
  out.enterprise_tax_rmb = kZeroFen;
  out.individual_tax_rmb = kZeroFen;
  if (issuer == IssuerType::kRedChipResident) {
    out.enterprise_tax_rmb =
        multiply_round(out.gross_rmb, rules.resident_enterprise_tax_rate, 2, Rounding::kHalfUp);
  }
  if (account_type == AccountType::kIndividual) {
    out.individual_tax_agent =
        issuer == IssuerType::kHShare ? WithholdingAgent::kCompany : WithholdingAgent::kCsdc;
    out.individual_tax_rmb = multiply_round(out.gross_rmb - out.enterprise_tax_rmb,
                                            rules.individual_tax_rate, 2, Rounding::kHalfUp);
  }
  out.net_rmb = out.gross_rmb - out.enterprise_tax_rmb - out.individual_tax_rmb;
  return out;
}

DividendMoney consideration_money(const Decimal& gross_ccy, const Decimal& rmb_per_unit,
                                  const DividendRules& rules) {
  CP_ASSERT(!gross_ccy.is_negative() && rmb_per_unit.sign() > 0, "a gross and a rate");
  DividendMoney out;
  out.gross_rmb = multiply_round(gross_ccy, rmb_per_unit, 2, rules.conversion_rounding);
  out.enterprise_tax_rmb = kZeroFen;
  out.individual_tax_rmb = kZeroFen;
  out.net_rmb = out.gross_rmb;
  return out;
}

DividendMoney subscription_money(int64_t taken, const Decimal& price, const Decimal& rmb_per_unit,
                                 const DividendRules& rules) {
  CP_ASSERT(taken >= 0 && price.sign() > 0 && rmb_per_unit.sign() > 0, "shares, a price, a rate");
  const Decimal gross_ccy = price * Decimal::from_int(taken);
  DividendMoney out;
  out.gross_rmb = -multiply_round(gross_ccy, rmb_per_unit, 2, rules.subscription_rounding);
  out.enterprise_tax_rmb = kZeroFen;
  out.individual_tax_rmb = kZeroFen;
  out.net_rmb = out.gross_rmb;
  return out;
}

}  // namespace cp::corpactions
