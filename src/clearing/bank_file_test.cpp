// bank.csv (clearing/input_files.h): the broker's bank deposits, the actual side of CLR-17.
#include <gtest/gtest.h>

#include "clearing/input_files.h"

namespace cp::clearing {
namespace {

Result<std::vector<BankBalance>> parse(const std::string& text) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string("bank.csv", text));
  return parse_bank(reader);
}

TEST(BankFile, ReadsEachDateAndMoneyKind) {
  auto rows =
      parse("balance_date,reserve,balance_rmb\n2024-03-14,client,50000.00\n2024-03-14,own,-12.5\n");
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].balance_date.to_string(), "2024-03-14");
  EXPECT_EQ((*rows)[0].reserve, MoneyKind::kClient);
  EXPECT_EQ((*rows)[0].balance_rmb.to_string(), "50000.00");
  EXPECT_EQ((*rows)[1].balance_rmb, Decimal::from_units(-1250, 2));  // an overdrawn own account
  EXPECT_EQ((*rows)[1].line, 3);
}

TEST(BankFile, NamesTheLineAndFieldOfABadRow) {
  auto kind = parse("balance_date,reserve,balance_rmb\n2024-03-14,house,1.00\n");
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().to_string(),
            "bank.csv:2:12: field 'reserve': reserve must be client or own");
  auto amount = parse("balance_date,reserve,balance_rmb\n2024-03-14,client,1.005\n");
  ASSERT_FALSE(amount.ok());
  EXPECT_NE(amount.error().to_string().find("bank.csv:2:19: field 'balance_rmb'"),
            std::string::npos)
      << amount.error().to_string();
  auto twice =
      parse("balance_date,reserve,balance_rmb\n2024-03-14,client,1.00\n2024-03-14,client,2.00\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().to_string(), "bank.csv:3:12: field 'reserve': balance listed twice");
  auto header = parse("balance_date,balance_rmb\n");
  ASSERT_FALSE(header.ok());
  EXPECT_NE(header.error().to_string().find("reserve"), std::string::npos);
}

}  // namespace
}  // namespace cp::clearing
