// Events and the document centre through the real server, on both databases (SPEC PORTAL-10,
// PORTAL-11): seats per firm (a third registration for a limit of 2 refused), capacity and the
// waitlist, a freed seat passed on, the confirmation mail with the session's details; documents
// only for the firm kinds named, versions, and downloads in the audit trail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/portal_test.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;
using testing::HttpReply;

class PortalEventsTest : public testing::PortalTest {
 protected:
  // Seed 003's briefing, shrunk: a venue session for 3 with at most 2 per participant over the
  // event, and an online session; registration open until 2030.
  void create_briefing(int64_t venue_capacity = 3) {
    const Json event = {
        {"code", "2FA-BRIEFING"},
        {"title",
         {{"en", "Briefing on two-factor authentication"},
          {"zh-Hant", "為準備啟動雙重身份驗證的簡報會"},
          {"zh-Hans", "为准备启动双重身份验证的简报会"}}},
        {"description", "Timetable, operational changes and the user account migration plan"},
        {"deadline_hkt", "2030-04-19 23:59"},
        {"seats_per_firm", 2},
        {"firm_kinds", {"broker", "clearing_participant", "designated_bank"}},
        {"sessions",
         {{{"starts_hkt", "2030-04-24 16:30"},
           {"ends_hkt", "2030-04-24 17:45"},
           {"mode", "venue"},
           {"venue", "Hong Kong Financial Hall, 1/F One & Two Exchange Square, Central"},
           {"language", "yue"},
           {"capacity", venue_capacity}},
          {{"starts_hkt", "2030-04-25 16:30"},
           {"ends_hkt", "2030-04-25 17:45"},
           {"mode", "online"},
           {"venue", "https://meet.example/2fa-0425 (passcode 0425)"},
           {"language", "yue"},
           {"capacity", 500}}}}};
    const HttpReply created = call("olga", "POST", "/api/v1/operator/HKEX/events", event.dump());
    ASSERT_EQ(created.status, 201) << created.body;
    sessions_ = {json_of(created)["sessions"][0]["id"], json_of(created)["sessions"][1]["id"]};
  }

  HttpReply enrol(const std::string& login, const std::string& firm, int64_t session,
                  const std::string& attendee) {
    return call(login, "POST", "/api/v1/firms/" + firm + "/events/2FA-BRIEFING/registrations",
                Json{{"session", session},
                     {"attendee_name", attendee},
                     {"attendee_email", attendee + "@example.com"}}
                    .dump());
  }

  std::vector<int64_t> sessions_;
};

TEST_P(PortalEventsTest, AFirmsThirdRegistrationForALimitOfTwoIsRefused) {
  create_briefing();
  ASSERT_EQ(enrol("mia", "B001", sessions_[0], "ann").status, 201);
  ASSERT_EQ(enrol("mia", "B001", sessions_[1], "carl").status, 201);
  const HttpReply third = enrol("mia", "B001", sessions_[1], "dora");
  EXPECT_EQ(third.status, 422);
  EXPECT_THAT(third.body, HasSubstr("at most 2"));
  // Another firm has its own two.
  EXPECT_EQ(enrol("bea", "B002", sessions_[0], "bill").status, 201);
}

TEST_P(PortalEventsTest, AFullSessionWaitlistsAndAFreedSeatIsPassedOn) {
  create_briefing(/*venue_capacity=*/2);
  ASSERT_EQ(json_of(enrol("mia", "B001", sessions_[0], "ann"))["status"], "confirmed");
  ASSERT_EQ(json_of(enrol("bea", "B002", sessions_[0], "bill"))["status"], "confirmed");
  const Json waiting = json_of(enrol("bea", "B002", sessions_[0], "bob"));
  ASSERT_EQ(waiting["status"], "waitlisted");
  const Json listed = json_of(call("mia", "GET", "/api/v1/firms/B001/events"));
  EXPECT_EQ(listed["events"][0]["sessions"][0]["seats_left"], 0);
  EXPECT_EQ(listed["events"][0]["sessions"][0]["waitlisted"], 1);
  // Ann cancels: Bob, first on the list, gets the seat and a mail saying so.
  const int64_t ann = listed["events"][0]["registrations"][0]["id"];
  // Another firm cannot cancel Ann's seat.
  EXPECT_EQ(call("bea", "POST",
                 "/api/v1/firms/B002/events/2FA-BRIEFING/registrations/" + std::to_string(ann) +
                     "/cancel")
                .status,
            404);
  const HttpReply cancelled = call(
      "mia", "POST",
      "/api/v1/firms/B001/events/2FA-BRIEFING/registrations/" + std::to_string(ann) + "/cancel");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(json_of(cancelled)["promoted"]["attendee_name"], "bob");
  bool told = false;
  for (const std::string& mail : sink_.messages(4)) {
    if (mail.find("To: bob@example.com") != std::string::npos &&
        mail.find("Registration confirmed") != std::string::npos) {
      told = true;
    }
  }
  EXPECT_TRUE(told);
}

