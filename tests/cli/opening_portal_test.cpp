// The online opening in a browser on a real server, SQLite and PostgreSQL (issue 18 item 3;
// SPEC SUIT-4): ivy, an investor of the book firm B001, on a phone in Simplified Chinese, is
// refused on her account POOR at the qualification step with the rule and its figures, then
// takes OK through the four steps and signs; the permission is granted and the account's
// archive exports with hashes that verify; and the counter opens the institution INST with
// maker-checker. The server's clock is the real one, so the evidence
// is dated from today: assets on each of the 20 Southbound trading days before it (the window
// of the shipped calendar), OK at 450,000.00 + 50,000.00 = 500,000.00 a day (an average of
// exactly the minimum, SUIT-1), POOR at 450,000.00 + 49,999.99 (499,999.99, below it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/date.h"
#include "investors/asset_window.h"
#include "support/browser_flow.h"
#include "support/portal_test.h"
#include "support/shipped_reference.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

class OpeningPortalTest : public testing::PortalTest {
 protected:
  OpeningPortalTest() {
    book_firm_ = "B001";
    sms_sink_ = true;
  }
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    cli("user add ivy --name ivy --email ivy@example.com --firm B001 --role investor");
    cli("user set-password ivy", std::string(testing::kPassword) + "\n");
    secrets_["ivy"] = testing::enrol_totp(*this, "ivy");

    const Date today = to_hkt(SystemClock().now()).date;
    auto window =
        investors::asset_window(testing::shipped_southbound(Channel::kShanghai), today, 20);
    ASSERT_TRUE(window.ok()) << window.error().to_string();
    std::string snapshots = "as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb\n";
    for (const Date day : *window) {
      snapshots += day.to_string() + ",OK,450000.00,50000.00,0.00\n";
      snapshots += day.to_string() + ",POOR,450000.00,49999.99,0.00\n";
    }
    const std::string questionnaire_day = today.plus_days(-30).to_string();
    write_and_import("accounts", "accounts.csv",
                     "account_id,account_type,money_kind,a_share_online_rate,commission_rate,"
                     "commission_min_hkd\nOK,individual,client,0.00025,,5.00\n"
                     "POOR,individual,client,0.00025,,5.00\n"
                     "INST,institution,client,0.00025,,5.00\n");
    write_and_import("asset-snapshots", "asset_snapshots.csv", snapshots);
    write_and_import("questionnaires", "questionnaires.csv",
                     "account_id,completed_on,risk_level,low_level_acknowledged\nOK," +
                         questionnaire_day + ",balanced,no\nPOOR," + questionnaire_day +
                         ",balanced,no\nINST," + questionnaire_day + ",balanced,no\n");
    write_and_import("investor-profiles", "investor_profiles.csv",
                     "as_of,account_id,channel,a_share_account,serious_integrity_problem,"
                     "legally_barred\n2025-01-02,OK,sh,normal,no,no\n"
                     "2025-01-02,POOR,sh,normal,no,no\n2025-01-02,INST,sh,normal,no,no\n");
    cli("user link-account ivy --firm B001 --account OK");
    cli("user link-account ivy --firm B001 --account POOR");
    cli("user set-mobile ivy --firm B001 --mobile +8613800138000");
  }
  void write_and_import(const std::string& kind, const std::string& file, const std::string& text) {
    std::ofstream(dir_ / file) << text;
    cli("import " + kind + " '" + (dir_ / file).string() + "'");
  }
};

TEST_P(OpeningPortalTest, AnInvestorOpensSouthboundOnAPhoneInSimplifiedChinese) {
  const auto artifacts = browser_artifacts();
  ASSERT_FALSE(artifacts.empty());
  const auto flow = testing::run_browser_flow("opening_flow.mjs",
                                              {{"CP_BASE_URL", base_url()},
                                               {"CP_PASSWORD", testing::kPassword},
                                               {"CP_SECRETS", browser_secrets({"ivy"})},
                                               {"CP_SMS_FILE", sms_file_.string()},
                                               {"CP_ARTIFACTS", artifacts.string()}},
                                              artifacts / "opening.log", 180);
  EXPECT_EQ(flow.status, 0) << flow.output;
  EXPECT_THAT(flow.output, HasSubstr("every step held"));

  // What the pages did is what the registry holds: OK on Shanghai, granted by ivy today; POOR
  // nothing.
  const auto listed = run("investor permissions --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const Json permissions = Json::parse(listed.out, nullptr, false)["permissions"];
  ASSERT_EQ(permissions.size(), 1u) << listed.out;
  EXPECT_EQ(permissions[0]["account"], "OK");
  EXPECT_EQ(permissions[0]["channel"], "sh");
  EXPECT_EQ(permissions[0]["granted_on"], to_hkt(SystemClock().now()).date.to_string());
  EXPECT_EQ(permissions[0]["granted_by"], "user:ivy");

  // The archive holds every step and exports with hashes that verify.
  const auto verified = run("archive verify --account OK");
  EXPECT_EQ(verified.exit_code, 0) << verified.err << verified.out;
  const std::filesystem::path zip = dir_ / "OK-archive.zip";
  ASSERT_EQ(run("archive export --account OK --out '" + zip.string() + "'").exit_code, 0);
  const auto exported = run("archive verify-export '" + zip.string() + "'");
  EXPECT_EQ(exported.exit_code, 0) << exported.err << exported.out;
  const auto shown = run("archive show --account OK --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("application_step"));
  EXPECT_THAT(shown.out, HasSubstr("\"grant\""));
}

// The counter with maker-checker (SUIT-3): mia files INST's opening, chen approves it.
TEST_P(OpeningPortalTest, TheCounterOpensAnInstitutionWithMakerAndChecker) {
  const auto artifacts = browser_artifacts();
  ASSERT_FALSE(artifacts.empty());
  const auto flow = testing::run_browser_flow("counter_flow.mjs",
                                              {{"CP_BASE_URL", base_url()},
                                               {"CP_PASSWORD", testing::kPassword},
                                               {"CP_SECRETS", browser_secrets({"mia", "chen"})},
                                               {"CP_ARTIFACTS", artifacts.string()}},
                                              artifacts / "counter.log", 180);
  EXPECT_EQ(flow.status, 0) << flow.output;
  EXPECT_THAT(flow.output, HasSubstr("every step held"));
  const auto listed = run("investor permissions --account INST --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const Json permissions = Json::parse(listed.out, nullptr, false)["permissions"];
  ASSERT_EQ(permissions.size(), 1u) << listed.out;
  EXPECT_EQ(permissions[0]["granted_by"], "user:mia checked by user:chen");
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(OpeningPortalTest);

}  // namespace
}  // namespace cp
