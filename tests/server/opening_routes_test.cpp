// The online opening through the server's routes, in process on SQLite and PostgreSQL (issue 18
// item 3; SPEC SUIT-4; server/opening_routes.h). The clock stands at Monday 2025-10-20 10:00 HKT,
// whose asset window is the 20 Southbound trading days 2025-09-12 … 10-17 (the National Day
// holiday inside; tests/golden/investors/suitability/README.md). ivy, an investor of the book
// firm B001, holds three accounts:
//   OK    assets 450,000.00 + 50,000.00 = 500,000.00 on every day of the window: the average is
//         exactly 500,000.00 (SUIT-1 passes at the minimum); a balanced questionnaire of
//         2025-06-02; a normal A-share account on both channels.
//   POOR  the same but cash 49,999.99 every day: an average of 499,999.99 < 500,000.00, refused
//         at the qualification step naming the assets rule.
//   INST  an institution: refused online (SUIT-3, the counter's).

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "clearing/input_files.h"
#include "identity/password.h"
#include "investors/asset_window.h"
#include "investors/evidence_files.h"
#include "mail/sms.h"
#include "store/identity_store.h"
#include "store/import_store.h"
#include "store/investor_account_store.h"
#include "store/investor_archive_store.h"
#include "store/investor_evidence_store.h"
#include "store/investor_permission_store.h"
#include "store/migrations.h"
#include "support/backend_test.h"
#include "support/investor_evidence.h"
#include "support/portal_app.h"
#include "support/shipped_reference.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;
constexpr const char* kPassword = "harbour lanterns at dusk";

// The texts the server would send, kept for the test to read the code from.
class RecordedSms : public mail::SmsGateway {
 public:
  Result<void> send(const mail::SmsMessage& message) override {
    sent.push_back(message);
    return Ok{};
  }
  std::vector<mail::SmsMessage> sent;
};

using testing::JsonReply;
using Reply = JsonReply;

class OpeningRoutesTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store::migrate(*db_, clock_).ok());
    spdlog::set_level(spdlog::level::warn);
    ASSERT_TRUE(
        store::add_firm(*db_, {"B001", "Alpha", identity::FirmKind::kBroker}, clock_.now()).ok());
    session_ = testing::add_member(*db_, clock_, "ivy", "B001", "investor");
    auto hash = identity::hash_password(kPassword);
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE(store::set_password_hash(*db_, "ivy", *hash).ok());
    import_evidence();
    for (const char* account : {"OK", "POOR", "INST"}) {
      ASSERT_TRUE(
          store::link_investor_account(*db_, "B001", "ivy", account, "cli:test", clock_.now())
              .ok());
    }
    ASSERT_TRUE(
        store::set_investor_mobile(*db_, "B001", "ivy", "+85291234567", "cli:test", clock_.now())
            .ok());
    app_.build(*db_, clock_, "B001");
    if (HasFatalFailure()) return;
    app_.portal().sms = &sms_;
  }

  // The accounts and the evidence of the file comment, through the files' own readers.
  void import_evidence() {
    testing::import_accounts_text(*db_,
                                  "account_id,account_type,money_kind,a_share_online_rate,"
                                  "commission_rate,commission_min_hkd\n"
                                  "OK,individual,client,0.00025,,5.00\n"
                                  "POOR,individual,client,0.00025,,5.00\n"
                                  "INST,institution,client,0.00025,,5.00\n");

    const auto southbound = testing::shipped_southbound(Channel::kShanghai);
    auto window = investors::asset_window(southbound, today(), 20);
    ASSERT_TRUE(window.ok());
    ASSERT_EQ(window->front().to_string(), "2025-09-12");
    std::string snapshots = "as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb\n";
    for (const Date day : *window) {
      snapshots += day.to_string() + ",OK,450000.00,50000.00,0.00\n";
      snapshots += day.to_string() + ",POOR,450000.00,49999.99,0.00\n";
    }
    auto snapshot_file = CsvReader::from_string("asset_snapshots.csv", snapshots);
    ASSERT_TRUE(snapshot_file.ok());
    auto snapshot_rows = investors::read_asset_snapshots(*snapshot_file, [&](Date d) {
      auto info = southbound.day(d);
      return info.ok() && (*info)->southbound_trading;
    });
    ASSERT_TRUE(snapshot_rows.ok()) << snapshot_rows.error().to_string();
    ASSERT_TRUE(store::import_asset_snapshots(*db_, *snapshot_rows, "asset_snapshots.csv").ok());

    testing::import_questionnaires_text(
        *db_,
        "account_id,completed_on,risk_level,low_level_acknowledged\n"
        "OK,2025-06-02,balanced,no\nPOOR,2025-06-02,balanced,no\n",
        today(), {"cli:test", clock_.now(), 20});
    std::string profiles =
        "as_of,account_id,channel,a_share_account,serious_integrity_problem,legally_barred\n";
    for (const char* account : {"OK", "POOR"}) {
      for (const char* ch : {"sh", "sz"}) {
        profiles += std::string("2025-01-02,") + account + "," + ch + ",normal,no,no\n";
      }
    }
    testing::import_profiles_text(*db_, profiles, today());
  }

  Date today() const { return to_hkt(clock_.now()).date; }

  Reply call(const std::string& method, const std::string& path, const Json& body = nullptr) {
    return app_.call(session_, method, "/api/v1/firms/B001/opening" + path, body);
  }

  // Starts an application and passes identity; returns its path.
  std::string through_identity(const std::string& account, const std::string& channel) {
    const Reply started =
        call("POST", "/applications", {{"account", account}, {"channel", channel}});
    EXPECT_EQ(started.status, 201) << started.body;
    const std::string path = "/applications/" + std::to_string(started.body.value("id", 0));
    const Reply sent = call("POST", path + "/code");
    EXPECT_EQ(sent.status, 200) << sent.body;
    const Reply checked =
        call("POST", path + "/identity", {{"password", kPassword}, {"code", last_code()}});
    EXPECT_EQ(checked.status, 200) << checked.body;
    return path;
  }

  std::string last_code() const {
    if (sms_.sent.empty()) return "";
    std::smatch m;
    const std::string text = sms_.sent.back().text;
    return std::regex_search(text, m, std::regex("is ([0-9]{6})\\.")) ? m[1].str() : "";
  }

  // Every drawn question answered right, but the first `wrong` of them.
  Json answers_for(const Json& test, Channel channel, int wrong) const {
    const investors::KnowledgeBank& bank = app_.kits().at(channel).bank;
    Json answers = Json::object();
    int left_wrong = wrong;
    for (const Json& q : test["questions"]) {
      const investors::KnowledgeQuestion* question = bank.find(q["id"].get<std::string>());
      std::string choice = question->answer;
      if (left_wrong > 0) {
        for (const auto& c : question->choices) {
          if (c.id != question->answer) choice = c.id;
        }
        --left_wrong;
      }
      answers[question->id] = choice;
    }
    return answers;
  }

  FixedClock clock_{from_hkt(*Date::parse("2025-10-20"), *TimeOfDay::parse("10:00"))};
  store::NewSession session_;
  RecordedSms sms_;
  testing::PortalApp app_;
};

