// The portal's requests through the real server on SQLite and PostgreSQL (issue 6 API tests):
// the whole maker-checker-operator way of a request with an attachment and notifications,
// self-approval refused on identity, a checker of another firm refused, nothing of firm B ever
// visible to firm A (404), a withdrawn request not approvable, one open request per subject, a
// stale page refused, and every step in the audit trail that `audit verify` checks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/portal_test.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::http_call;
using testing::HttpReply;

using testing::bank_accounts_data;
using testing::kPdf;

class PortalApiTest : public testing::PortalTest {};

TEST_P(PortalApiTest, ARequestGoesFromMakerToCheckerToOperatorWithEveryStepAudited) {
  const std::string ref = ready_draft();
  // Auto-fill: the firm's CCASS id and the maker's name, whatever the form sent.
  const Json draft = json_of(call("mia", "GET", "/api/v1/firms/B001/requests/" + ref));
  EXPECT_EQ(draft["data"]["participant_id"], "B01234");
  EXPECT_EQ(draft["data"]["contact_name"], "mia");
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_EQ(draft["problems"], Json::array());
  EXPECT_EQ(draft["actions"], (Json{"save", "submit", "withdraw"}));

  EXPECT_EQ(step("mia", "B001", ref, "submit").status, 200);
  // The checker has a task, in the inbox and in the task list.
  const Json inbox = json_of(call("chen", "GET", "/api/v1/me/notifications"));
  ASSERT_EQ(inbox["unread"], 1) << inbox.dump();
  EXPECT_EQ(inbox["notifications"][0]["kind"], "task");
  EXPECT_EQ(inbox["notifications"][0]["reference"], ref);
  const Json tasks = json_of(call("chen", "GET", "/api/v1/firms/B001/tasks"));
  ASSERT_EQ(tasks["to_check"].size(), 1u);
  EXPECT_EQ(tasks["to_check"][0]["reference"], ref);

  EXPECT_EQ(step("chen", "B001", ref, "approve").status, 200);
  const Json queue = json_of(call("olga", "GET", "/api/v1/operator/HKEX/queue"));
  ASSERT_EQ(queue["requests"].size(), 1u) << queue.dump();
  EXPECT_EQ(queue["requests"][0]["operator_team"], "participant_services");
  EXPECT_EQ(operator_step(ref, "receive").status, 200);
  EXPECT_EQ(operator_step(ref, "start").status, 200);
  const HttpReply done = operator_step(ref, "complete");
  ASSERT_EQ(done.status, 200) << done.body;
  const Json completed = json_of(done);
  EXPECT_EQ(completed["status"], "completed");
  EXPECT_EQ(completed["assignee"], "olga");

  std::vector<std::string> steps;
  for (const Json& e : completed["timeline"]) steps.push_back(e["action"]);
  EXPECT_EQ(steps, (std::vector<std::string>{"create", "attach", "submit", "approve", "receive",
                                             "start", "complete"}));
  const Json trail = json_of(call("mia", "GET", "/api/v1/firms/B001/requests/" + ref + "/audit"));
  std::vector<std::string> audited;
  for (const Json& e : trail["entries"]) audited.push_back(e["action"]);
  EXPECT_EQ(audited, (std::vector<std::string>{"request.create", "request.attach", "request.submit",
                                               "request.approve", "request.receive",
                                               "request.start", "request.complete"}));
  EXPECT_EQ(trail["entries"][3]["actor"], "user:chen");
  // The maker hears that it moved on.
  const Json mine = json_of(call("mia", "GET", "/api/v1/me/notifications"));
  EXPECT_THAT(mine["notifications"][0]["title"].get<std::string>(), HasSubstr("completed"));
  // The chain over all of it holds.
  const auto verified = run("audit verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
}

TEST_P(PortalApiTest, NoOneApprovesTheirOwnRequestWhateverRolesTheyHoldLater) {
  const std::string ref = ready_draft();
  ASSERT_EQ(step("mia", "B001", ref, "submit").status, 200);
  // A maker cannot approve at all.
  EXPECT_EQ(step("mia", "B001", ref, "approve").status, 422);
  // Given the checker role instead of maker, mia still may not check what she made.
  cli("user revoke mia --firm B001 --role maker");
  cli("user grant mia --firm B001 --role checker");
  sessions_.erase("mia");
  const HttpReply self = step("mia", "B001", ref, "approve");
  EXPECT_EQ(self.status, 422);
  EXPECT_THAT(self.body, HasSubstr("someone other than"));
  EXPECT_EQ(json_of(call("chen", "GET", "/api/v1/firms/B001/requests/" + ref))["status"],
            "submitted");
}

TEST_P(PortalApiTest, ACheckerOfAnotherFirmIsRefused) {
  const std::string ref = ready_draft();
  ASSERT_EQ(step("mia", "B001", ref, "submit").status, 200);
  const Json body = {{"version", 4}};
  EXPECT_EQ(
      call("ben", "POST", "/api/v1/firms/B001/requests/" + ref + "/approve", body.dump()).status,
      404);
  EXPECT_EQ(
      call("ben", "POST", "/api/v1/firms/B002/requests/" + ref + "/approve", body.dump()).status,
      404);
  EXPECT_EQ(json_of(call("chen", "GET", "/api/v1/firms/B001/requests/" + ref))["status"],
            "submitted");
}

TEST_P(PortalApiTest, FirmBSeesSearchesExportsAndDownloadsNothingOfFirmA) {
  const std::string ref = ready_draft();
  const Json draft = json_of(call("mia", "GET", "/api/v1/firms/B001/requests/" + ref));
  const std::string file =
      "/attachments/" + std::to_string(draft["attachments"][0]["id"].get<int64_t>());
  // Downloads and exports are POSTs (issue 14 finding 5); the rest are GETs.
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/v1/firms/B001/requests"},
           {"GET", "/api/v1/firms/B001/requests/" + ref},
           {"POST", "/api/v1/firms/B001/requests/" + ref + file + "/download"},
           {"GET", "/api/v1/firms/B001/requests/" + ref + "/audit"},
           {"POST", "/api/v1/firms/B001/exports/requests.csv"},
           {"GET", "/api/v1/firms/B001/tasks"},
           {"GET", "/api/v1/firms/B002/requests/" + ref},
           {"POST", "/api/v1/firms/B002/requests/" + ref + file + "/download"},
           {"GET", "/api/v1/firms/B002/requests/" + ref + "/audit"}}) {
    const HttpReply reply = call("bea", method, path, method == "POST" ? "{}" : "");
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_THAT(reply.body, ::testing::Not(HasSubstr("B01234"))) << path;
  }
  // Her own firm's search and export, by text and by reference, find nothing of B001's.
  for (const std::string& query :
       std::vector<std::string>{"?q=" + ref, "?reference=" + ref, "?q=b01234"}) {
    EXPECT_EQ(json_of(call("bea", "GET", "/api/v1/firms/B002/requests" + query))["requests"],
              Json::array())
        << query;
    const HttpReply csv =
        call("bea", "POST", "/api/v1/firms/B002/exports/requests.csv" + query, "{}");
    EXPECT_EQ(csv.status, 200);
    EXPECT_THAT(csv.body, ::testing::Not(HasSubstr(ref)));
  }
  EXPECT_EQ(call("bea", "PUT", "/api/v1/firms/B002/requests/" + ref,
                 Json{{"version", 3}, {"data", bank_accounts_data()}}.dump())
                .status,
            404);
}

