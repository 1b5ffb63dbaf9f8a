// The back office's counter through the server's routes, in process on SQLite and PostgreSQL
// (issue 18 item 3; SPEC SUIT-3, SUIT-5; server/counter_routes.h). The clock stands at Saturday
// 2025-10-25 10:00 HKT, not a Southbound trading day, with no executions on record: a closing
// has no trade of today to wait for and none still settling (SUIT-5 allows it). B001's maker mia
// files, its checker chen decides. Accounts:
//   INST   an institution: a normal A-share account on Shanghai (profile of 2025-01-02) and a
//          balanced questionnaire of 2025-06-02 — with the agreement signed at the counter,
//          every SUIT-3 rule passes (no assets, no knowledge test for an institution).
//   BARE   an institution with the profile but no questionnaire: the questionnaire rule fails.
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "store/investor_archive_store.h"
#include "store/investor_permission_store.h"
#include "store/migrations.h"
#include "support/backend_test.h"
#include "support/investor_evidence.h"
#include "support/portal_app.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

using Reply = testing::JsonReply;

class CounterRoutesTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store::migrate(*db_, clock_).ok());
    spdlog::set_level(spdlog::level::warn);
    ASSERT_TRUE(
        store::add_firm(*db_, {"B001", "Alpha", identity::FirmKind::kBroker}, clock_.now()).ok());
    sessions_["mia"] = testing::add_member(*db_, clock_, "mia", "B001", "maker");
    sessions_["chen"] = testing::add_member(*db_, clock_, "chen", "B001", "checker");
    import_evidence();
    app_.build(*db_, clock_, "B001");
  }

  void import_evidence() {
    testing::import_accounts_text(
        *db_,
        "account_id,account_type,money_kind,a_share_online_rate,commission_rate,"
        "commission_min_hkd\nINST,institution,client,0.00025,,5.00\n"
        "BARE,institution,client,0.00025,,5.00\n");
    testing::import_questionnaires_text(
        *db_,
        "account_id,completed_on,risk_level,low_level_acknowledged\nINST,2025-06-02,balanced,no\n",
        today(), {"cli:test", clock_.now(), 20});
    testing::import_profiles_text(
        *db_,
        "as_of,account_id,channel,a_share_account,serious_integrity_problem,legally_barred\n"
        "2025-01-02,INST,sh,normal,no,no\n2025-01-02,BARE,sh,normal,no,no\n",
        today());
  }

  Date today() const { return to_hkt(clock_.now()).date; }

  Reply call(const std::string& login, const std::string& method, const std::string& path,
             const Json& body = nullptr) {
    return app_.call(sessions_.at(login), method, "/api/v1/firms/B001/counter/requests" + path,
                     body);
  }

  std::string file(const std::string& kind, const std::string& account) {
    const Reply filed = call("mia", "POST", "",
                             {{"kind", kind},
                              {"account", account},
                              {"channel", "sh"},
                              {"note", "board resolution and specimen signatures seen"}});
    EXPECT_EQ(filed.status, 201) << filed.body;
    return "/" + std::to_string(filed.body.value("id", 0));
  }

  FixedClock clock_{from_hkt(*Date::parse("2025-10-25"), *TimeOfDay::parse("10:00"))};
  std::map<std::string, store::NewSession> sessions_;
  testing::PortalApp app_;
};