TEST_P(OpeningRoutesTest, AnIndividualTakesTheFourStepsInOrderAndIsGranted) {
  const Reply started = call("POST", "/applications", {{"account", "OK"}, {"channel", "sh"}});
  ASSERT_EQ(started.status, 201) << started.body;
  EXPECT_EQ(started.body["step_due"], "identity");
  const std::string path = "/applications/" + std::to_string(started.body["id"].get<int>());

  // A second application on the same account and channel while this one is open: refused.
  EXPECT_EQ(call("POST", "/applications", {{"account", "OK"}, {"channel", "sh"}}).status, 409);
  // No step is skipped by calling a later one: each names the step due.
  for (const char* later : {"/qualification", "/disclosure/open", "/test", "/agreement"}) {
    const Reply skipped = call("POST", path + later, {{"sha256", std::string(64, '0')}});
    EXPECT_EQ(skipped.status, 409) << later;
    EXPECT_NE(skipped.body["error"]["message"].get<std::string>().find("the step due is identity"),
              std::string::npos)
        << skipped.body;
  }

  // Step 1: the code texted to the broker's number for ivy; a wrong code is refused.
  ASSERT_EQ(call("POST", path + "/code").status, 200);
  ASSERT_EQ(sms_.sent.size(), 1u);
  EXPECT_EQ(sms_.sent[0].to, "+85291234567");
  const std::string code = last_code();
  ASSERT_EQ(code.size(), 6u);
  const std::string wrong_code = code == "000000" ? "111111" : "000000";
  EXPECT_EQ(
      call("POST", path + "/identity", {{"password", kPassword}, {"code", wrong_code}}).status,
      422);
  EXPECT_EQ(
      call("POST", path + "/identity", {{"password", "not the password"}, {"code", code}}).status,
      422);
  Reply step = call("POST", path + "/identity", {{"password", kPassword}, {"code", code}});
  ASSERT_EQ(step.status, 200) << step.body;
  EXPECT_EQ(step.body["step_due"], "qualification");

  // Step 2: the seven rules no later step mends, all passed (assets exactly 500,000.00).
  step = call("POST", path + "/qualification");
  ASSERT_EQ(step.status, 200) << step.body;
  EXPECT_EQ(step.body["qualification"]["rules"].size(), 7u);
  for (const Json& rule : step.body["qualification"]["rules"]) {
    EXPECT_TRUE(rule["passed"].get<bool>()) << rule;
  }

  // Step 3: confirmed only after it was opened, and only the version served.
  EXPECT_EQ(call("POST", path + "/disclosure", {{"sha256", std::string(64, 'a')}}).status, 409);
  step = call("POST", path + "/disclosure/open");
  ASSERT_EQ(step.status, 200) << step.body;
  const std::string disclosure_sha = step.body["document"]["sha256"];
  EXPECT_EQ(disclosure_sha, app_.kits().at(Channel::kShanghai).risk_disclosure.sha256);
  EXPECT_NE(step.body["document"]["body"]["zh-Hans"].get<std::string>().find("市场有风险"),
            std::string::npos);
  const Reply stale = call("POST", path + "/disclosure", {{"sha256", std::string(64, 'a')}});
  EXPECT_EQ(stale.status, 422);
  EXPECT_EQ(stale.body["field"], "sha256");
  ASSERT_EQ(call("POST", path + "/disclosure", {{"sha256", disclosure_sha}}).status, 200);

  // Step 4: ten of the bank's twelve questions drawn, without their answers. Shanghai wants
  // every answer right: nine of ten fails, and the next attempt draws again.
  step = call("POST", path + "/test");
  ASSERT_EQ(step.status, 200) << step.body;
  Json test = step.body["test"];
  ASSERT_EQ(test["questions"].size(), 10u);
  EXPECT_FALSE(test["questions"][0].contains("answer"));
  EXPECT_EQ(step.body["attempts_left"], 2);  // suit.knowledge_attempts_per_day 3, one drawn
  // Asked again before answering: the same attempt, not a new draw.
  EXPECT_EQ(call("POST", path + "/test").body["test"]["attempt"], 1);
  const Reply other_version =
      call("POST", path + "/test/answers",
           {{"bank_version", "SH-2025-9"}, {"answers", answers_for(test, Channel::kShanghai, 0)}});
  EXPECT_EQ(other_version.status, 422);
  EXPECT_EQ(other_version.body["field"], "bank_version");
  step = call("POST", path + "/test/answers",
              {{"bank_version", test["bank_version"]},
               {"answers", answers_for(test, Channel::kShanghai, 1)}});
  ASSERT_EQ(step.status, 200) << step.body;
  EXPECT_EQ(step.body["result"]["correct"], 9);
  EXPECT_FALSE(step.body["result"]["passed"].get<bool>());
  EXPECT_EQ(step.body["step_due"], "knowledge_test");
  test = call("POST", path + "/test").body["test"];
  EXPECT_EQ(test["attempt"], 2);
  step = call("POST", path + "/test/answers",
              {{"bank_version", test["bank_version"]},
               {"answers", answers_for(test, Channel::kShanghai, 0)}});
  ASSERT_EQ(step.status, 200) << step.body;
  EXPECT_TRUE(step.body["result"]["passed"].get<bool>());
  EXPECT_EQ(step.body["step_due"], "agreement");

  // The agreement, signed last by its hash: every rule passes today, the permission is granted.
  step = call("GET", path + "/agreement");
  ASSERT_EQ(step.status, 200) << step.body;
  const std::string agreement_sha = step.body["document"]["sha256"];
  step = call("POST", path + "/agreement", {{"sha256", agreement_sha}});
  ASSERT_EQ(step.status, 200) << step.body;
  EXPECT_TRUE(step.body["granted"].get<bool>());
  EXPECT_EQ(step.body["state"], "signed");
  EXPECT_TRUE(step.body["assessment"]["eligible"].get<bool>());
  auto held = store::open_permission(*db_, "OK", Channel::kShanghai);
  ASSERT_TRUE(held.ok());
  ASSERT_TRUE(held->has_value());
  EXPECT_EQ((*held)->granted_on.to_string(), "2025-10-20");
  EXPECT_EQ((*held)->granted_by, "user:ivy");
  // Over: no step can be taken on it.
  EXPECT_EQ(call("POST", path + "/abandon").status, 409);

  // The archive holds every step and decision, and its chain verifies.
  std::vector<std::string> kinds;
  ASSERT_TRUE(store::each_archive_record(*db_, "OK",
                                         [&](const investors::ArchiveRecord& r) -> Result<void> {
                                           kinds.emplace_back(investors::archive_kind_code(r.kind));
                                           return Ok{};
                                         })
                  .ok());
  // The questionnaire imported; identity refused twice, then passed; qualification; the
  // disclosure step and the document studied; the failed test; the passed test and its answer
  // sheet as evidence; the agreement step, the document signed, the grant.
  const std::vector<std::string> expected = {"questionnaire",
                                             "application_step",
                                             "application_step",
                                             "application_step",
                                             "application_step",
                                             "application_step",
                                             "document",
                                             "application_step",
                                             "application_step",
                                             "knowledge_test",
                                             "application_step",
                                             "document",
                                             "grant"};
  EXPECT_EQ(kinds, expected);
  auto verified = store::verify_archive(*db_, "OK");
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified->first_break.has_value());
}

