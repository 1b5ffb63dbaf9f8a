// Stress tests through the real server and binary, on both databases (ORG-4; issue 16 item 7):
// a participant's CNS positions under the scenario library and a user's own shocks against the
// margin HKSCC holds; and the broker's Southbound book from the EOD run against the risk funds
// CSDC holds, with its audited downloads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "support/obligations_fixture.h"
#include "support/rate_method_data.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::HttpReply;

// B01234 on 2022-06-10 (tests/support/obligations_fixture.h): 00700 +1,000,000 at 380.00 =
// 380,000,000 and 00005 −2,000,000 at 47.50 = −95,000,000; the margin HKSCC holds once the
// day's call is met is the net margin after credit, 17,800,000 (the fixture's README figures).
class StressPortalTest : public testing::ObligationsFixture {};

TEST_P(StressPortalTest, TheParticipantsPositionsUnderTheLibraryAndItsOwnShock) {
  const HttpReply reply =
      call("mia", "GET", "/api/v1/firms/B001/risk/stress?date=2022-06-10&shock=00700%3D-0.35");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json stress = json_of(reply);
  EXPECT_EQ(stress["participant"], "B01234");
  EXPECT_TRUE(stress["worst_day"].is_null());  // the margin-rate regime has no HVaR window
  ASSERT_EQ(stress["scenarios"].size(), 4u);
  // −22 %: 380,000,000 × −0.22 = −83,600,000; −95,000,000 × −0.22 = +20,900,000.
  const Json& down = stress["scenarios"][0];
  EXPECT_EQ(down["scenario"], "hk_market_down_22");
  EXPECT_EQ(down["pnl"], "-62700000");
  EXPECT_EQ(down["loss"], "62700000");
  EXPECT_EQ(down["collateral"], "17800000");
  EXPECT_EQ(down["shortfall"], "44900000");
  EXPECT_EQ(stress["scenarios"][1]["loss"], "0");  // +22 %: a gain
  EXPECT_THAT(stress["scenarios"][2]["description"].get<std::string>(),
              HasSubstr("not applicable"));
  // The user's: 00700 alone, −35 %: −133,000,000, 115,200,000 beyond the margin held.
  const Json& own = stress["scenarios"][3];
  EXPECT_EQ(own["scenario"], "user_defined");
  EXPECT_EQ(own["pnl"], "-133000000");
  EXPECT_EQ(own["shortfall"], "115200000");

  // Bad shocks name the field; 21 securities are too many; no date, no answer.
  for (const std::string bad : {"00700%3D-2", "00700", "0070x%3D-0.1"}) {
    const HttpReply refused =
        call("mia", "GET", "/api/v1/firms/B001/risk/stress?date=2022-06-10&shock=" + bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_EQ(json_of(refused)["field"], "shock") << refused.body;
  }
  std::string many;
  for (int i = 0; i < 21; ++i) many += std::string(many.empty() ? "" : ",") + "00700%3D-0.1";
  EXPECT_EQ(
      call("mia", "GET", "/api/v1/firms/B001/risk/stress?date=2022-06-10&shock=" + many).status,
      422);
  EXPECT_EQ(call("mia", "GET", "/api/v1/firms/B001/risk/stress").status, 400);
  // No positions that day: not found; another firm's: not found either.
  EXPECT_EQ(call("mia", "GET", "/api/v1/firms/B001/risk/stress?date=2022-06-13").status, 404);
  EXPECT_EQ(call("bea", "GET", "/api/v1/firms/B001/risk/stress?date=2022-06-10").status, 404);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(StressPortalTest);

// tests/golden/eod/basic run on 2024-03-15 with the rate method its README works (risk funds
// HKD: sh client 1,065 + 31,317 = 32,382.00; sh own 5,737.60; sz client 0), the server told that
// B001's is the book (book_firm).
//   sh client: 00700 +800 × 300.00 = 240,000.00; 00941 −500 × 65.10 = −32,550.00.
//     −22 %: −52,800 + 7,161 = −45,639; beyond 32,382.00: 13,257.00
//   sh own: PROP01's 400 00005 × 65.20 = 26,080.00 (it held none before). −22 %: −5,737.60 →
//     −5,738 to the dollar; 0.40 beyond the 5,737.60 of margin, a rounding's worth
//   sz client: 02318 +500 × 40.00 = 20,000.00; 00763 −2,000 × 15.50 = −31,000.00.
//     +22 %: +4,400 − 6,820 = −2,420, no risk funds held: 2,420
class BookStressPortalTest : public testing::PortalTest {
 protected:
  void SetUp() override {
    data_dir_ = testing::rate_method_data_dir();
    ::setenv("CONNECTPOST_BOOK_FIRM", "B001", 1);
    PortalTest::SetUp();
    ::unsetenv("CONNECTPOST_BOOK_FIRM");  // the server has it; later commands need not
    if (HasFatalFailure()) return;
    const std::string golden = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/eod/basic/";
    for (const char* kind :
         {"accounts", "executions", "fx", "prices", "positions", "reserves", "cash"}) {
      cli(std::string("import ") + kind + " '" + golden + kind + ".csv'");
    }
    cli("eod run --date 2024-03-15");
  }

  static const Json* row(const Json& rows, const std::string& channel, const std::string& reserve,
                         const std::string& scenario) {
    for (const Json& r : rows) {
      if (r["channel"] == channel && r["reserve"] == reserve && r["scenario"] == scenario) {
        return &r;
      }
    }
    return nullptr;
  }
};

TEST_P(BookStressPortalTest, TheBooksUnderStressAgainstTheRiskFundsHeldAndDownloaded) {
  const HttpReply reply = call("chen", "GET", "/api/v1/firms/B001/book/stress?date=2024-03-15");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json rows = json_of(reply)["rows"];
  ASSERT_EQ(rows.size(), 9u);  // 3 reserves × 3 scenarios
  const Json* down = row(rows, "sh", "client", "hk_market_down_22");
  ASSERT_NE(down, nullptr);
  EXPECT_EQ((*down)["long_value_hkd"], "240000.00");
  EXPECT_EQ((*down)["short_value_hkd"], "32550.00");
  EXPECT_EQ((*down)["pnl_hkd"], "-45639");
  EXPECT_EQ((*down)["collateral_hkd"], "32382.00");
  EXPECT_EQ((*down)["shortfall_hkd"], "13257.00");
  const Json* own = row(rows, "sh", "own", "hk_market_down_22");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ((*own)["long_value_hkd"], "26080.00");
  EXPECT_EQ((*own)["shortfall_hkd"], "0.40");
  const Json* up = row(rows, "sz", "client", "hk_market_up_22");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ((*up)["loss_hkd"], "2420");
  EXPECT_EQ((*up)["shortfall_hkd"], "2420.00");
  const Json* worst = row(rows, "sz", "client", "historical_worst_day");
  ASSERT_NE(worst, nullptr);
  EXPECT_THAT((*worst)["shock"].get<std::string>(), HasSubstr("not applicable"));

  // Only the book's firm has one; a day without a run is not found.
  EXPECT_EQ(call("bea", "GET", "/api/v1/firms/B002/book/stress?date=2024-03-15").status, 404);
  EXPECT_EQ(call("chen", "GET", "/api/v1/firms/B001/book/stress?date=2024-03-14").status, 404);

  // The downloads: CSV with a byte-order mark and signed numbers, XLSX; each audited.
  const HttpReply csv =
      call("chen", "POST", "/api/v1/firms/B001/exports/book-stress.csv?date=2024-03-15", "{}");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_THAT(csv.body, HasSubstr("sh,client,hk_market_down_22,"));
  EXPECT_THAT(csv.body, HasSubstr(",-45639,45639,32382.00,13257.00"));
  const HttpReply xlsx =
      call("chen", "POST", "/api/v1/firms/B001/exports/book-stress.xlsx?date=2024-03-15", "{}");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  const auto trail = run("audit show --object eod:2024-03-15");
  EXPECT_THAT(trail.out, HasSubstr("book_stress.export"));
  // The same report at the command line.
  const auto report = run("report book-stress --date 2024-03-15");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_THAT(report.out, HasSubstr("sz,client,hk_market_up_22,"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(BookStressPortalTest);

}  // namespace
}  // namespace cp
