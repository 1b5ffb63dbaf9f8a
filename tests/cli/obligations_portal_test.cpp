// The obligations pages' server side through the real server and the real binary, on both
// databases (issue 16 items 4 and 6): the 60-day history the chart draws, every participant's
// obligations for HKSCC's operators with the overdue first, payments entered by one operator and
// checked by another, and the notices of `obligations notify`.
//
// The figures are tests/golden/margin's TP001 (README.md there works them by hand: margin
// 22,800,000 less the HKD 5 m credit = 17,800,000; marks 15,000,000; total 32,800,000), here as
// B001's participant B01234 on three days, 8–10 June 2022 (the margin-rate regime: no history
// needed). Each day's obligations are due at 09:30 HKT on the next business day: 9, 10 and
// 13 June (seed 001 Part A 2(i) rows 5–6).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "support/obligations_fixture.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::HttpReply;

class ObligationsPortalTest : public testing::ObligationsFixture {
 protected:
  HttpReply enter(const std::string& login, const std::string& obligation,
                  const std::string& payment, const std::string& amount,
                  const std::string& received_at = "2022-06-13 09:05") {
    return call(login, "POST", "/api/v1/operator/HKEX/payments",
                Json{{"obligation_id", obligation},
                     {"payment_id", payment},
                     {"amount", amount},
                     {"received_at", received_at},
                     {"method", "chats"}}
                    .dump());
  }
};

TEST_P(ObligationsPortalTest, TheChartReadsEachDaysStoredMarginAndMarks) {
  const HttpReply reply = call("mia", "GET", "/api/v1/firms/B001/risk/history");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json history = json_of(reply);
  // No `to`: the 60 days end on the latest day with figures, 10 June.
  EXPECT_EQ(history["to"], "2022-06-10");
  EXPECT_EQ(history["from"], "2022-04-12");  // 60 days, both ends included
  ASSERT_EQ(history["days"].size(), 3u);
  for (const Json& day : history["days"]) {
    EXPECT_EQ(day["regime"], "margin_rate");
    EXPECT_EQ(day["net_margin"], "17800000");
    EXPECT_EQ(day["marks"], "15000000");
    EXPECT_EQ(day["total_requirement"], "32800000");
    EXPECT_EQ(day["collateral_on_hand"], "0");  // nothing paid before
  }
  EXPECT_EQ(history["days"][0]["date"], "2022-06-08");
  // Two days back from the 9th: the 8th and the 9th.
  const Json two =
      json_of(call("mia", "GET", "/api/v1/firms/B001/risk/history?to=2022-06-09&days=2"));
  ASSERT_EQ(two["days"].size(), 2u);
  EXPECT_EQ(two["days"][1]["date"], "2022-06-09");
  EXPECT_EQ(call("mia", "GET", "/api/v1/firms/B001/risk/history?days=0").status, 400);
  EXPECT_EQ(call("mia", "GET", "/api/v1/firms/B001/risk/history?days=367").status, 400);
  EXPECT_EQ(call("mia", "GET", "/api/v1/firms/B001/risk/history?to=2022-02-30").status, 400);
  // Another firm sees nothing of B001's.
  EXPECT_EQ(call("bea", "GET", "/api/v1/firms/B001/risk/history").status, 404);
}

TEST_P(ObligationsPortalTest, OperatorsSeeEveryParticipantOverdueFirst) {
  // One of the 8th's two is paid in full: it leaves the open list; the rest are overdue (their
  // deadlines of 2022 are long past), earliest deadline first.
  ASSERT_EQ(enter("pam", "B01234:2022-06-08:day_end_marks", "CHATS-0608-1", "15000000.00").status,
            201);
  const Json pending = json_of(call("carl", "GET", "/api/v1/operator/HKEX/payments?state=pending"));
  ASSERT_EQ(pending["payments"].size(), 1u);
  const int64_t id = pending["payments"][0]["id"];
  ASSERT_EQ(call("carl", "POST",
                 "/api/v1/operator/HKEX/payments/" + std::to_string(id) + "/approve", "{}")
                .status,
            200);
  const HttpReply reply = call("olga", "GET", "/api/v1/operator/HKEX/obligations");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json list = json_of(reply)["obligations"];
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[0]["id"], "B01234:2022-06-08:day_end_margin");
  EXPECT_EQ(list[0]["status"], "overdue");
  EXPECT_EQ(list[0]["firm"], "B001");
  EXPECT_EQ(list[0]["deadline"], "2022-06-09T09:30:00+08:00");
  EXPECT_EQ(list[4]["deadline"], "2022-06-13T09:30:00+08:00");
  // Of a date: every obligation that arose, the paid one last.
  const Json day =
      json_of(call("olga", "GET", "/api/v1/operator/HKEX/obligations?date=2022-06-08"));
  ASSERT_EQ(day["obligations"].size(), 2u);
  EXPECT_EQ(day["obligations"][1]["status"], "paid");
  // A participant's own users never reach the desk.
  EXPECT_NE(call("mia", "GET", "/api/v1/operator/HKEX/obligations").status, 200);
  EXPECT_NE(call("mia", "GET", "/api/v1/operator/B001/obligations").status, 200);
}