TEST_P(OpeningRoutesTest, AssetsBelowTheMinimumAreRefusedAtQualificationWithTheReason) {
  const std::string path = through_identity("POOR", "sh");
  const Reply refused = call("POST", path + "/qualification");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.body["state"], "refused");
  bool assets_named = false;
  for (const Json& rule : refused.body["qualification"]["rules"]) {
    if (rule["rule"] != "assets") {
      EXPECT_TRUE(rule["passed"].get<bool>()) << rule;
      continue;
    }
    assets_named = true;
    EXPECT_FALSE(rule["passed"].get<bool>());
    // 20 × 499,999.99 ÷ 20 = 499,999.99.
    EXPECT_NE(rule["evidence"].get<std::string>().find("499,999.99"), std::string::npos) << rule;
    EXPECT_FALSE(rule["reason"].get<std::string>().empty());
  }
  EXPECT_TRUE(assets_named);
  // Refused is over: nothing is granted, and a new application may be started.
  auto held = store::open_permission(*db_, "POOR", Channel::kShanghai);
  ASSERT_TRUE(held.ok());
  EXPECT_FALSE(held->has_value());
  EXPECT_EQ(call("POST", path + "/disclosure/open").status, 409);
  EXPECT_EQ(call("POST", "/applications", {{"account", "POOR"}, {"channel", "sh"}}).status, 201);
}

