// Non-trade transfers from CSDC's data (SPEC CLR-10, CLR-20): the file's checks, the shares moved,
// and the day the fees settle.
#include "corpactions/non_trade_transfer.h"

#include <gtest/gtest.h>

#include "calendar/shipped_calendars_testing.h"
#include "core/test_values.h"

namespace cp::corpactions {
namespace {

using test_values::D;

constexpr const char* kHeader =
    "transfer_id,reason,channel,clearing_date,from_account,to_account,security_code,quantity,"
    "fee_account,transfer_fee_rmb,stamp_duty_rmb,source\n";

Result<std::vector<NonTradeTransfer>> read(const std::string& rows) {
  auto reader = CsvReader::from_string("non_trade_transfers.csv", kHeader + rows);
  if (!reader.ok()) return reader.error();
  return read_non_trade_transfer_file(*reader);
}

std::string refusal(const std::string& row) {
  auto got = read(row + "\n");
  return got.ok() ? "accepted" : got.error().to_string();
}

// An inheritance: the late investor's 1,500 shares of 00941 go to the heir, who pays CSDC's fee
// and duty as its data gives them; a pledge freezes shares and moves none.
TEST(NonTradeTransfer, AnInheritanceMovesTheSharesToTheHeir) {
  const auto got = read(
      "N1,inheritance,sh,2025-06-27,DECEASED,HEIR,00941,1500,HEIR,1.50,97.00,CSDC data\n"
      "N2,pledge,sh,2025-06-27,P1,P1,00700,200,P1,0.20,0.00,CSDC data\n");
  ASSERT_TRUE(got.ok()) << got.error().to_string();
  ASSERT_EQ(got->size(), 2u);
  const NonTradeTransfer& inheritance = (*got)[0];
  EXPECT_EQ(inheritance.reason, TransferReason::kInheritance);
  EXPECT_EQ(inheritance.fee_account, "HEIR");
  EXPECT_EQ(inheritance.transfer_fee_rmb, D("1.50"));
  EXPECT_EQ(inheritance.stamp_duty_rmb, D("97.00"));
  const auto moved = share_movements(inheritance);
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved[0].account_id, "DECEASED");
  EXPECT_EQ(moved[0].quantity, -1500);
  EXPECT_EQ(moved[1].account_id, "HEIR");
  EXPECT_EQ(moved[1].quantity, 1500);
  EXPECT_TRUE(share_movements((*got)[1]).empty());
}

TEST(NonTradeTransfer, TheFileIsCheckedFieldByField) {
  EXPECT_NE(refusal("N1,gift,sh,2025-06-27,A,B,00941,1500,B,1.50,97.00,x").find("field 'reason'"),
            std::string::npos);
  EXPECT_NE(refusal("N1,divorce,sh,2025-06-27,A,A,00941,1500,A,1.50,97.00,x")
                .find("a transfer moves shares to another account"),
            std::string::npos);
  EXPECT_NE(refusal("N1,pledge,sh,2025-06-27,A,B,00941,1500,A,1.50,0.00,x")
                .find("names the one account twice"),
            std::string::npos);
  EXPECT_NE(refusal("N1,donation,sh,2025-06-27,A,B,00941,1500,C,1.50,97.00,x")
                .find("field 'fee_account'"),
            std::string::npos);
  EXPECT_NE(
      refusal("N1,donation,sh,2025-06-27,A,B,00941,0,B,1.50,97.00,x").find("field 'quantity'"),
      std::string::npos);
  EXPECT_NE(refusal("N1,donation,sh,2025-06-27,A,B,00941,10,B,-1.50,97.00,x")
                .find("field 'transfer_fee_rmb'"),
            std::string::npos);
  EXPECT_NE(refusal("N1,donation,sh,2025-06-27,A,B,00941,10,B,1.505,97.00,x")
                .find("field 'transfer_fee_rmb'"),
            std::string::npos);
  const auto twice = read(
      "N1,donation,sh,2025-06-27,A,B,00941,10,B,1.50,0.10,x\n"
      "N1,donation,sh,2025-06-27,A,B,00941,10,B,1.50,0.10,x\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("listed twice"), std::string::npos);
}

class FeeSettlement : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { shipped.load(); }
  static calendar::test_support::ShippedCalendars shipped;
};
calendar::test_support::ShippedCalendars FeeSettlement::shipped;

// "在第二个港股通交易日进行资金交收", the clearing day counted as the first: cleared Friday
// 2025-06-27, settled Monday 06-30; cleared Monday 06-30, settled Wednesday 07-02 (Tuesday 07-01
// is a HK holiday, no Southbound trading).
TEST_F(FeeSettlement, OnTheNextSouthboundTradingDay) {
  const auto& sh = *shipped.calendars.at(Channel::kShanghai);
  EXPECT_EQ(fee_settlement_date(sh, *Date::parse("2025-06-27")).value(),
            *Date::parse("2025-06-30"));
  EXPECT_EQ(fee_settlement_date(sh, *Date::parse("2025-06-30")).value(),
            *Date::parse("2025-07-02"));
  const auto holiday = fee_settlement_date(sh, *Date::parse("2025-07-01"));
  ASSERT_FALSE(holiday.ok());
  EXPECT_EQ(holiday.error().field, "clearing_date");
}

}  // namespace
}  // namespace cp::corpactions
