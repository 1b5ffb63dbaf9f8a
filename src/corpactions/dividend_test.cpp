// A cash dividend from its foreign-currency gross to the investor's RMB, worked by hand (SPEC
// CLR-7; Caishui [2014] 81; the shipped ca.* parameters).
#include "corpactions/dividend.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "refdata/refdata.h"

namespace cp::corpactions {
namespace {

using test_values::D;

DividendRules shipped_rules() {
  auto refdata = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  EXPECT_TRUE(refdata.ok()) << refdata.error().to_string();
  auto rules = dividend_rules(refdata->parameters, *Date::parse("2025-06-20"));
  EXPECT_TRUE(rules.ok()) << rules.error().to_string();
  return *rules;
}

// USD 0.123 on 10,000 shares = USD 1,230.000; × CSDC's 7.1234 = 8,761.782 → 8,761.78 (down to
// the fen). An individual's 20%: 1,752.356 → 1,752.36 (half-up); net 7,009.42.
TEST(Dividend, UsdOnAnHShareToAnIndividual) {
  const auto money = dividend_money(D("1230.000"), D("7.1234"), AccountType::kIndividual,
                                    IssuerType::kHShare, shipped_rules());
  EXPECT_TRUE(money.gross_rmb == D("8761.78"));
  EXPECT_TRUE(money.enterprise_tax_rmb.is_zero());
  EXPECT_TRUE(money.individual_tax_rmb == D("1752.36"));
  EXPECT_EQ(money.individual_tax_agent, WithholdingAgent::kCompany);  // the H-share company
  EXPECT_TRUE(money.net_rmb == D("7009.42"));
}

// A take-up's subscription (ca.subscription_rounding = ceiling [NC]): 400 new shares × HKD 3.50
// = 1,400.00 × CSDC's 0.91231 = 1,277.234 → RMB 1,277.24, up (floor would give 1,277.23), paid
// by the investor: −1,277.24, nothing withheld. 200 × 3.50 = 700.00 × 0.91231 = 638.617 →
// 638.62. Nothing taken up pays nothing.
TEST(Dividend, SubscriptionMoneyIsRoundedUpAndDebited) {
  const auto rules = shipped_rules();
  EXPECT_EQ(rules.subscription_rounding, Rounding::kCeiling);
  const auto money = subscription_money(400, D("3.50"), D("0.91231"), rules);
  EXPECT_TRUE(money.gross_rmb == D("-1277.24"));
  EXPECT_TRUE(money.net_rmb == D("-1277.24"));
  EXPECT_TRUE(money.individual_tax_rmb.is_zero());
  EXPECT_EQ(money.individual_tax_agent, WithholdingAgent::kNone);
  EXPECT_TRUE(subscription_money(200, D("3.50"), D("0.91231"), rules).net_rmb == D("-638.62"));
  EXPECT_TRUE(subscription_money(0, D("3.50"), D("0.91231"), rules).net_rmb.is_zero());
}

// The same on a red chip: the same 20%, withheld by CSDC instead.
TEST(Dividend, RedChipTaxIsWithheldByCsdc) {
  const auto money = dividend_money(D("1230.000"), D("7.1234"), AccountType::kIndividual,
                                    IssuerType::kRedChip, shipped_rules());
  EXPECT_TRUE(money.individual_tax_rmb == D("1752.36"));
  EXPECT_EQ(money.individual_tax_agent, WithholdingAgent::kCsdc);
  EXPECT_TRUE(money.net_rmb == D("7009.42"));
}

// An institution: nothing withheld (it declares its own tax); net = gross 8,761.78.
TEST(Dividend, InstitutionsAreNotWithheld) {
  for (const AccountType type : {AccountType::kInstitution, AccountType::kProprietary}) {
    const auto money =
        dividend_money(D("1230.000"), D("7.1234"), type, IssuerType::kHShare, shipped_rules());
    EXPECT_TRUE(money.individual_tax_rmb.is_zero());
    EXPECT_EQ(money.individual_tax_agent, WithholdingAgent::kNone);
    EXPECT_TRUE(money.net_rmb == D("8761.78"));
  }
}

// A PRC-resident red chip: 10% EIT 876.178 → 876.18 from everyone; an individual then 20% of
// 7,885.60 = 1,577.12; net 8,761.78 − 876.18 − 1,577.12 = 6,308.48. An institution: 7,885.60.
TEST(Dividend, ResidentRedChipWithholdsEnterpriseTaxFirst) {
  const auto person = dividend_money(D("1230.000"), D("7.1234"), AccountType::kIndividual,
                                     IssuerType::kRedChipResident, shipped_rules());
  EXPECT_TRUE(person.enterprise_tax_rmb == D("876.18"));
  EXPECT_TRUE(person.individual_tax_rmb == D("1577.12"));
  EXPECT_TRUE(person.net_rmb == D("6308.48"));
  const auto firm = dividend_money(D("1230.000"), D("7.1234"), AccountType::kInstitution,
                                   IssuerType::kRedChipResident, shipped_rules());
  EXPECT_TRUE(firm.net_rmb == D("7885.60"));
}

// HKD 1.56 on 1,500 shares = 2,340.00; × 0.91768 = 2,147.3712 → 2,147.37 (down: never more than
// CSDC received, 0.0012 stays); 20%: 429.474 → 429.47; net 1,717.90.
TEST(Dividend, ConversionRoundsDownToTheFen) {
  const auto money = dividend_money(D("2340.00"), D("0.91768"), AccountType::kIndividual,
                                    IssuerType::kOther, shipped_rules());
  EXPECT_TRUE(money.gross_rmb == D("2147.37"));
  EXPECT_TRUE(money.individual_tax_rmb == D("429.47"));
  EXPECT_TRUE(money.net_rmb == D("1717.90"));
}

TEST(Dividend, RulesNameAMissingParameter) {
  auto refdata = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  ASSERT_TRUE(refdata.ok());
  // Before Southbound opened no withholding rule is in force.
  const auto rules = dividend_rules(refdata->parameters, *Date::parse("2014-01-02"));
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.error().message.find("ca.dividend_tax.individual"), std::string::npos);
}

}  // namespace
}  // namespace cp::corpactions
