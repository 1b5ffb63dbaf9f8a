// Obligations of a day against the shipped schedule (data/money_obligations.csv, seed 001),
// worked by hand on a small calendar.
#include "risk/money_obligations.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto dec = &test_values::D;
constexpr auto day = &test_values::d;

class ObligationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reader = CsvReader::open(CONNECTPOST_SOURCE_DIR "/data/money_obligations.csv",
                                  "data/money_obligations.csv");
    ASSERT_TRUE(reader.ok()) << reader.error().to_string();
    auto schedule = ObligationSchedule::parse(*reader);
    ASSERT_TRUE(schedule.ok()) << schedule.error().to_string();
    schedule_ = std::move(schedule).value();
    // February 2024: Friday 02-09 a half day (trading, no settlement), Monday 02-12 and Tuesday
    // 02-13 closed for the Lunar New Year, every other weekday trading and settling.
    for (Date d = day("2024-02-01"); d <= day("2024-04-05"); d = d.plus_days(1)) {
      if (d.is_weekend() || d == day("2024-02-12") || d == day("2024-02-13")) continue;
      calendar_.trading_days.push_back(d);
      calendar_.business_days.push_back(d);
      if (d != day("2024-02-09")) calendar_.settlement_days.push_back(d);
    }
    figures_.regime = MarginRegime::kVarPlatform;
    figures_.portfolio_margin_hkd = dec("13792049");
    figures_.flat_rate_margin_hkd = dec("0");
    figures_.total_requirement_hkd = dec("6936000");
    inputs_.participant = "TP001";
    inputs_.schedule = &schedule_;
    inputs_.calendar = &calendar_;
    inputs_.day_end = &figures_;
    inputs_.rounding_hkd = 10'000;
  }

  const Obligation* find(const std::vector<Obligation>& list, ObligationKind kind) {
    for (const auto& o : list) {
      if (o.kind == kind) return &o;
    }
    return nullptr;
  }

  ObligationSchedule schedule_;
  HkBusinessCalendar calendar_;
  MarginFigures figures_;
  ObligationInputs inputs_;
};

TEST_F(ObligationsTest, TheDayEndCallIsTheRequirementLessTheCollateralOnHand) {
  // Thursday 2024-03-14: 6,936,000 − 2,000,000 = 4,936,000 by direct debit before 09:30 on
  // Friday 03-15, announced by CCMPY02 at 20:30 on the day (seed 001 Part A 2(ii) row 5).
  inputs_.date = day("2024-03-14");
  inputs_.collateral_on_hand_hkd = dec("2000000");
  const auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->size(), 1u);
  const Obligation& o = (*list)[0];
  EXPECT_EQ(o.kind, ObligationKind::kDayEndMtmAndMargin);
  EXPECT_EQ(o.id, "TP001:2024-03-14:day_end_mtm_and_margin");
  EXPECT_EQ(o.amount_hkd, dec("4936000.00"));
  EXPECT_EQ(o.channel, PaymentChannel::kDirectDebit);
  EXPECT_EQ(o.deadline_date, day("2024-03-15"));
  EXPECT_EQ(o.deadline_hkt.to_string(), "09:30");
  EXPECT_EQ(o.report, "CCMPY02");
  EXPECT_EQ(o.report_date, day("2024-03-14"));
  EXPECT_EQ(o.report_hkt.to_string(), "20:30");
}

TEST_F(ObligationsTest, CollateralCoveringTheRequirementLeavesNothingToPay) {
  inputs_.date = day("2024-03-14");
  inputs_.collateral_on_hand_hkd = dec("7000000");
  const auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
}