TEST_P(PortalApiTest, AWithdrawnRequestCannotBeApproved) {
  const std::string ref = ready_draft();
  ASSERT_EQ(step("mia", "B001", ref, "submit").status, 200);
  ASSERT_EQ(step("mia", "B001", ref, "withdraw").status, 200);
  const HttpReply approve = step("chen", "B001", ref, "approve");
  EXPECT_EQ(approve.status, 409);
  EXPECT_THAT(approve.body, HasSubstr("withdrawn"));
}

TEST_P(PortalApiTest, SubmittingNamesEveryProblemAndAFixedRequestGoesThrough) {
  Json data = bank_accounts_data();
  data["instructions"][0]["bank_code"] = "12";
  const HttpReply created = call("mia", "POST", "/api/v1/firms/B001/requests",
                                 Json{{"service", "bank-accounts"}, {"data", data}}.dump());
  ASSERT_EQ(created.status, 201);
  const std::string ref = json_of(created)["reference"];
  const HttpReply refused = step("mia", "B001", ref, "submit");
  ASSERT_EQ(refused.status, 422);
  std::set<std::string> pointers;
  const Json problems = json_of(refused)["problems"];
  for (const Json& p : problems) pointers.insert(p["pointer"]);
  // The bank code in the first instruction, and the missing bank confirmation.
  EXPECT_EQ(pointers,
            (std::set<std::string>{"/instructions/0/bank_code", "#attachments/bank_confirmation"}));
  data["instructions"][0]["bank_code"] = "012";
  ASSERT_EQ(call("mia", "PUT", "/api/v1/firms/B001/requests/" + ref,
                 Json{{"version", version_of("mia", "B001", ref)}, {"data", data}}.dump())
                .status,
            200);
  ASSERT_EQ(call("mia", "POST",
                 "/api/v1/firms/B001/requests/" + ref +
                     "/attachments?slot=bank_confirmation&name=letter.pdf",
                 kPdf, {{"Content-Type", "application/octet-stream"}})
                .status,
            201);
  EXPECT_EQ(step("mia", "B001", ref, "submit").status, 200);
}

