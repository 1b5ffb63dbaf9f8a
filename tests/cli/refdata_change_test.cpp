// Reference-data changes with maker-checker on the operator's side (issue 6 item 7): otto files
// a change, tess checks it, and only her check makes it take effect — the calendar and the fee
// calculator read it from then on. On SQLite and PostgreSQL, against a real server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/date.h"
#include "identity/totp.h"
#include "support/browser_flow.h"
#include "support/portal_test.h"
#include "support/rate_method_data.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::HttpReply;

class RefdataChangeTest : public testing::PortalTest {
 protected:
  void SetUp() override {
    data_dir_ = testing::rate_method_data_dir();  // the christmas golden's hand-worked figures
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    for (const auto& [login, role] :
         {std::pair{"otto", "refdata_maker"}, std::pair{"tess", "refdata_checker"}}) {
      cli(std::string("user add ") + login + " --name " + login + " --email " + login +
          "@hkex.example --firm HKEX --role " + role);
      cli(std::string("user set-password ") + login, std::string(testing::kPassword) + "\n");
      secrets_[login] = testing::enrol_totp(*this, login);
    }
  }

  HttpReply file(const std::string& login, const Json& change) {
    return call(login, "POST", "/api/v1/operator/HKEX/refdata-changes", change.dump());
  }
  HttpReply act(const std::string& login, const std::string& ref, const std::string& action,
                const Json& body = Json::object()) {
    return call(login, "POST", "/api/v1/operator/HKEX/refdata-changes/" + ref + "/" + action,
                body.dump());
  }

  // The Shanghai channel's day as `connectpost calendar` shows it.
  Json calendar_day(const std::string& date) {
    const auto shown = run("calendar --channel sh --from " + date + " --to " + date + " --json");
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    return Json::parse(shown.out, nullptr, false)["days"][0];
  }

  static Json holiday(const std::string& date) {
    return {{"kind", "closure"},
            {"market", "sehk"},
            {"date", date},
            {"closure", "holiday"},
            {"reason", "Market closed by an emergency (test)"},
            {"source", "HKEX circular of the day (test)"}};
  }

  // A HK date `days` after today.
  static std::string days_from_today(int days) {
    return to_hkt(SystemClock().now()).date.plus_days(days).to_string();
  }
};

