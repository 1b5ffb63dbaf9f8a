// The shared vocabulary's codes: each value has one code, each code one value, and anything else
// is refused naming the field (the CSV readers report it at its line).
#include "core/market.h"

#include <gtest/gtest.h>

namespace cp {
namespace {

TEST(MarketCodes, MoneyKindAndAccountTypeRoundTripAndRefuseOtherText) {
  for (MoneyKind kind : {MoneyKind::kClient, MoneyKind::kOwn}) {
    EXPECT_EQ(*parse_money_kind(money_kind_code(kind)), kind);
  }
  EXPECT_EQ(money_kind_text(MoneyKind::kClient), "client");
  EXPECT_EQ(money_kind_text(MoneyKind::kOwn), "own");
  for (AccountType type :
       {AccountType::kIndividual, AccountType::kInstitution, AccountType::kProprietary}) {
    EXPECT_EQ(*parse_account_type(account_type_code(type)), type);
  }
  EXPECT_EQ(account_type_text(AccountType::kProprietary), "proprietary");
  // Codes are exact: no case folding, no padding.
  for (const char* text : {"Client", "client ", "", "owned"}) {
    auto kind = parse_money_kind(text);
    ASSERT_FALSE(kind.ok()) << text;
    EXPECT_EQ(kind.error().field, "money_kind");
  }
  auto type = parse_account_type("retail");
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.error().field, "account_type");
  // Ordered as their codes sort, so maps keyed by them list client before own as before.
  EXPECT_LT(MoneyKind::kClient, MoneyKind::kOwn);
  EXPECT_LT(AccountType::kIndividual, AccountType::kInstitution);
}

}  // namespace
}  // namespace cp