TEST_P(PortalApiTest, OneOpenRequestAtATimeWhereTheServiceSaysSo) {
  // #31 takes one open request per firm (catalog one_open_per "").
  const std::string first = ready_draft();
  const std::string second = ready_draft();
  ASSERT_EQ(step("mia", "B001", first, "submit").status, 200);
  const HttpReply refused = step("mia", "B001", second, "submit");
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, HasSubstr(first));
  // Firm B's own is not held up by A's.
  EXPECT_EQ(step("bea", "B002", ready_draft("bea", "B002"), "submit").status, 200);
  // Once the first is returned and withdrawn, the second may go.
  ASSERT_EQ(step("chen", "B001", first, "return", "wrong account").status, 200);
  ASSERT_EQ(step("mia", "B001", first, "withdraw").status, 200);
  EXPECT_EQ(step("mia", "B001", second, "submit").status, 200);
}

TEST_P(PortalApiTest, AStalePageCannotOverwriteANewerVersion) {
  const std::string ref = ready_draft();
  const int64_t seen = version_of("mia", "B001", ref);
  ASSERT_EQ(call("mia", "PUT", "/api/v1/firms/B001/requests/" + ref,
                 Json{{"version", seen}, {"data", bank_accounts_data()}}.dump())
                .status,
            200);
  const HttpReply stale = call("mia", "PUT", "/api/v1/firms/B001/requests/" + ref,
                               Json{{"version", seen}, {"data", bank_accounts_data()}}.dump());
  EXPECT_EQ(stale.status, 409);
}

TEST_P(PortalApiTest, ReturningAndRejectingNeedReasonsThatTheMakerSees) {
  const std::string ref = ready_draft();
  ASSERT_EQ(step("mia", "B001", ref, "submit").status, 200);
  EXPECT_EQ(step("chen", "B001", ref, "return").status, 400);
  ASSERT_EQ(step("chen", "B001", ref, "return", "the account name differs").status, 200);
  const Json tasks = json_of(call("mia", "GET", "/api/v1/firms/B001/tasks"));
  ASSERT_EQ(tasks["to_fix"].size(), 1u);
  EXPECT_EQ(tasks["to_fix"][0]["reason"], "the account name differs");
  ASSERT_EQ(step("mia", "B001", ref, "submit").status, 200);
  ASSERT_EQ(step("chen", "B001", ref, "approve").status, 200);
  ASSERT_EQ(operator_step(ref, "receive").status, 200);
  EXPECT_EQ(operator_step(ref, "reject").status, 400);
  const HttpReply rejected = operator_step(ref, "reject", "no board resolution");
  ASSERT_EQ(rejected.status, 200);
  EXPECT_EQ(json_of(rejected)["status"], "rejected");
  // A rejection is a state, not a delete: still found, with its reason.
  const Json found = json_of(call("mia", "GET", "/api/v1/firms/B001/requests?status=rejected"));
  ASSERT_EQ(found["requests"].size(), 1u);
  EXPECT_EQ(found["requests"][0]["reason"], "no board resolution");
}