TEST_P(OpeningRoutesTest, RetakesStopAtTheDaysAttemptsAndOthersAreRefused) {
  // An institution goes to the counter; another user's account is not found.
  const Reply institution = call("POST", "/applications", {{"account", "INST"}, {"channel", "sz"}});
  EXPECT_EQ(institution.status, 422);
  EXPECT_NE(institution.body["error"]["message"].get<std::string>().find("counter"),
            std::string::npos)
      << institution.body;
  EXPECT_EQ(call("POST", "/applications", {{"account", "NOT_MINE"}, {"channel", "sz"}}).status,
            404);
  EXPECT_EQ(call("GET", "/applications/999999").status, 404);

  const std::string path = through_identity("OK", "sz");
  ASSERT_EQ(call("POST", path + "/qualification").status, 200);
  const std::string sha = call("POST", path + "/disclosure/open").body["document"]["sha256"];
  ASSERT_EQ(call("POST", path + "/disclosure", {{"sha256", sha}}).status, 200);
  // Shenzhen passes at 80 of 100: three wrong of ten is 70, below; three attempts a day.
  for (int attempt = 1; attempt <= 3; ++attempt) {
    const Json test = call("POST", path + "/test").body["test"];
    ASSERT_EQ(test["attempt"], attempt);
    const Reply marked = call("POST", path + "/test/answers",
                              {{"bank_version", test["bank_version"]},
                               {"answers", answers_for(test, Channel::kShenzhen, 3)}});
    ASSERT_EQ(marked.status, 200) << marked.body;
    EXPECT_EQ(marked.body["result"]["correct"], 7);
    EXPECT_FALSE(marked.body["result"]["passed"].get<bool>());
    EXPECT_EQ(marked.body["attempts_left"], 3 - attempt);
  }
  const Reply fourth = call("POST", path + "/test");
  EXPECT_EQ(fourth.status, 429) << fourth.body;
  // Abandoning and starting again does not give more attempts today.
  ASSERT_EQ(call("POST", path + "/abandon").status, 200);
  const std::string again = through_identity("OK", "sz");
  ASSERT_EQ(call("POST", again + "/qualification").status, 200);
  ASSERT_EQ(call("POST", again + "/disclosure/open").status, 200);
  ASSERT_EQ(call("POST", again + "/disclosure", {{"sha256", sha}}).status, 200);
  EXPECT_EQ(call("POST", again + "/test").status, 429);
}