TEST_P(RefdataChangeTest, AHolidayTakesEffectOnlyWhenASecondOperatorApprovesIt) {
  // 2026-06-17 is a Wednesday on which both markets trade (data/calendar).
  ASSERT_TRUE(calendar_day("2026-06-17")["southbound_trading"].get<bool>());
  const HttpReply filed = file("otto", holiday("2026-06-17"));
  ASSERT_EQ(filed.status, 201) << filed.body;
  const Json change = json_of(filed);
  const std::string ref = change["reference"];
  EXPECT_EQ(change["status"], "submitted");
  EXPECT_EQ(change["actions"], Json::array({"withdraw"}));
  // Filed is not applied: the day still trades.
  EXPECT_TRUE(calendar_day("2026-06-17")["hk_trading"].get<bool>());

  // The maker cannot check it (no refdata:check, and never their own change).
  EXPECT_EQ(act("otto", ref, "approve").status, 403);
  EXPECT_TRUE(calendar_day("2026-06-17")["hk_trading"].get<bool>());
  // Nor can the participants' processor of requests: it is not their entitlement.
  EXPECT_EQ(act("olga", ref, "approve").status, 403);

  const HttpReply approved = act("tess", ref, "approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json_of(approved)["status"], "applied");
  EXPECT_EQ(json_of(approved)["checked_by"], "tess");
  const Json day = calendar_day("2026-06-17");
  EXPECT_FALSE(day["hk_trading"].get<bool>());
  EXPECT_FALSE(day["southbound_trading"].get<bool>());
  EXPECT_THAT(day["reason"].get<std::string>(), HasSubstr("emergency"));

  // Applied once: a second approval is refused, and nothing is added twice.
  EXPECT_EQ(act("tess", ref, "approve").status, 409);
  const auto trail = run("audit show --object refdata-change:" + ref);
  EXPECT_THAT(trail.out, HasSubstr("refdata.change_submitted"));
  EXPECT_THAT(trail.out, HasSubstr("refdata.change_applied"));
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

TEST_P(RefdataChangeTest, AFeeChangeAppliesFromItsDateAndNotBefore) {
  // The SEHK trading fee is 0.00565% from 2023-01-01 (data/fees.csv). On HKD 100,000
  // (1,000 shares at HKD 100): 100,000 × 0.0000565 = 5.65; at 0.005%: 100,000 × 0.00005 = 5.00.
  const std::string from = days_from_today(30);
  const std::string day_before = days_from_today(29);
  auto trading_fee = [&](const std::string& date) {
    const auto shown =
        run("fees --trade-date " + date + " --side buy --price 100 --quantity 1000 --json");
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    const Json fees = Json::parse(shown.out, nullptr, false);
    for (const Json& line : fees["lines"]) {
      if (line["code"] == "trading_fee") return line["amount"].get<std::string>();
    }
    return std::string("none");
  };
  ASSERT_EQ(trading_fee(from), "5.65");
  const HttpReply filed = file("otto", {{"kind", "fee"},
                                        {"code", "trading_fee"},
                                        {"effective_from", from},
                                        {"rate", "0.00005"},
                                        {"source", "HKEX circular (test)"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_THAT(json_of(filed)["summary"].get<std::string>(), HasSubstr("rate 0.00005 from " + from));
  EXPECT_EQ(trading_fee(from), "5.65");  // not until checked
  const HttpReply approved = act("tess", json_of(filed)["reference"], "approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(trading_fee(from), "5.00");
  EXPECT_EQ(trading_fee(day_before), "5.65");
  // The same fee from the same day again: refused, the day already has its rule.
  const HttpReply again = file("otto", {{"kind", "fee"},
                                        {"code", "trading_fee"},
                                        {"effective_from", from},
                                        {"rate", "0.00004"},
                                        {"source", "HKEX circular (test)"}});
  EXPECT_EQ(again.status, 422) << again.body;
  EXPECT_EQ(json_of(again)["field"], "effective_from");
}

TEST_P(RefdataChangeTest, AWeatherEpisodeIsRecordedWhenApproved) {
  const HttpReply filed =
      file("otto", {{"kind", "weather"},
                    {"signal", "t8"},
                    {"issued_at", "2026-07-15 09:10"},
                    {"lifted_at", "2026-07-15 15:40"},
                    {"effect", "No trading in the morning or afternoon session"},
                    {"source", "HKO signal record (test)"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_TRUE(calendar_day("2026-07-15")["weather"].is_null());
  ASSERT_EQ(act("tess", json_of(filed)["reference"], "approve").status, 200);
  EXPECT_FALSE(calendar_day("2026-07-15")["weather"].is_null());
}

// 第27条 through the portal (eod/reinstruct.h): tests/golden/eod/christmas run to 12-24, whose
// run instructs the transfer of 12-27; an approved closure of 12-27 redoes that run, which now
// instructs 12-30 (the same case from the command line: eod_cli_test.cpp, with the worked
// figures).
TEST_P(RefdataChangeTest, AnApprovedClosureInstructsTheLatestRunsTransferAgain) {
  const std::string dir = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/eod/christmas/";
  for (const char* kind :
       {"accounts", "executions", "fx", "prices", "positions", "reserves", "cash"}) {
    cli(std::string("import ") + kind + " '" + dir + kind + ".csv'");
  }
  for (const char* date : {"2024-12-20", "2024-12-23", "2024-12-24"}) {
    cli(std::string("eod run --date ") + date);
  }
  const HttpReply filed = file("otto", holiday("2024-12-27"));
  ASSERT_EQ(filed.status, 201) << filed.body;
  // Filing moves nothing: 12-27's instruction stands until the change is applied.
  EXPECT_EQ(run("report transfer --settlement-date 2024-12-27 --json").exit_code, 0);
  const HttpReply approved = act("tess", json_of(filed)["reference"], "approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  const Json redone = json_of(approved)["eod_reinstructed"];
  EXPECT_EQ(redone["run_date"], "2024-12-24");
  EXPECT_EQ(redone["moved"], "sh 2024-12-27 → 2024-12-30; sz 2024-12-27 → 2024-12-30");
  EXPECT_EQ(run("report transfer --settlement-date 2024-12-27 --json").exit_code, 1);
  const auto moved = run("report transfer --settlement-date 2024-12-30 --json");
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_EQ(Json::parse(moved.out)["rows"][0]["transfer_rmb"], "547926.73");
}

TEST_P(RefdataChangeTest, BadChangesAreRefusedByTheirFieldAndRefusedOnesNeverApply) {
  // A Saturday is no trading day to close; today's fee is past changing; an unknown kind.
  const HttpReply saturday = file("otto", holiday("2026-06-20"));
  EXPECT_EQ(saturday.status, 422) << saturday.body;
  EXPECT_EQ(json_of(saturday)["field"], "date");
  const HttpReply today = file("otto", {{"kind", "fee"},
                                        {"code", "trading_fee"},
                                        {"effective_from", days_from_today(0)},
                                        {"rate", "0.00005"},
                                        {"source", "test"}});
  EXPECT_EQ(today.status, 422);
  EXPECT_EQ(json_of(today)["field"], "effective_from");
  EXPECT_EQ(json_of(file("otto", {{"kind", "spread_table"}}))["field"], "kind");
  const HttpReply no_source = file("otto", {{"kind", "closure"},
                                            {"market", "sehk"},
                                            {"date", "2026-06-18"},
                                            {"closure", "holiday"},
                                            {"reason", "test"}});
  EXPECT_EQ(json_of(no_source)["field"], "source");

  // A participant's maker and checker see no operator workspace at all.
  EXPECT_EQ(file("mia", holiday("2026-06-18")).status, 404);
  EXPECT_EQ(call("chen", "GET", "/api/v1/operator/HKEX/refdata-changes").status, 404);

  // Withdrawn by its maker: no longer approvable. Rejected (with a reason): never applied.
  const std::string withdrawn = json_of(file("otto", holiday("2026-06-18")))["reference"];
  EXPECT_EQ(act("tess", withdrawn, "withdraw").status, 403);  // only the maker withdraws
  ASSERT_EQ(act("otto", withdrawn, "withdraw").status, 200);
  EXPECT_EQ(act("tess", withdrawn, "approve").status, 409);
  const std::string rejected = json_of(file("otto", holiday("2026-06-16")))["reference"];
  EXPECT_EQ(act("tess", rejected, "reject").status, 400);  // a rejection says why
  const HttpReply refused = act("tess", rejected, "reject", {{"reason", "No such circular"}});
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(json_of(refused)["status"], "rejected");
  EXPECT_EQ(act("tess", rejected, "approve").status, 409);
  EXPECT_TRUE(calendar_day("2026-06-18")["hk_trading"].get<bool>());
  EXPECT_TRUE(calendar_day("2026-06-16")["hk_trading"].get<bool>());

  // Both are kept, in their states, newest first.
  const Json listed = json_of(call("tess", "GET", "/api/v1/operator/HKEX/refdata-changes"));
  ASSERT_EQ(listed["changes"].size(), 2u);
  EXPECT_EQ(listed["changes"][0]["status"], "rejected");
  EXPECT_EQ(listed["changes"][1]["status"], "withdrawn");
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

TEST_P(RefdataChangeTest, NoOperatorMayBothFileAndCheck) {
  // The role rules refuse the pair (data/identity/role_conflicts.csv), so the maker-checker
  // split cannot be undone by granting a second role.
  const auto granted = run("user grant otto --firm HKEX --role refdata_checker");
  EXPECT_NE(granted.exit_code, 0);
  EXPECT_THAT(granted.err, HasSubstr("refdata_checker"));
}

TEST_P(RefdataChangeTest, ThePagesFileFlagTheFieldAndApproveInABrowser) {
  const auto artifacts = browser_artifacts();
  ASSERT_FALSE(artifacts.empty());
  const auto flow = testing::run_browser_flow("refdata_flow.mjs",
                                              {{"CP_BASE_URL", base_url()},
                                               {"CP_PASSWORD", testing::kPassword},
                                               {"CP_SECRETS", browser_secrets({"otto", "tess"})},
                                               {"CP_ARTIFACTS", artifacts.string()}},
                                              artifacts / "refdata.log", 180);
  EXPECT_EQ(flow.status, 0) << flow.output;
  EXPECT_THAT(flow.output, HasSubstr("every step held"));
  // What the page did is what the server holds.
  EXPECT_FALSE(calendar_day("2026-06-17")["hk_trading"].get<bool>());
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(RefdataChangeTest);

}  // namespace
}  // namespace cp
