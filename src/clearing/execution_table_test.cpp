// A day's executions as columns: each row reads back as it was added, ids are numbered once.
#include "clearing/execution_table.h"

#include <gtest/gtest.h>

#include <utility>

namespace cp::clearing {
namespace {

Execution trade(const char* id, const char* account, const char* code, Side side, int64_t quantity,
                const char* price) {
  return Execution{id,       *Date::parse("2024-03-15"), Channel::kShenzhen, account, code, side,
                   quantity, *Decimal::parse(price)};
}

TEST(ExecutionTable, RowsReadBackAsAddedWithTheirPricesScale) {
  const ExecutionTable table{trade("E1", "A1", "00700", Side::kBuy, 1000, "301.20"),
                             trade("E22", "A1", "00005", Side::kSell, 400, "60.5")};
  ASSERT_EQ(table.size(), 2u);
  const ExecutionRef first = table[0];
  EXPECT_EQ(first.trade_id(), "E1");
  EXPECT_EQ(first.trade_date(), *Date::parse("2024-03-15"));
  EXPECT_EQ(first.channel(), Channel::kShenzhen);
  EXPECT_EQ(first.account_id(), "A1");
  EXPECT_EQ(first.security_code(), "00700");
  EXPECT_EQ(first.side(), Side::kBuy);
  EXPECT_EQ(first.quantity(), 1000);
  EXPECT_EQ(first.price_hkd().to_string(), "301.20");  // the scale survives, not just the value
  EXPECT_EQ(first.consideration_hkd().to_string(), "301200.00");  // 301.20 × 1,000
  EXPECT_EQ(table[1].trade_id(), "E22");
  EXPECT_EQ(table[1].price_hkd().to_string(), "60.5");
  // Back as records, field for field.
  const std::vector<Execution> records = table.to_executions();
  EXPECT_EQ(records[1].security_code, "00005");
  EXPECT_EQ(records[1].price_hkd, *Decimal::parse("60.5"));
}

TEST(ExecutionTable, EachAccountAndSecurityIsNumberedOnce) {
  const ExecutionTable table{trade("E1", "A1", "00700", Side::kBuy, 100, "1"),
                             trade("E2", "A2", "00005", Side::kBuy, 100, "1"),
                             trade("E3", "A1", "00700", Side::kSell, 100, "1"),
                             trade("E4", "A2", "00700", Side::kSell, 100, "1")};
  // A1 is number 0 wherever it comes, A2 number 1; the codes are kept once, as first seen.
  EXPECT_EQ(table[0].account_number(), 0u);
  EXPECT_EQ(table[1].account_number(), 1u);
  EXPECT_EQ(table[2].account_number(), 0u);
  EXPECT_EQ(table[3].account_number(), 1u);
  ASSERT_EQ(table.security_codes().size(), 2u);
  EXPECT_EQ(table.security_codes()[0], "00700");
  EXPECT_EQ(table.security_codes()[1], "00005");
  EXPECT_EQ(table[3].security_code(), "00700");
}

TEST(ExecutionTable, AMovedTableKeepsItsRowsViews) {
  ExecutionTable table{trade("E1", "ACCOUNT-WITH-A-LONG-ID-0001", "00700", Side::kBuy, 1, "1")};
  const std::string_view account = table[0].account_id();
  const ExecutionTable moved = std::move(table);
  EXPECT_EQ(moved[0].account_id(), "ACCOUNT-WITH-A-LONG-ID-0001");
  EXPECT_EQ(moved[0].account_id().data(), account.data());  // the same bytes, not a copy
}

TEST(ExecutionTable, APriceBeyondSixtyFourBitsIsNotAdded) {
  ExecutionTable table;
  const Decimal huge = Decimal::from_units(static_cast<Int128>(INT64_MAX) + 1, 3);
  EXPECT_FALSE(table.add("E1", *Date::parse("2024-03-15"), Channel::kShanghai, "A1", "00700",
                         Side::kBuy, 100, huge));
  EXPECT_TRUE(table.empty());
  EXPECT_TRUE(table.add("E1", *Date::parse("2024-03-15"), Channel::kShanghai, "A1", "00700",
                        Side::kBuy, 100, Decimal::from_units(INT64_MAX, 3)));
  EXPECT_EQ(table[0].price_hkd().units(), INT64_MAX);
}

}  // namespace
}  // namespace cp::clearing
