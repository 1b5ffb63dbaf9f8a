// The settlement days each run instructs, over Christmas and New Year 2024 on the shipped
// calendar: 12-24 and 12-31 are SEHK half days (trading, no settlement, CAL-3), 12-25/26 SEHK
// holidays, 2025-01-01 a holiday on both sides. Worked by hand from `connectpost calendar` and
// STL-2's T+1 / T+2 counted in HKSCC settlement days; Shenzhen settles risk funds on a half day.
#include "calendar/transfer_days.h"

#include <gtest/gtest.h>

#include "calendar/shipped_calendars_testing.h"

namespace cp::calendar {
namespace {

class TransferDays : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { shipped_.load(); }
  static void TearDownTestSuite() { shipped_ = {}; }

  // "S: T1 T2; S2: …" — each instructed day and the trade dates moving money on it.
  static std::string of(Channel channel, const char* date) {
    auto days =
        transfer_days(*shipped_.calendars.at(channel), *shipped_.parameters, *Date::parse(date));
    if (!days.ok()) return "error: " + days.error().to_string();
    std::string out;
    for (const auto& day : *days) {
      out += (out.empty() ? "" : "; ") + day.settlement_date.to_string() + ":";
      for (const auto& money : day.trade_dates) out += " " + money.trade_date.to_string();
    }
    return out;
  }

  static inline test_support::ShippedCalendars shipped_;
};

TEST_F(TransferDays, ShanghaiOverChristmasAndNewYear) {
  // Friday 12-20: its T+1 is Monday 12-23, when Thursday 12-19's T+2 trading money moves; the
  // next run (12-23) starts at 12-27, so the window is 12-23 alone.
  EXPECT_EQ(of(Channel::kShanghai, "2024-12-20"), "2024-12-23: 2024-12-19");
  // 12-23's first money day is 12-27 (12-24 is a half day), and so is 12-24's: the later run,
  // knowing one more close, instructs it.
  EXPECT_EQ(of(Channel::kShanghai, "2024-12-23"), "");
  // 12-27 pays 12-20's trading money (T+1 12-23, T+2 12-27).
  EXPECT_EQ(of(Channel::kShanghai, "2024-12-24"), "2024-12-27: 2024-12-20");
  // 12-23 and 12-24 both settle on 12-30 (the half day does not count): one day, two dates.
  EXPECT_EQ(of(Channel::kShanghai, "2024-12-27"), "2024-12-30: 2024-12-23 2024-12-24");
  EXPECT_EQ(of(Channel::kShanghai, "2024-12-30"), "");
  EXPECT_EQ(of(Channel::kShanghai, "2024-12-31"), "2025-01-02: 2024-12-27");
  EXPECT_EQ(of(Channel::kShanghai, "2025-01-02"), "2025-01-03: 2024-12-30 2024-12-31");
}

TEST_F(TransferDays, ShenzhenSettlesRiskFundsOnTheHalfDay) {
  // 12-23's risk funds settle on the half day 12-24 (CAL-7): a money day without trading money.
  EXPECT_EQ(of(Channel::kShenzhen, "2024-12-23"), "2024-12-24:");
  EXPECT_EQ(of(Channel::kShenzhen, "2024-12-24"), "2024-12-27: 2024-12-20");
}

TEST_F(TransferDays, BeforeTheLongHolidayOneRunInstructsSeveralDays) {
  // Pre-2023 (CAL-4), 2019-09-26 is the last trading day before National Day: 09-27 and 09-30
  // settle but do not trade, the next trading day is 10-08 (first money day 10-09). So the
  // 26th's run instructs 09-27 (09-25's T+2, its own T+1) and 09-30 (its own T+2).
  EXPECT_EQ(of(Channel::kShanghai, "2019-09-26"), "2019-09-27: 2019-09-25; 2019-09-30: 2019-09-26");
}

TEST_F(TransferDays, ANonTradingDayIsRefusedWithItsReason) {
  EXPECT_NE(of(Channel::kShanghai, "2024-12-25").find("Christmas"), std::string::npos);
}

}  // namespace
}  // namespace cp::calendar
