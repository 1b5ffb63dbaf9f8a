// Holdings at a close: the statement plus what settled after it (CLR-3).
#include "clearing/holdings.h"

#include <gtest/gtest.h>

namespace cp::clearing {
namespace {

Execution trade(const char* account, const char* code, Side side, int64_t quantity) {
  return Execution{"T",      *Date::parse("2024-12-20"), Channel::kShanghai, account, code, side,
                   quantity, *Decimal::parse("10.00")};
}

std::string text(const std::vector<Holding>& holdings) {
  std::string out;
  for (const auto& h : holdings) {
    out += h.account_id + " " + h.security_code + " " + std::to_string(h.quantity) + "; ";
  }
  return out;
}

TEST(Holdings, SettledTradesMoveSharesAndZerosDisappear) {
  // A held 2,000 X and bought 1,000 Y; B held 100 X and sold all of it; B bought 300 X.
  const ExecutionTable table{trade("A", "Y", Side::kBuy, 1000), trade("B", "X", Side::kSell, 100),
                             trade("B", "X", Side::kBuy, 300)};
  const ExecutionRef a_buy = table[0];
  const ExecutionRef b_sell = table[1];
  const ExecutionRef b_buy = table[2];
  const std::vector<Holding> statement = {{"A", "X", 2000}, {"B", "X", 100}};
  EXPECT_EQ(text(roll_forward(statement, {a_buy, b_sell})), "A X 2000; A Y 1000; ");
  EXPECT_EQ(text(roll_forward(statement, {a_buy, b_sell, b_buy})), "A X 2000; A Y 1000; B X 300; ");
  EXPECT_EQ(text(roll_forward(statement, {})), "A X 2000; B X 100; ");
}

TEST(Holdings, MovementsOtherThanTradesMoveSharesToo) {
  // A's 2,000 X go to B by inheritance (CLR-10) while B's bought 300 settle: A holds none, B
  // 2,300; a bonus credits C 50 Y (CLR-8).
  const ExecutionTable table{trade("B", "X", Side::kBuy, 300)};
  const std::vector<Holding> statement = {{"A", "X", 2000}};
  EXPECT_EQ(text(roll_forward(statement, {table[0]}, {{"A", "X", -2000}, {"B", "X", 2000}})),
            "B X 2300; ");
  EXPECT_EQ(text(roll_forward(statement, {}, {{"C", "Y", 50}})), "A X 2000; C Y 50; ");
}

// A statement in any order, with an account and security twice, comes out the same as sorted:
// one row per account and security, in their order, the two rows summed.
TEST(Holdings, AStatementOutOfOrderOrWithRepeatsIsSummedTheSame) {
  const ExecutionTable table{trade("A", "X", Side::kSell, 500)};
  const std::vector<Holding> unsorted = {{"B", "X", 100}, {"A", "X", 2000}, {"B", "X", 50}};
  const std::vector<Holding> sorted = {{"A", "X", 2000}, {"B", "X", 100}, {"B", "X", 50}};
  EXPECT_EQ(text(roll_forward(unsorted, {table[0]})), "A X 1500; B X 150; ");
  EXPECT_EQ(text(roll_forward(sorted, {table[0]})), "A X 1500; B X 150; ");
  // Changes for accounts before, between and after the statement's, and one that zeroes a row.
  EXPECT_EQ(text(roll_forward(sorted, {},
                              {{"0", "X", 1}, {"AB", "X", 2}, {"C", "X", 3}, {"A", "X", -2000}})),
            "0 X 1; AB X 2; B X 150; C X 3; ");
}

TEST(Holdings, ASaleTheStatementMissedShowsNegative) {
  // The statement knows nothing of C: a settled sale of 50 leaves −50, which the fee skips and
  // an operator sees rather than a silent zero.
  const ExecutionTable table{trade("C", "X", Side::kSell, 50)};
  EXPECT_EQ(text(roll_forward({}, {table[0]})), "C X -50; ");
}

}  // namespace
}  // namespace cp::clearing
