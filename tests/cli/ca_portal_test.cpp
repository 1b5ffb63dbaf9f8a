// Corporate actions in the portal through the real server, on SQLite and PostgreSQL (issue 17
// item 1 and 5; SPEC CA-2, CA-3): otto files a scrip dividend as a reference-data change and
// tess checks it (maker-checker); only ivy, whose account holds the security, is told; she
// elects on her own account only, within her holding, and her last instruction is what the
// broker files. Then the same in a browser, ivy on a phone in Traditional Chinese.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/date.h"
#include "support/browser_flow.h"
#include "support/portal_test.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::HttpReply;

// The holders are fixed at the close of Friday 2026-11-20 (a trading day on both markets,
// data/calendar), the statement of that date: H1 (ivy's) holds 2,000 of 00005 on Shanghai; H2
// (ian's) holds none of it, only 00700. Scrip elections are offered from 2022-01-01
// (ca.scrip_election). The window runs from yesterday to a week ahead, so that whenever the test
// runs the server's clock is inside it; the holders' date stays in the calendars' coverage.
constexpr const char* kAccounts =
    "account_id,account_type,money_kind,a_share_online_rate,commission_rate,commission_min_hkd\n"
    "H1,individual,client,0.00025,,5.00\n"
    "H2,individual,client,0.00025,,5.00\n";
constexpr const char* kPositions =
    "as_of,account,channel,security,quantity\n"
    "2026-11-20,H1,sh,00005,2000\n"
    "2026-11-20,H2,sh,00700,500\n";

class CaPortalTest : public testing::PortalTest {
 protected:
  CaPortalTest() {
    book_firm_ = "B001";
    sms_sink_ = true;
  }
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    for (const auto& [login, firm, role] :
         {std::tuple{"otto", "HKEX", "refdata_maker"},
          std::tuple{"tess", "HKEX", "refdata_checker"}, std::tuple{"ivy", "B001", "investor"},
          std::tuple{"ian", "B001", "investor"}}) {
      cli(std::string("user add ") + login + " --name " + login + " --email " + login +
          "@example.com --firm " + firm + " --role " + role);
      cli(std::string("user set-password ") + login, std::string(testing::kPassword) + "\n");
      secrets_[login] = testing::enrol_totp(*this, login);
    }
    std::ofstream(dir_ / "accounts.csv") << kAccounts;
    std::ofstream(dir_ / "positions.csv") << kPositions;
    cli("import accounts '" + (dir_ / "accounts.csv").string() + "'");
    cli("import positions '" + (dir_ / "positions.csv").string() + "'");
    cli("user link-account ivy --firm B001 --account H1");
    cli("user link-account ian --firm B001 --account H2");
    cli("user set-mobile ivy --firm B001 --mobile +85291234567");
    cli("user set-mobile ian --firm B001 --mobile +8613800138000");
  }

  static std::string day(int from_today) {
    return to_hkt(SystemClock().now()).date.plus_days(from_today).to_string();
  }

  // A scrip dividend of HKD 0.50 a share (or 0.50 ÷ reference price in shares) on 00005.
  static Json scrip_event(const std::string& id) {
    return {{"kind", "ca_event"},
            {"event_id", id},
            {"type", "scrip_dividend"},
            {"security_code", "00005"},
            {"ex_date", "2026-11-19"},
            {"record_date", "2026-11-20"},
            {"payment_date", day(21)},
            {"currency", "HKD"},
            {"rate", "0.50"},
            {"price", "62.50"},
            {"issuer_type", "other"},
            {"election_open", day(-1) + "T09:00"},
            {"csdc_deadline", day(7) + "T16:00"},
            {"hkscc_deadline", day(10) + "T16:00"},
            {"options", "cash;scrip"},
            {"source", "HKEXnews announcement (test)"}};
  }

  HttpReply file(const Json& change) {
    return call("otto", "POST", "/api/v1/operator/HKEX/refdata-changes", change.dump());
  }
  HttpReply elect(const std::string& login, const std::string& account, const std::string& choices,
                  const std::string& event = "S-1") {
    return call(login, "POST", "/api/v1/firms/B001/ca/events/" + event + "/elections",
                Json{{"account", account}, {"channel", "sh"}, {"choices", choices}}.dump());
  }
  Json notices(const std::string& login) {
    const HttpReply reply = call(login, "GET", "/api/v1/firms/B001/ca/notices");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return json_of(reply);
  }
};

