// The margin and the obligations through the real server, on both databases (issue 16
// Interfaces): the firm sees its own HKSCC participant's, another firm sees nothing (404), the
// operator's staff see any firm's. The figures are tests/golden/margin's TP001 on 2022-06-10,
// here as B001's participant B01234 (README.md there works them: margin 22,800,000, marks
// 15,000,000, total 32,800,000), so the shipped parameters serve.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "support/portal_test.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::HttpReply;

class RiskApiTest : public testing::PortalTest {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    std::ofstream(dir_ / "closes.csv")
        << "price_date,security,close_hkd\n2022-06-10,00005,47.50\n2022-06-10,00700,380.00\n";
    std::ofstream(dir_ / "positions.csv")
        << "as_of,participant,security,settlement_date,quantity,contract_value_hkd,"
           "ssc_quantity,scc_amount_hkd\n"
           "2022-06-10,B01234,00700,2022-06-14,1000000,390000000.00,,\n"
           "2022-06-10,B01234,00005,2022-06-14,-2000000,-90000000.00,,\n";
    cli("import price-history '" + (dir_ / "closes.csv").string() + "'");
    cli("import cns-positions '" + (dir_ / "positions.csv").string() + "'");
    cli("obligations run --date 2022-06-10");
  }
};

TEST_P(RiskApiTest, TheFirmSeesItsParticipantsMarginWithEveryComponent) {
  const HttpReply reply = call("mia", "GET", "/api/v1/firms/B001/risk/margin?date=2022-06-10");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json m = json_of(reply);
  EXPECT_EQ(m["participant"], "B01234");
  EXPECT_EQ(m["regime"], "margin_rate");
  EXPECT_EQ(m["margin_position"], "380000000");
  EXPECT_EQ(m["rate_margin"], "22800000");
  EXPECT_EQ(m["mtm_requirement"], "15000000");
  EXPECT_EQ(m["net_margin_after_credit"], "17800000");
  EXPECT_EQ(m["total_requirement"], "32800000");
  EXPECT_EQ(m["currency"], "HKD");
  // The operator's staff see it too.
  EXPECT_EQ(call("olga", "GET", "/api/v1/firms/B001/risk/margin?date=2022-06-10").status, 200);
}

TEST_P(RiskApiTest, AnotherFirmOrAFirmWithoutPositionsSeesNothing) {
  EXPECT_EQ(call("bea", "GET", "/api/v1/firms/B001/risk/margin?date=2022-06-10").status, 404);
  EXPECT_EQ(call("bea", "GET", "/api/v1/firms/B001/obligations").status, 404);
  // B002's participant B05678 has no statement that day.
  EXPECT_EQ(call("bea", "GET", "/api/v1/firms/B002/risk/margin?date=2022-06-10").status, 404);
  const HttpReply none = call("bea", "GET", "/api/v1/firms/B002/obligations");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(json_of(none)["obligations"].empty());
}

TEST_P(RiskApiTest, ObligationsOfADayAndWhatIsOverdue) {
  const HttpReply day = call("chen", "GET", "/api/v1/firms/B001/obligations?date=2022-06-10");
  ASSERT_EQ(day.status, 200) << day.body;
  const Json list = json_of(day)["obligations"];
  ASSERT_EQ(list.size(), 2u);
  // Same deadline: listed by id, so margin before marks.
  const Json& margin = list[0];
  const Json& marks = list[1];
  EXPECT_EQ(marks["kind"], "day_end_marks");
  EXPECT_EQ(marks["amount"], "15000000.00");
  EXPECT_EQ(marks["deadline"], "2022-06-13T09:30:00+08:00");
  EXPECT_EQ(marks["report"], "CFIPM01");
  EXPECT_EQ(marks["report_issued_at"], "2022-06-10T20:15:00+08:00");
  EXPECT_EQ(margin["kind"], "day_end_margin");
  EXPECT_EQ(margin["amount"], "17800000.00");
  EXPECT_EQ(margin["report"], "CRMMG02");
  // Without a date: what is due from now and what is overdue; these were never paid.
  const HttpReply upcoming = call("mia", "GET", "/api/v1/firms/B001/obligations");
  ASSERT_EQ(upcoming.status, 200) << upcoming.body;
  const Json open = json_of(upcoming)["obligations"];
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0]["status"], "overdue");
}

TEST_P(RiskApiTest, ABadDateIsAnswered400) {
  const HttpReply reply = call("mia", "GET", "/api/v1/firms/B001/risk/margin?date=2022-13-40");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(call("mia", "GET", "/api/v1/firms/B001/risk/margin").status, 400);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(RiskApiTest);

}  // namespace
}  // namespace cp