TEST_P(OpeningRoutesTest, TooManyWrongAnswersAtIdentityCloseTheApplication) {
  const Reply started = call("POST", "/applications", {{"account", "OK"}, {"channel", "sh"}});
  ASSERT_EQ(started.status, 201);
  const std::string path = "/applications/" + std::to_string(started.body["id"].get<int>());
  ASSERT_EQ(call("POST", path + "/code").status, 200);
  // A second code within auth.email_code_resend_seconds (60) is refused.
  EXPECT_EQ(call("POST", path + "/code").status, 429);
  // auth.password_failures_max (5): the fifth wrong answer closes it.
  for (int i = 1; i <= 5; ++i) {
    const Reply wrong =
        call("POST", path + "/identity", {{"password", "wrong password"}, {"code", last_code()}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.body["error"]["code"], i < 5 ? "refused" : "abandoned") << i;
  }
  EXPECT_EQ(call("GET", path).body["state"], "abandoned");
  EXPECT_EQ(
      call("POST", path + "/identity", {{"password", kPassword}, {"code", last_code()}}).status,
      409);
}

// Shenzhen passes at 80: 8 of 10 passes. Abandoned after the test and started again the same
// day, a second pass (10 of 10) leaves the day's first sheet as the evidence and goes on.
TEST_P(OpeningRoutesTest, ASecondPassTheSameDayKeepsTheFirstAsEvidence) {
  for (int round = 0; round < 2; ++round) {
    const std::string path = through_identity("OK", "sz");
    ASSERT_EQ(call("POST", path + "/qualification").status, 200);
    const std::string sha = call("POST", path + "/disclosure/open").body["document"]["sha256"];
    ASSERT_EQ(call("POST", path + "/disclosure", {{"sha256", sha}}).status, 200);
    const Json test = call("POST", path + "/test").body["test"];
    const Reply marked =
        call("POST", path + "/test/answers",
             {{"bank_version", test["bank_version"]},
              {"answers", answers_for(test, Channel::kShenzhen, round == 0 ? 2 : 0)}});
    ASSERT_EQ(marked.status, 200) << marked.body;
    EXPECT_TRUE(marked.body["result"]["passed"].get<bool>());
    EXPECT_EQ(marked.body["result"]["correct"], round == 0 ? 8 : 10);
    if (round == 0) {
      ASSERT_EQ(call("POST", path + "/abandon").status, 200);
      continue;
    }
    const std::string agreement = call("GET", path + "/agreement").body["document"]["sha256"];
    const Reply signed_reply = call("POST", path + "/agreement", {{"sha256", agreement}});
    ASSERT_EQ(signed_reply.status, 200) << signed_reply.body;
    for (const Json& rule : signed_reply.body["assessment"]["rules"]) {
      if (rule["rule"] != "knowledge_test") continue;
      EXPECT_NE(rule["evidence"].get<std::string>().find("8 of 10"), std::string::npos) << rule;
    }
  }
}

// The order-check API (item 10) reads the registry at the server's moment, Monday 2025-10-20
// 10:00 HKT, continuous trading: OK holds Shanghai (granted today on its questionnaire of
// 2025-06-02, valid through 2027-06-02), POOR holds nothing. 00700's board lot is 100 and its
// tick 0.50 between 500 and 1,000 HKD (data/spread_table.csv): 100 at 600.00 is a whole lot on
// the tick.
TEST_P(OpeningRoutesTest, TheOrderCheckReadsTheRegistryAndTheOrdersOwnRules) {
  auto fx = CsvReader::from_string(
      "fx.csv",
      "rate_date,channel,reference_buy,reference_sell,settlement_buy,settlement_sell\n"
      "2025-10-20,sh,0.8890,0.9440,0.9164,0.9166\n");
  ASSERT_TRUE(fx.ok());
  auto rates = clearing::parse_fx(*fx);
  ASSERT_TRUE(rates.ok()) << rates.error().to_string();
  const auto check = [&](const std::string& account, const std::string& side, int quantity) {
    return app_.call(session_, "POST", "/api/v1/firms/B001/order-checks",
                     {{"account", account},
                      {"channel", "sh"},
                      {"security", "00700"},
                      {"side", side},
                      {"price", "600.00"},
                      {"quantity", quantity}});
  };
  // ivy is an investor: she holds no trading entitlement.
  EXPECT_EQ(check("OK", "buy", 100).status, 403);
  session_ = testing::add_member(*db_, clock_, "tom", "B001", "front_office");
  // Without the day's reference rates the check cannot convert the quota.
  EXPECT_EQ(check("OK", "buy", 100).status, 409);
  ASSERT_TRUE(store::import_fx(*db_, *rates, "fx.csv", false).ok());

  store::PermissionRow granted;
  granted.account_id = "OK";
  granted.channel = Channel::kShanghai;
  granted.granted_on = today();
  granted.granted_by = "cli:test";
  granted.assessment = "{}";
  ASSERT_TRUE(store::grant_permission(*db_, granted).ok());
  Reply answer = check("OK", "buy", 100);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_TRUE(answer.body["accepted"].get<bool>()) << answer.body;
  EXPECT_TRUE(answer.body["permitted"].get<bool>());
  EXPECT_EQ(answer.body["time"], "10:00:00");
  // An odd lot is never bought (TRD-6).
  answer = check("OK", "buy", 50);
  EXPECT_FALSE(answer.body["accepted"].get<bool>());
  EXPECT_EQ(answer.body["rule"], "TRD-6");
  // No permission: refused before any market rule (SUIT).
  answer = check("POOR", "sell", 100);
  ASSERT_EQ(answer.status, 200);
  EXPECT_FALSE(answer.body["accepted"].get<bool>());
  EXPECT_EQ(answer.body["rule"], "SUIT");
  EXPECT_FALSE(answer.body["permitted"].get<bool>());
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(OpeningRoutesTest);

}  // namespace
}  // namespace cp::server