TEST_P(CaPortalTest, AnAnnouncementCheckedByASecondOperatorReachesItsHoldersOnly) {
  // Bad input is refused beside its field, nothing filed: the ex-date after the payment date.
  Json bad = scrip_event("S-1");
  bad["ex_date"] = day(30);
  const HttpReply refused = file(bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(json_of(refused)["field"], "ex_date");
  Json unknown = scrip_event("S-1");
  unknown["excess"] = "yes";
  EXPECT_EQ(json_of(file(unknown))["field"], "excess");

  const HttpReply filed = file(scrip_event("S-1"));
  ASSERT_EQ(filed.status, 201) << filed.body;
  const std::string ref = json_of(filed)["reference"];
  // Filed is not announced: no one sees it yet, and the maker cannot check it.
  EXPECT_EQ(notices("ivy")["notices"].size(), 0u);
  EXPECT_EQ(call("otto", "POST", "/api/v1/operator/HKEX/refdata-changes/" + ref + "/approve", "{}")
                .status,
            403);
  const HttpReply approved =
      call("tess", "POST", "/api/v1/operator/HKEX/refdata-changes/" + ref + "/approve", "{}");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json_of(approved)["status"], "applied");
  // H1 holds 00005, H2 does not: one investor told.
  EXPECT_EQ(json_of(approved)["holders_notified"], 1);
  const Json inbox = json_of(call("ivy", "GET", "/api/v1/me/notifications"));
  ASSERT_FALSE(inbox["notifications"].empty()) << inbox.dump();
  EXPECT_THAT(inbox["notifications"][0]["title"].get<std::string>(), HasSubstr("S-1"));
  EXPECT_TRUE(json_of(call("ian", "GET", "/api/v1/me/notifications"))["notifications"].empty());
  EXPECT_EQ(mails_to("ivy@example.com", 1).size(), 1u);
  // One SMS, to ivy's number; ian has one too but holds no 00005.
  EXPECT_EQ(json_of(approved)["holders_texted"], 1);
  const std::vector<Json> sent = sms_texts();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["to"], "+85291234567");
  EXPECT_THAT(sent[0]["text"].get<std::string>(), HasSubstr("S-1"));
  EXPECT_THAT(sent[0]["text"].get<std::string>(), HasSubstr("Elect by"));

  // The operators' list and the command line have it; a second announcement is refused.
  const Json events = json_of(call("tess", "GET", "/api/v1/operator/HKEX/ca-events"));
  ASSERT_EQ(events["events"].size(), 1u);
  EXPECT_EQ(events["events"][0]["event_id"], "S-1");
  EXPECT_THAT(run("ca events").out, HasSubstr("S-1"));
  const HttpReply again = file(scrip_event("S-1"));
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(json_of(again)["field"], "event_id");

  // ivy's notice: her account, what she may elect on (the 2,000 held at the holders' close).
  const Json mine = notices("ivy");
  ASSERT_EQ(mine["notices"].size(), 1u) << mine.dump();
  const Json& notice = mine["notices"][0];
  EXPECT_EQ(notice["window"], "open");
  EXPECT_EQ(notice["security_name"], "HSBC Holdings");
  ASSERT_EQ(notice["holdings"].size(), 1u);
  EXPECT_EQ(notice["holdings"][0]["account"], "H1");
  EXPECT_EQ(notice["holdings"][0]["eligible"], 2000);
  EXPECT_TRUE(notice["holdings"][0]["instruction"].is_null());
  // ian holds none of it; the firm's staff have no accounts of their own.
  EXPECT_TRUE(notices("ian")["notices"].empty());
  EXPECT_TRUE(notices("mia")["accounts"].empty());
  // Another firm's staff: not their firm.
  EXPECT_NE(call("bea", "GET", "/api/v1/firms/B001/ca/notices").status, 200);
}