TEST_P(ObligationsPortalTest, APaymentCountsOnlyOnceASecondOperatorApprovesIt) {
  const std::string margin = "B01234:2022-06-10:day_end_margin";
  const HttpReply entered = enter("pam", margin, "CHATS-20220613-0001", "17800000.00");
  ASSERT_EQ(entered.status, 201) << entered.body;
  const Json entry = json_of(entered);
  EXPECT_EQ(entry["state"], "pending");
  EXPECT_EQ(entry["received_at"], "2022-06-13 09:05");
  EXPECT_TRUE(entry["actions"].empty());  // the maker cannot check her own entry
  const std::string path =
      "/api/v1/operator/HKEX/payments/" + std::to_string(entry["id"].get<int64_t>());
  // Not yet paid: the entry is only a claim.
  auto status_of = [&](const std::string& id) {
    const Json day = json_of(call("mia", "GET", "/api/v1/firms/B001/obligations?date=2022-06-10"));
    for (const Json& o : day["obligations"])
      if (o["id"] == id) return o["status"].get<std::string>();
    return std::string("missing");
  };
  EXPECT_EQ(status_of(margin), "overdue");
  // Pam holds make, not check: the router refuses her the approval outright.
  EXPECT_EQ(call("pam", "POST", path + "/approve", "{}").status, 403);
  // Olga (the processing team) has neither make nor check on risk.
  EXPECT_EQ(enter("olga", margin, "CHATS-X", "1.00").status, 403);
  const HttpReply approved = call("carl", "POST", path + "/approve", "{}");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json_of(approved)["state"], "approved");
  EXPECT_EQ(json_of(approved)["decided_by"], "carl");
  EXPECT_EQ(status_of(margin), "paid");
  // Decided once; the same bank reference is not entered twice.
  EXPECT_EQ(call("carl", "POST", path + "/approve", "{}").status, 409);
  EXPECT_EQ(enter("pam", margin, "CHATS-20220613-0001", "1.00").status, 409);
  // The audit trail has both steps.
  const auto audit = run("audit show --json");
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_THAT(audit.out, HasSubstr("obligations.payment_entered"));
  EXPECT_THAT(audit.out, HasSubstr("obligations.payment_approved"));
}

TEST_P(ObligationsPortalTest, ABadEntryIsRefusedNamingItsField) {
  const std::string marks = "B01234:2022-06-10:day_end_marks";
  auto field_of = [&](const HttpReply& reply) {
    EXPECT_EQ(reply.status, 422) << reply.body;
    return json_of(reply).value("field", "");
  };
  EXPECT_EQ(field_of(enter("pam", marks, "P-1", "-5.00")), "amount");
  EXPECT_EQ(field_of(enter("pam", marks, "P-1", "1.005")), "amount");  // HKD has cents only
  EXPECT_EQ(field_of(enter("pam", marks, "P 1", "5.00")), "payment_id");
  EXPECT_EQ(field_of(enter("pam", marks, std::string(65, 'P'), "5.00")), "payment_id");
  EXPECT_EQ(field_of(enter("pam", marks, "P-1", "5.00", "13/06/2022 09:05")), "received_at");
  EXPECT_EQ(field_of(enter("pam", marks, "P-1", "5.00", "2099-01-01 09:00")), "received_at");
  EXPECT_EQ(field_of(enter("pam", "B01234:2022-06-10:nothing", "P-1", "5.00")), "obligation_id");
  // A rejection needs its reason; with one, the entry is closed and nothing is paid.
  const Json entry = json_of(enter("pam", marks, "P-2", "5.00"));
  const std::string path =
      "/api/v1/operator/HKEX/payments/" + std::to_string(entry["id"].get<int64_t>());
  EXPECT_EQ(field_of(call("carl", "POST", path + "/reject", "{}")), "reason");
  const HttpReply rejected =
      call("carl", "POST", path + "/reject", Json{{"reason", "not on the bank statement"}}.dump());
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(json_of(rejected)["state"], "rejected");
  const Json day = json_of(call("mia", "GET", "/api/v1/firms/B001/obligations?date=2022-06-10"));
  for (const Json& o : day["obligations"]) EXPECT_EQ(o["paid"], "0") << o["id"];
  EXPECT_EQ(call("carl", "POST", "/api/v1/operator/HKEX/payments/999/approve", "{}").status, 404);
}