TEST_F(ObligationsTest, BeforeTheVarPlatformMarksAndMarginAreTwoCalls) {
  // 2022: marks 15,000,000 and margin 17,800,000 (tests/golden/margin TP001 on 2022-06-10); with
  // 20,000,000 on hand the shortfall 12,800,000 is all marks (marks first [D]).
  std::vector<Date> days;
  for (Date d = day("2022-06-01"); d <= day("2022-06-30"); d = d.plus_days(1)) {
    if (!d.is_weekend()) days.push_back(d);
  }
  calendar_ = {days, days, days};
  figures_.regime = MarginRegime::kMarginRate;
  figures_.rate_margin_hkd = dec("22800000");
  figures_.mtm_requirement_hkd = dec("15000000");
  figures_.total_requirement_hkd = dec("32800000");
  inputs_.date = day("2022-06-10");
  inputs_.rounding_hkd = 1;
  auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].kind, ObligationKind::kDayEndMarks);
  EXPECT_EQ((*list)[0].amount_hkd, dec("15000000"));
  EXPECT_EQ((*list)[0].report, "CFIPM01");
  EXPECT_EQ((*list)[0].deadline_date, day("2022-06-13"));  // Friday → Monday
  EXPECT_EQ((*list)[1].kind, ObligationKind::kDayEndMargin);
  EXPECT_EQ((*list)[1].amount_hkd, dec("17800000"));
  EXPECT_EQ((*list)[1].report, "CRMMG02");
  EXPECT_EQ((*list)[1].report_hkt.to_string(), "20:15");
  inputs_.collateral_on_hand_hkd = dec("20000000");
  list = obligations_of_day(inputs_);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].kind, ObligationKind::kDayEndMarks);
  EXPECT_EQ((*list)[0].amount_hkd, dec("12800000"));
}

TEST_F(ObligationsTest, TheDayBeforeALongHolidayCallsIntradayMargin) {
  // Friday 2024-02-09, a half day (no settlement), before Monday and Tuesday closed: H = 2 >
  // 1 (seed 001 note ^). 13,792,049 × (√2 − 1 = 0.4142135623) = 5,712,853.75… → rounded up to
  // 10,000: 5,720,000, by CHATS or bank transfer before 14:00, CCMPY01 at 11:45. The day-end
  // call (6,936,000, nothing on hand) is due on Wednesday 02-14, the next trading day.
  inputs_.date = day("2024-02-09");
  const auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  const Obligation* intraday = find(*list, ObligationKind::kIntradayMarginNonSettlementDay);
  ASSERT_NE(intraday, nullptr);
  EXPECT_EQ(intraday->amount_hkd, dec("5720000"));
  EXPECT_EQ(intraday->channel, PaymentChannel::kChatsOrBankTransfer);
  EXPECT_EQ(intraday->deadline_date, day("2024-02-09"));
  EXPECT_EQ(intraday->deadline_hkt.to_string(), "14:00");
  EXPECT_EQ(intraday->report, "CCMPY01");
  EXPECT_EQ(intraday->report_hkt.to_string(), "11:45");
  const Obligation* day_end = find(*list, ObligationKind::kDayEndMtmAndMargin);
  ASSERT_NE(day_end, nullptr);
  EXPECT_EQ(day_end->deadline_date, day("2024-02-14"));
}

TEST_F(ObligationsTest, OneWeekdayHolidayIsNotALongHoliday) {
  // Thursday 2024-03-28 before Good Friday only (Easter Monday trades in this calendar): H = 1.
  calendar_.trading_days.erase(
      std::find(calendar_.trading_days.begin(), calendar_.trading_days.end(), day("2024-03-29")));
  inputs_.date = day("2024-03-28");
  const auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  EXPECT_EQ(find(*list, ObligationKind::kIntradayMarginSettlementDay), nullptr);
  EXPECT_EQ(find(*list, ObligationKind::kIntradayMarginNonSettlementDay), nullptr);
}