TEST_P(CaPortalTest, TheInvestorElectsOnHerOwnAccountWithinHerHoldingAndTheLastPrevails) {
  const HttpReply filed = file(scrip_event("S-1"));
  ASSERT_EQ(filed.status, 201) << filed.body;
  ASSERT_EQ(call("tess", "POST",
                 "/api/v1/operator/HKEX/refdata-changes/" +
                     json_of(filed)["reference"].get<std::string>() + "/approve",
                 "{}")
                .status,
            200);

  // More than the 2,000 held is refused (CA-1: no excess), naming the choices; nothing stored.
  const HttpReply over = elect("ivy", "H1", "scrip=2500");
  ASSERT_EQ(over.status, 422) << over.body;
  EXPECT_FALSE(json_of(over)["field"].get<std::string>().empty());
  // An option the event does not offer, and a quantity of zero.
  EXPECT_EQ(elect("ivy", "H1", "accept=100").status, 422);
  EXPECT_EQ(elect("ivy", "H1", "scrip=0").status, 422);
  // Someone else's account and an unknown event read as nothing at all.
  EXPECT_EQ(elect("ivy", "H2", "scrip=100").status, 404);
  EXPECT_EQ(elect("ian", "H1", "scrip=100").status, 404);
  EXPECT_EQ(elect("ivy", "H1", "scrip=100", "S-9").status, 404);
  // A checker of the firm may not elect for its clients: no account of theirs.
  EXPECT_EQ(elect("chen", "H1", "scrip=100").status, 403);

  const HttpReply first = elect("ivy", "H1", "scrip=2000");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(json_of(first)["sequence"], 1);
  const HttpReply second = elect("ivy", "H1", "cash=500;scrip=1500");
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(json_of(second)["sequence"], 2);
  const Json shown = notices("ivy")["notices"][0]["holdings"][0]["instruction"];
  EXPECT_EQ(shown["choices"], "cash=500;scrip=1500");

  // The broker files the last instruction: 500 cash and 1,500 scrip for H1 (CA-3).
  const auto report = run("ca elections --event S-1 --json");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const Json elections = Json::parse(report.out, nullptr, false);
  ASSERT_EQ(elections["filed"].size(), 1u) << report.out;
  EXPECT_EQ(elections["filed"][0]["filed"], "cash=500;scrip=1500");
  ASSERT_EQ(elections["instructions"].size(), 2u);
  // What it comes to: 1,500 × 0.50 ÷ 62.50 = 12 new shares, and cash on the other 500 shares,
  // HKD 250.00 (CSDC's rate not in yet, so no RMB).
  const auto entitled = run("ca entitlements --event S-1 --json");
  ASSERT_EQ(entitled.exit_code, 0) << entitled.err;
  const Json h1 = Json::parse(entitled.out, nullptr, false)["entitlements"][0];
  EXPECT_EQ(h1["account_id"], "H1");
  EXPECT_EQ(h1["scrip_elected"], 1500);
  EXPECT_EQ(h1["securities"], 12);
  EXPECT_EQ(h1["gross_ccy"], "250.00");
  const auto trail = run("audit show --object ca_event:S-1");
  EXPECT_THAT(trail.out, HasSubstr("ca.elect"));
  EXPECT_THAT(trail.out, HasSubstr("user:ivy"));
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

TEST_P(CaPortalTest, AnInvestorCannotAlsoBeStaffOfTheFirm) {
  const auto granted = run("user grant ivy --firm B001 --role maker");
  EXPECT_NE(granted.exit_code, 0);
  EXPECT_THAT(granted.err, HasSubstr("investor"));
  // An account is linked to an investor only, and only one in the book.
  EXPECT_NE(run("user link-account mia --firm B001 --account H1").exit_code, 0);
  EXPECT_NE(run("user link-account ivy --firm B001 --account NOPE").exit_code, 0);
  // A mobile number only for an investor, and only in E.164.
  EXPECT_NE(run("user set-mobile mia --firm B001 --mobile +85291234567").exit_code, 0);
  const auto bad = run("user set-mobile ivy --firm B001 --mobile 91234567");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_THAT(bad.err, HasSubstr("E.164"));
}

TEST_P(CaPortalTest, TheOperatorFilesAndTheInvestorElectsScripOnAPhone) {
  const auto artifacts = browser_artifacts();
  ASSERT_FALSE(artifacts.empty());
  Json event = scrip_event("S-7");
  event.erase("kind");
  const auto flow =
      testing::run_browser_flow("ca_flow.mjs",
                                {{"CP_BASE_URL", base_url()},
                                 {"CP_PASSWORD", testing::kPassword},
                                 {"CP_SECRETS", browser_secrets({"otto", "tess", "ivy"})},
                                 {"CP_EVENT", event.dump()},
                                 {"CP_ARTIFACTS", artifacts.string()}},
                                artifacts / "ca.log", 180);
  EXPECT_EQ(flow.status, 0) << flow.output;
  EXPECT_THAT(flow.output, HasSubstr("every step held"));
  // What the pages did is what the server holds: ivy's 2,000 as scrip.
  const auto report = run("ca elections --event S-7 --json");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const Json elections = Json::parse(report.out, nullptr, false);
  ASSERT_EQ(elections["filed"].size(), 1u) << report.out;
  EXPECT_EQ(elections["filed"][0]["account_id"], "H1");
  EXPECT_EQ(elections["filed"][0]["filed"], "scrip=2000");
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(CaPortalTest);

}  // namespace
}  // namespace cp
