// The notices' words and the operators' order (issue 16 item 6), worked from one obligation:
// B01234's day-end margin of 10 June 2022, HKD 17,800,000.00 (tests/golden/margin TP001), by
// CHATS payment instruction at 09:30 HKT on the 13th, announced by CRMMG02 at 20:15 on the 10th.
#include "risk/obligation_notices.h"

#include <gtest/gtest.h>

#include "risk/obligation_json.h"

namespace cp::risk {
namespace {

Date day(const char* text) {
  return *Date::parse(text);
}
TimeOfDay at(const char* text) {
  return *TimeOfDay::parse(text);
}

store::StoredObligation margin_of_the_10th() {
  store::StoredObligation s;
  s.participant = "B01234";
  s.arising_date = day("2022-06-10");
  Obligation& o = s.obligation;
  o.id = "B01234:2022-06-10:day_end_margin";
  o.kind = ObligationKind::kDayEndMargin;
  o.amount_hkd = *Decimal::parse("17800000.00");
  o.channel = PaymentChannel::kChatsPaymentInstruction;
  o.deadline_date = day("2022-06-13");
  o.deadline_hkt = at("09:30");
  o.report = "CRMMG02";
  o.report_date = day("2022-06-10");
  o.report_hkt = at("20:15");
  o.basis = "margin 22,800,000 less the credit of 5,000,000.";
  return s;
}

TEST(ObligationNotices, TheReportNoticeNamesTheReportTheAmountAndTheDeadline) {
  const NoticeText text = report_notice(margin_of_the_10th());
  EXPECT_EQ(text.title,
            "CRMMG02 issued: day-end margin of HKD 17,800,000.00 due 2022-06-13 09:30 HKT");
  EXPECT_EQ(text.body,
            "HKSCC's report CRMMG02 of 2022-06-10 20:15 HKT announces participant B01234's "
            "day-end margin of HKD 17,800,000.00, to be paid by CHATS payment instruction by "
            "2022-06-13 09:30 HKT. margin 22,800,000 less the credit of 5,000,000.");
  EXPECT_EQ(text.link, "/obligations.html#date=2022-06-10");
}

TEST(ObligationNotices, TheReminderSaysWhatIsStillOutstanding) {
  store::StoredObligation s = margin_of_the_10th();
  s.paid_hkd = *Decimal::parse("5000000.00");  // 17,800,000.00 − 5,000,000.00 = 12,800,000.00
  const NoticeText text = deadline_reminder(s);
  EXPECT_EQ(text.title, "Due by 09:30 HKT: day-end margin, HKD 12,800,000.00 unpaid");
  EXPECT_NE(text.body.find("HKD 5,000,000.00 has been received, HKD 12,800,000.00 is "
                           "outstanding"),
            std::string::npos);
  EXPECT_NE(text.body.find("General Rule 3701"), std::string::npos);
}

TEST(ObligationNotices, ADefaultNamesTheRuleAndWhatWasPaid) {
  store::StoredObligation s = margin_of_the_10th();
  s.paid_hkd = *Decimal::parse("5000000.00");
  const NoticeText text = default_notice(s);
  EXPECT_EQ(text.title,
            "Event of default: day-end margin of HKD 17,800,000.00 unpaid at 2022-06-13 09:30 HKT");
  EXPECT_EQ(text.body, text.title +
                           " (CCASS General Rule 3701; HKSCC may act under Rules 3702 and 2003). "
                           "Paid so far: HKD 5,000,000.00.");
  EXPECT_EQ(text.link, "/obligations.html#date=2022-06-10");
}

TEST(ObligationOrder, OverdueAndDefaultedFirstThenDueThenPaidEachByDeadline) {
  // At 10:00 HKT on the 13th: the 13th's 09:30 deadline has passed.
  const UtcTime now = from_hkt(day("2022-06-13"), at("10:00"));
  auto make = [](const char* id, const char* deadline, Decimal paid, bool defaulted) {
    store::StoredObligation s = margin_of_the_10th();
    s.obligation.id = id;
    s.obligation.deadline_date = day(deadline);
    s.paid_hkd = paid;
    if (defaulted) s.defaulted_at = "2022-06-10T01:31:00.000000Z";
    return s;
  };
  const Decimal none;
  const Decimal all = *Decimal::parse("17800000.00");
  std::vector<store::StoredObligation> list = {
      make("paid-early", "2022-06-09", all, false),  make("due-later", "2022-06-15", none, false),
      make("due-sooner", "2022-06-14", none, false), make("overdue", "2022-06-13", none, false),
      make("defaulted", "2022-06-10", none, true),
  };
  order_overdue_first(list, now);
  std::vector<std::string> ids;
  for (const auto& s : list) ids.push_back(s.obligation.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"defaulted", "overdue", "due-sooner", "due-later",
                                           "paid-early"}));
  EXPECT_EQ(obligation_status(list[0], now), "defaulted");
  EXPECT_EQ(obligation_status(list[4], now), "paid");
}

}  // namespace
}  // namespace cp::risk