TEST_F(ObligationsTest, TheElevenOClockMarksCallOnlyTheExcessOverTheTolerance) {
  // An MTM requirement of 13,000,000 at 11:00, 7,000,000 on hand (which also covers the day-end
  // call of 6,936,000), the HKD 5 m tolerance: 1,000,000 by CHATS or bank transfer before 14:00,
  // CCMPY01 at 11:45 (seed 001 Part A 2(ii) row 1).
  inputs_.date = day("2024-03-14");
  inputs_.collateral_on_hand_hkd = dec("7000000");
  inputs_.intraday_mtm_requirement_hkd = dec("13000000");
  inputs_.intraday_tolerance_hkd = dec("5000000");
  auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].kind, ObligationKind::kIntradayMarks);
  EXPECT_EQ((*list)[0].amount_hkd, dec("1000000"));  // 13,000,000 − 7,000,000 − 5,000,000
  EXPECT_EQ((*list)[0].deadline_hkt.to_string(), "14:00");
  EXPECT_EQ((*list)[0].report, "CCMPY01");
  EXPECT_EQ((*list)[0].report_hkt.to_string(), "11:45");
  // The day-end call counts the 11:00 call: 6,936,000 − 2,000,000 on hand − 3,000,000 (10,000,000
  // − 2,000,000 − 5,000,000 at 11:00) = 1,936,000.
  inputs_.collateral_on_hand_hkd = dec("2000000");
  inputs_.intraday_mtm_requirement_hkd = dec("10000000");
  list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].amount_hkd, dec("3000000"));
  EXPECT_EQ((*list)[1].kind, ObligationKind::kDayEndMtmAndMargin);
  EXPECT_EQ((*list)[1].amount_hkd, dec("1936000"));
  inputs_.collateral_on_hand_hkd = dec("7000000");
  // Within the tolerance nothing is called.
  inputs_.intraday_mtm_requirement_hkd = dec("12000000");
  list = obligations_of_day(inputs_);
  EXPECT_TRUE(list->empty());
}

TEST_F(ObligationsTest, SettlementMoneyIsDueByDirectDebitOnTheSettlementDay) {
  // Seed 001 Part A 1 row 2: by 17:45 on the settlement day; CCLTN05 of trade day T at 14:00 on
  // the next trading day, here Thursday 03-14 for Friday 03-15's settlement.
  inputs_.date = day("2024-03-15");
  inputs_.settlement_money_hkd = dec("1234567.89");
  inputs_.collateral_on_hand_hkd = dec("6936000");
  const auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].kind, ObligationKind::kSehkTradesMoney);
  EXPECT_EQ((*list)[0].amount_hkd, dec("1234567.89"));
  EXPECT_EQ((*list)[0].deadline_hkt.to_string(), "17:45");
  EXPECT_EQ((*list)[0].report_date, day("2024-03-14"));
  EXPECT_EQ((*list)[0].report_hkt.to_string(), "14:00");
}

TEST_F(ObligationsTest, GuaranteeFundRiskCollateralWhenTheFundIsAtItsLimit) {
  // MO-4: 4,000,000,000 − 50 % × 7,300,000,000 = 350,000,000 by bank transfer before 11:00 on
  // the next business day; RMAMR01/RMAMR03 at 21:00. The review's contribution 1,500,000 is due
  // by direct debit before 17:45 on the next business day (CCMDF02 at 12:00).
  inputs_.date = day("2024-03-14");
  inputs_.collateral_on_hand_hkd = dec("6936000");
  inputs_.guarantee_fund =
      GuaranteeFundInputs{dec("1500000"), dec("4000000000"), true, dec("7300000000"), dec("0.5")};
  auto list = obligations_of_day(inputs_);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].kind, ObligationKind::kGfContribution);
  EXPECT_EQ((*list)[0].deadline_hkt.to_string(), "17:45");
  EXPECT_EQ((*list)[0].report, "CCMDF02");
  EXPECT_EQ((*list)[1].kind, ObligationKind::kGfRiskCollateral);
  EXPECT_EQ((*list)[1].amount_hkd, dec("350000000"));
  EXPECT_EQ((*list)[1].channel, PaymentChannel::kBankTransfer);
  EXPECT_EQ((*list)[1].deadline_date, day("2024-03-15"));
  EXPECT_EQ((*list)[1].deadline_hkt.to_string(), "11:00");
  // Below its limit the fund triggers nothing.
  inputs_.guarantee_fund->fund_at_limit = false;
  inputs_.guarantee_fund->contribution_hkd.reset();
  list = obligations_of_day(inputs_);
  EXPECT_TRUE(list->empty());
}

TEST(HkBusinessCalendar, CountsBusinessDaysOfTheMonth) {
  HkBusinessCalendar calendar;
  for (const char* d : {"2024-04-02", "2024-04-03", "2024-04-05", "2024-04-08"}) {
    calendar.business_days.push_back(day(d));
  }
  EXPECT_EQ(calendar.business_day_of_month(day("2024-04-20"), 2).value(), day("2024-04-03"));
  EXPECT_FALSE(calendar.business_day_of_month(day("2024-04-20"), 5).ok());
}

}  // namespace
}  // namespace cp::risk
