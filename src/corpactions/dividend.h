// A cash dividend from the foreign-currency gross to the RMB the investor's account is credited
// (SPEC CLR-7, CA-2; seed 002 附件4 第23条; research/domain-facts.md §10, risk-and-obligations.md
// §5). CSDC converts what HKSCC pays at its own rate and clears RMB within three Southbound
// trading days of receiving it; the money settles the day after clearing (STL-2 corporate-action
// funds, T+1 10:30) and the investor may use and withdraw it that day (STL-4).
//
// Tax (Caishui [2014] 81, [2016] 127), as dated parameters:
//   - individuals: 20% (ca.dividend_tax.individual); an H share's company withholds it, for
//     other issuers CSDC does;
//   - institutions and the broker's own account: nothing is withheld (an enterprise declares its
//     income tax itself);
//   - a red chip that is a PRC tax resident first withholds 10% enterprise income tax from every
//     holder (ca.dividend_tax.resident_enterprise, [L]); an individual's 20% is then on what is
//     left (≈ 28% in all).
// Rounding, per account and stated once: gross RMB = gross × CSDC's rate rounded to the fen by
// ca.dividend_rounding (floor: an investor is never credited more than CSDC received [NC]); each
// tax rounded half-up to the fen; net = gross − taxes, exact.
#pragma once

#include <string_view>

#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"
#include "corpactions/corporate_action.h"
#include "refdata/parameters.h"

namespace cp::corpactions {

struct DividendRules {
  Decimal individual_tax_rate;           // 0.20
  Decimal resident_enterprise_tax_rate;  // 0.10
  Rounding conversion_rounding = Rounding::kFloor;
  // A take-up's subscription money (ca.subscription_rounding, ceiling [NC]).
  Rounding subscription_rounding = Rounding::kCeiling;
};

// The rules in force on `payment_date` (a parameter missing then is an error naming it).
Result<DividendRules> dividend_rules(const refdata::ParameterTable& parameters, Date payment_date);

enum class WithholdingAgent : uint8_t { kNone, kCompany, kCsdc };
// "none", "company", "csdc"
std::string_view withholding_agent_code(WithholdingAgent agent);

struct DividendMoney {
  Decimal gross_rmb;           // gross × rate, rounded to the fen
  Decimal enterprise_tax_rmb;  // a PRC-resident red chip's 10%, withheld by the company
  Decimal individual_tax_rmb;  // an individual's 20%
  WithholdingAgent individual_tax_agent = WithholdingAgent::kNone;
  Decimal net_rmb;  // credited to the investor
};

// REQUIRES: gross_ccy ≥ 0 (holding × rate); rmb_per_unit > 0 (CSDC's rate: RMB per unit of the
// dividend's currency).
DividendMoney dividend_money(const Decimal& gross_ccy, const Decimal& rmb_per_unit,
                             AccountType account_type, IssuerType issuer,
                             const DividendRules& rules);

// An offer's cash consideration: converted the same way, no tax withheld (capital gains of
// Southbound individuals are exempt: research/domain-facts.md §10).
DividendMoney consideration_money(const Decimal& gross_ccy, const Decimal& rmb_per_unit,
                                  const DividendRules& rules);

// A rights issue's or open offer's subscription money for `taken` new shares (CA-3; [D]
// docs/corpactions.md "Rights taken up"): taken × price in the event's currency, × CSDC's rate,
// rounded by rules.subscription_rounding (up: the broker never collects less than CSDC pays).
// The investor pays it: gross_rmb and net_rmb are the amount below zero; no tax.
// REQUIRES: taken ≥ 0; price > 0; rmb_per_unit > 0.
DividendMoney subscription_money(int64_t taken, const Decimal& price, const Decimal& rmb_per_unit,
                                 const DividendRules& rules);

}  // namespace cp::corpactions