TEST_P(PortalEventsTest, TheConfirmationCarriesTheDetailsTheListKeepsBack) {
  create_briefing();
  ASSERT_EQ(enrol("mia", "B001", sessions_[1], "ann").status, 201);
  const auto mails = sink_.messages(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0], HasSubstr("To: ann@example.com"));
  EXPECT_THAT(mails[0], HasSubstr("2030-04-25 16:30 to 2030-04-25 17:45 Hong Kong time"));
  EXPECT_THAT(mails[0], HasSubstr("https://meet.example/2fa-0425"));
  // The online session's joining details are not in the list everyone sees.
  EXPECT_THAT(call("bea", "GET", "/api/v1/firms/B002/events").body, Not(HasSubstr("meet.example")));
}

TEST_P(PortalEventsTest, NoRegistrationForACancelledEventAndNoEventsMadeByParticipants) {
  create_briefing();
  ASSERT_EQ(call("olga", "POST", "/api/v1/operator/HKEX/events/2FA-BRIEFING/cancel").status, 200);
  EXPECT_EQ(enrol("mia", "B001", sessions_[0], "ann").status, 422);
  // A participant cannot create or cancel events.
  EXPECT_EQ(call("mia", "POST", "/api/v1/operator/B001/events", "{}").status, 403);
}

TEST_P(PortalEventsTest, DocumentsGoToTheKindsNamedWithVersionsAndLoggedDownloads) {
  cli("firm add D001 --name 'Delta Bank' --kind designated_bank");
  cli("user add dan --name dan --email dan@example.com --firm D001 --role viewer");
  cli("user set-password dan", std::string(testing::kPassword) + "\n");
  secrets_["dan"] = testing::enrol_totp(*this, "dan");
  const Json doc = {{"code", "CCASS-2FA-GUIDE"},
                    {"category", "guides"},
                    {"title",
                     {{"en", "CCASS terminal user guide for 2FA"},
                      {"zh-Hant", "CCASS 終端機使用者指引"},
                      {"zh-Hans", "CCASS 终端机使用者指引"}}},
                    {"firm_kinds", {"broker", "clearing_participant"}}};
  ASSERT_EQ(call("olga", "POST", "/api/v1/operator/HKEX/documents", doc.dump()).status, 201);
  const std::map<std::string, std::string> binary = {{"Content-Type", "application/octet-stream"}};
  const std::string base =
      "/api/v1/operator/HKEX/documents/CCASS-2FA-GUIDE/versions?name=guide.pdf";
  ASSERT_EQ(call("olga", "POST", base + "&notes=first", testing::kPdf + "v1", binary).status, 201);
  const HttpReply second =
      call("olga", "POST", base + "&notes=timetable", testing::kPdf + "v2", binary);
  ASSERT_EQ(second.status, 201);
  EXPECT_EQ(json_of(second)["version"], 2);
  const Json listed = json_of(call("mia", "GET", "/api/v1/firms/B001/documents"));
  ASSERT_EQ(listed["documents"].size(), 1u);
  EXPECT_EQ(listed["documents"][0]["versions"][0]["version"], 2);  // newest first
  const HttpReply file =
      call("mia", "POST", "/api/v1/firms/B001/documents/CCASS-2FA-GUIDE/versions/1/download", "{}");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, testing::kPdf + "v1");
  // A designated bank is not among the kinds: the list is empty and the file is not found.
  EXPECT_EQ(json_of(call("dan", "GET", "/api/v1/firms/D001/documents"))["documents"],
            Json::array());
  EXPECT_EQ(
      call("dan", "POST", "/api/v1/firms/D001/documents/CCASS-2FA-GUIDE/versions/1/download", "{}")
          .status,
      404);
  // The download is in mia's audit trail.
  const auto trail = run("audit show --actor user:mia --json");
  EXPECT_THAT(trail.out, HasSubstr("document.download"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(PortalEventsTest);

}  // namespace
}  // namespace cp