TEST_P(PortalApiTest, AttachmentsAreCheckedByTheirBytes) {
  const HttpReply created =
      call("mia", "POST", "/api/v1/firms/B001/requests",
           Json{{"service", "bank-accounts"}, {"data", bank_accounts_data()}}.dump());
  const std::string ref = json_of(created)["reference"];
  const std::string base = "/api/v1/firms/B001/requests/" + ref + "/attachments?slot=";
  const std::map<std::string, std::string> binary = {{"Content-Type", "application/octet-stream"}};
  // A CSV where the slot takes PDF and images; a program named .pdf; an unknown slot.
  EXPECT_EQ(call("mia", "POST", base + "bank_confirmation&name=a.csv", "a,b\n1,2\n", binary).status,
            400);
  EXPECT_EQ(call("mia", "POST", base + "bank_confirmation&name=a.pdf",
                 std::string("\x7f"
                             "ELF\x02\x01\x01\0",
                             8),
                 binary)
                .status,
            400);
  EXPECT_EQ(call("mia", "POST", base + "board_minutes&name=a.pdf", kPdf, binary).status, 400);
  // A 2 MiB scan goes through (other requests stop at 1 MiB); over the 4 MiB limit it does not.
  const std::string scan = kPdf + std::string((2 << 20) - kPdf.size(), ' ');
  EXPECT_EQ(call("mia", "POST", base + "bank_confirmation&name=scan.pdf", scan, binary).status,
            201);
  const std::string huge = kPdf + std::string((4 << 20) + 1 - kPdf.size(), ' ');
  EXPECT_EQ(call("mia", "POST", base + "bank_confirmation&name=huge.pdf", huge, binary).status,
            413);
  const HttpReply ok = call("mia", "POST", base + "bank_confirmation&name=a.pdf", kPdf, binary);
  ASSERT_EQ(ok.status, 201);
  const Json stored = json_of(ok);
  const HttpReply back = call("chen", "POST",
                              "/api/v1/firms/B001/requests/" + ref + "/attachments/" +
                                  std::to_string(stored["id"].get<int64_t>()) + "/download",
                              "{}");
  EXPECT_EQ(back.status, 200);
  EXPECT_EQ(back.body, kPdf);
  EXPECT_EQ(back.headers.at("content-type"), "application/pdf");
}

TEST_P(PortalApiTest, ExportsCarryTheFilteredList) {
  const std::string a = ready_draft();
  const std::string b = ready_draft();
  ASSERT_EQ(step("mia", "B001", b, "submit").status, 200);
  const HttpReply csv =
      call("chen", "POST", "/api/v1/firms/B001/exports/requests.csv?status=submitted", "{}");
  ASSERT_EQ(csv.status, 200);
  EXPECT_THAT(csv.headers.at("content-type"), HasSubstr("text/csv"));
  EXPECT_THAT(csv.body, HasSubstr(b + ",B001,31,Update designated bank accounts,submitted,mia"));
  EXPECT_THAT(csv.body, ::testing::Not(HasSubstr(a)));
  const HttpReply xlsx = call("chen", "POST", "/api/v1/firms/B001/exports/requests.xlsx", "{}");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // a ZIP container, as every XLSX file
}

// Every one of the 43 services, through the API from draft to completed: its sample request
// (tests/catalog, less what auto-fill sets), its required attachments, maker, checker, operator.
TEST_P(PortalApiTest, EveryServiceCanBeFiledCheckedAndCompleted) {
  cli("firm profile B001 --participant-id HKCC=ALP --participant-id SEOCH=ALS "
      "--participant-id SEHK=B01234");
  const Json catalogue = json_of(call("mia", "GET", "/api/v1/catalog"));
  ASSERT_EQ(catalogue["services"].size(), 43u);
  for (const Json& listed : catalogue["services"]) {
    const std::string id = listed["id"];
    SCOPED_TRACE(id);
    const std::string ref = sample_draft(json_of(call("mia", "GET", "/api/v1/catalog/" + id)));
    ASSERT_FALSE(ref.empty());
    const HttpReply submitted = step("mia", "B001", ref, "submit");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    ASSERT_EQ(step("chen", "B001", ref, "approve").status, 200);
    for (const char* action : {"receive", "start", "complete"}) {
      ASSERT_EQ(operator_step(ref, action).status, 200) << action;
    }
    EXPECT_EQ(json_of(call("mia", "GET", "/api/v1/firms/B001/requests/" + ref))["status"],
              "completed");
  }
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(PortalApiTest);

}  // namespace
}  // namespace cp
