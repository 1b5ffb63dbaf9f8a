// Notifications of the portal through the real server and a real SMTP sink, on both databases
// (SPEC PORTAL-8): the checker's mail with the link to the request, the inbox and its unread
// count, a user's choice of a digest instead, and `notifications digest` sending it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "support/portal_test.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;
using testing::HttpReply;

class PortalNotificationTest : public testing::PortalTest {};

TEST_P(PortalNotificationTest, TheCheckerIsMailedALinkToTheRequestThatWaits) {
  const std::string ref = ready_draft();
  ASSERT_EQ(step("mia", "B001", ref, "submit").status, 200);
  const auto mails = mails_to("chen@example.com", 1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0], HasSubstr("To check: " + ref));
  EXPECT_THAT(mails[0], HasSubstr("https://portal.cp.test/request.html#firm=B001&ref=" + ref));
  // The mail names the request, not its data (account numbers stay in the portal).
  EXPECT_THAT(mails[0], Not(HasSubstr("004-500-654321-838")));
  // The maker is not told of her own step; the other firm hears nothing.
  EXPECT_TRUE(mails_to("mia@example.com").empty());
  EXPECT_TRUE(mails_to("ben@example.com").empty());
  EXPECT_EQ(json_of(call("ben", "GET", "/api/v1/me/notifications"))["unread"], 0);
}

TEST_P(PortalNotificationTest, TheInboxCountsWhatIsUnreadAndOnlyItsOwnerReadsIt) {
  const std::string ref = ready_draft();
  ASSERT_EQ(step("mia", "B001", ref, "submit").status, 200);
  const Json inbox = json_of(call("chen", "GET", "/api/v1/me/notifications"));
  ASSERT_EQ(inbox["unread"], 1);
  const std::string id = std::to_string(inbox["notifications"][0]["id"].get<int64_t>());
  EXPECT_EQ(inbox["notifications"][0]["mail"], "sent");
  EXPECT_EQ(call("mia", "POST", "/api/v1/me/notifications/" + id + "/read").status, 404);
  EXPECT_EQ(call("chen", "POST", "/api/v1/me/notifications/" + id + "/read").status, 204);
  EXPECT_EQ(json_of(call("chen", "GET", "/api/v1/me/notifications"))["unread"], 0);
  EXPECT_EQ(json_of(call("chen", "GET", "/api/v1/me/notifications?unread=1"))["notifications"],
            Json::array());
}

TEST_P(PortalNotificationTest, ADigestInsteadOfMailAsItHappens) {
  EXPECT_EQ(
      call("chen", "PUT", "/api/v1/me/notification-settings", Json{{"email_mode", "hourly"}}.dump())
          .status,
      400);
  ASSERT_EQ(
      call("chen", "PUT", "/api/v1/me/notification-settings", Json{{"email_mode", "digest"}}.dump())
          .status,
      200);
  EXPECT_EQ(json_of(call("chen", "GET", "/api/v1/me/notification-settings"))["email_mode"],
            "digest");
  const std::string first = ready_draft();
  ASSERT_EQ(step("mia", "B001", first, "submit").status, 200);
  ASSERT_EQ(step("chen", "B001", first, "return", "wrong account").status, 200);
  ASSERT_EQ(step("mia", "B001", first, "submit").status, 200);
  // Mia was mailed that it came back; chen nothing yet, both tasks wait in his inbox.
  ASSERT_EQ(mails_to("mia@example.com", 1).size(), 1u);
  EXPECT_TRUE(mails_to("chen@example.com").empty());
  EXPECT_EQ(json_of(call("chen", "GET", "/api/v1/me/notifications"))["unread"], 2);
  const auto sent = run("--smtp-url " + sink_.url() +
                        " --public-url https://portal.cp.test notifications digest");
  ASSERT_EQ(sent.exit_code, 0) << sent.err;
  EXPECT_THAT(sent.out, HasSubstr("sent 1 digest mail(s)"));
  const auto digests = mails_to("chen@example.com", 2);
  ASSERT_EQ(digests.size(), 1u);
  EXPECT_THAT(digests[0], HasSubstr("2 notification(s)"));
  EXPECT_THAT(digests[0], HasSubstr("request.html#firm=B001&ref=" + first));
  // A second run has nothing left to send.
  const auto again = run("--smtp-url " + sink_.url() + " notifications digest");
  EXPECT_THAT(again.out, HasSubstr("sent 0 digest mail(s)"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(PortalNotificationTest);

}  // namespace
}  // namespace cp