TEST_P(CounterRoutesTest, AnInstitutionIsOpenedByOneAndCheckedByAnother) {
  const std::string id = file("open", "INST");
  // Filed twice: one pending at a time.
  EXPECT_EQ(
      call("mia", "POST", "", {{"kind", "open"}, {"account", "INST"}, {"channel", "sh"}}).status,
      409);
  // The maker never decides her own request, whatever her roles.
  const Reply own = call("mia", "POST", id + "/approve");
  EXPECT_EQ(own.status, 403) << own.body;  // maker lacks counter:check
  const Reply approved = call("chen", "POST", id + "/approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.body["state"], "approved");
  EXPECT_EQ(approved.body["agreement_sha256"], app_.kits().at(Channel::kShanghai).agreement.sha256);
  EXPECT_TRUE(approved.body["outcome"]["eligible"].get<bool>());
  // SUIT-3: the institution's rules only — no assets, no knowledge test among them.
  for (const Json& rule : approved.body["outcome"]["rules"]) {
    EXPECT_NE(rule["rule"], "assets");
    EXPECT_NE(rule["rule"], "knowledge_test");
  }
  auto held = store::open_permission(*db_, "INST", Channel::kShanghai);
  ASSERT_TRUE(held.ok());
  ASSERT_TRUE(held->has_value());
  EXPECT_EQ((*held)->granted_on.to_string(), "2025-10-25");
  EXPECT_EQ((*held)->granted_by, "user:mia checked by user:chen");
  // Decided once: a second approval finds it no longer pending.
  EXPECT_EQ(call("chen", "POST", id + "/approve").status, 409);
  // An opening while the permission is held is refused at filing.
  EXPECT_EQ(
      call("mia", "POST", "", {{"kind", "open"}, {"account", "INST"}, {"channel", "sh"}}).status,
      409);
  auto verified = store::verify_archive(*db_, "INST");
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified->first_break.has_value());
}

TEST_P(CounterRoutesTest, ARuleThatFailsOnTheDayRefusesTheApproval) {
  const std::string id = file("open", "BARE");
  const Reply refused = call("chen", "POST", id + "/approve");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.body["state"], "refused");
  bool questionnaire_failed = false;
  for (const Json& rule : refused.body["outcome"]["rules"]) {
    if (rule["rule"] == "questionnaire") questionnaire_failed = !rule["passed"].get<bool>();
  }
  EXPECT_TRUE(questionnaire_failed) << refused.body;
  auto held = store::open_permission(*db_, "BARE", Channel::kShanghai);
  ASSERT_TRUE(held.ok());
  EXPECT_FALSE(held->has_value());
}

TEST_P(CounterRoutesTest, AClosingIsRejectedWithAReasonThenFiledAgainAndClosed) {
  // A closing without a permission to close is refused at filing.
  EXPECT_EQ(
      call("mia", "POST", "", {{"kind", "close"}, {"account", "INST"}, {"channel", "sh"}}).status,
      409);
  ASSERT_EQ(call("chen", "POST", file("open", "INST") + "/approve").status, 200);
  const std::string first = file("close", "INST");
  const Reply blank = call("chen", "POST", first + "/reject", {{"reason", "  "}});
  EXPECT_EQ(blank.status, 422);
  EXPECT_EQ(blank.body["field"], "reason");
  const Reply rejected = call("chen", "POST", first + "/reject", {{"reason", "not signed"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.body["state"], "rejected");
  EXPECT_EQ(rejected.body["reason"], "not signed");

  const std::string second = file("close", "INST");
  // Only the maker withdraws; the checker approves: no trade today, none settling (SUIT-5).
  EXPECT_EQ(call("chen", "POST", second + "/withdraw").status, 403);  // lacks counter:make
  const Reply closed = call("chen", "POST", second + "/approve");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_TRUE(closed.body["outcome"]["allowed"].get<bool>());
  auto held = store::open_permission(*db_, "INST", Channel::kShanghai);
  ASSERT_TRUE(held.ok());
  EXPECT_FALSE(held->has_value());

  const std::string third = file("open", "INST");
  const Reply withdrawn = call("mia", "POST", third + "/withdraw");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.body["state"], "withdrawn");
  const Reply listed = call("chen", "GET", "");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body["requests"].size(), 4u);
  EXPECT_EQ(listed.body["requests"][0]["state"], "withdrawn");  // newest first
  EXPECT_FALSE(listed.body["more"].get<bool>());
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(CounterRoutesTest);

}  // namespace
}  // namespace cp::server