// The report notices and the reminders: two users of B001 (mia, chen) hear of each.
TEST_P(ObligationsPortalTest, ReportsIssuedAndDeadlinesWithinTheHourAreToldOnce) {
  const std::string relay = "--smtp-url " + sink_.url() + " --public-url https://portal.cp.test ";
  // 20:20 on the 10th: the 10th's CRMMG02 and CFIPM01 of 20:15 are fresh; the 9th's of 20:15
  // the day before are over 24 hours old and claimed without a word.
  const auto first = run(relay + "obligations notify --json --at '2022-06-10 20:20'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const Json told = Json::parse(first.out);
  EXPECT_EQ(told["reports"], 2);
  EXPECT_EQ(told["reminders"], 0);  // nothing due between 20:20 and 21:20
  EXPECT_EQ(told["notifications"], 4);
  // 08:45 on the 13th: the 10th's two are due at 09:30, within the hour, and unpaid.
  const auto second = run(relay + "obligations notify --json --at '2022-06-13 08:45'");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(Json::parse(second.out)["reports"], 0);
  EXPECT_EQ(Json::parse(second.out)["reminders"], 2);
  // Run again: each went out once.
  const auto third = run(relay + "obligations notify --json --at '2022-06-13 08:50'");
  EXPECT_EQ(Json::parse(third.out)["notifications"], 0);
  const Json inbox = json_of(call("mia", "GET", "/api/v1/me/notifications"));
  ASSERT_EQ(inbox["notifications"].size(), 4u);
  std::string titles;
  for (const Json& n : inbox["notifications"]) titles += n["title"].get<std::string>() + "\n";
  EXPECT_THAT(titles, HasSubstr("CRMMG02 issued: day-end margin of HKD 17,800,000.00 due "
                                "2022-06-13 09:30 HKT"));
  EXPECT_THAT(titles, HasSubstr("Due by 09:30 HKT: day-end marks, HKD 15,000,000.00 unpaid"));
  // Mailed as each happened (the default), with the link to the day.
  const auto mails = mails_to("chen@example.com", 8);
  ASSERT_EQ(mails.size(), 4u);
  EXPECT_THAT(mails[0], HasSubstr("https://portal.cp.test/obligations.html#date=2022-06-10"));
  // Bea's firm has no obligations: she hears nothing.
  EXPECT_EQ(json_of(call("bea", "GET", "/api/v1/me/notifications"))["notifications"].size(), 0u);
  // A time still to come is refused.
  EXPECT_EQ(run("obligations notify --at '2099-01-01 00:00'").exit_code, 2);
}

// MO-2: at 09:31 on the 9th the 8th's two obligations (due 09:30) are unpaid: two events of
// default, each told to B001's two users, by mail as each happens (their default).
TEST_P(ObligationsPortalTest, AMissedDeadlineIsAnEventOfDefaultTheFirmIsToldOf) {
  const auto run_at = run("--smtp-url " + sink_.url() +
                          " --public-url https://portal.cp.test obligations check-defaults --json "
                          "--at '2022-06-09 09:31'");
  ASSERT_EQ(run_at.exit_code, 0) << run_at.err;
  EXPECT_EQ(Json::parse(run_at.out)["defaulted"],
            (Json{"B01234:2022-06-08:day_end_margin", "B01234:2022-06-08:day_end_marks"}));
  const Json inbox = json_of(call("chen", "GET", "/api/v1/me/notifications"));
  ASSERT_EQ(inbox["notifications"].size(), 2u);
  std::string titles;
  for (const Json& n : inbox["notifications"]) titles += n["title"].get<std::string>() + "\n";
  EXPECT_THAT(titles, HasSubstr("Event of default: day-end margin of HKD 17,800,000.00 unpaid at "
                                "2022-06-09 09:30 HKT"));
  EXPECT_THAT(titles, HasSubstr("Event of default: day-end marks of HKD 15,000,000.00 unpaid at "
                                "2022-06-09 09:30 HKT"));
  const auto mails = mails_to("mia@example.com", 4);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_THAT(mails[0], HasSubstr("General Rule 3701"));
  EXPECT_EQ(
      json_of(call("olga", "GET", "/api/v1/operator/HKEX/obligations"))["obligations"][0]["status"],
      "defaulted");
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(ObligationsPortalTest);

}  // namespace
}  // namespace cp
