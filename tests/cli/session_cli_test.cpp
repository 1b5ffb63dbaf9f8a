// The operator's view of a user's sessions and ending them all (issue 5 item 8), against the real
// server, on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;
using testing::http_call;

class SessionCliTest : public testing::OperatorTest {
 protected:
  SessionCliTest() : OperatorTest(/*with_alice=*/true) {}

  Json sessions(const std::string& flags = "") {
    const auto listed = run("user sessions alice --json" + flags);
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    return Json::parse(listed.out)["sessions"];
  }
  int me_status(const testing::SignedIn& who) {
    return http_call(server_.port(), "GET", "/api/v1/me", "", {{"Cookie", who.cookie}}).status;
  }

  testing::ServerProcess server_;
};

TEST_P(SessionCliTest, ListsLiveSessionsAndEndsThemAll) {
  const std::string secret = testing::enrol_totp(*this, "alice");
  ASSERT_EQ(server_.start(scratch_->url()), "");
  // Two sign-ins need two TOTP steps: a code is never accepted twice.
  const testing::SignedIn first =
      testing::sign_in(server_.port(), "alice", "harbour lanterns at dusk", secret, 0);
  const testing::SignedIn second =
      testing::sign_in(server_.port(), "alice", "harbour lanterns at dusk", secret, 1);
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(second.status, 200);
  Json live = sessions();
  ASSERT_EQ(live.size(), 2u);
  EXPECT_EQ(live[0]["state"], "live");
  EXPECT_EQ(live[0]["session"].get<std::string>().size(), 12u);
  // No token in the listing: the cookie's value appears nowhere.
  const std::string listing = run("user sessions alice --all").out;
  EXPECT_THAT(listing, Not(HasSubstr(first.cookie.substr(std::string("cp_session=").size()))));

  // One signs out: it leaves the default listing and shows with --all.
  ASSERT_EQ(http_call(server_.port(), "POST", "/api/v1/session/logout", "{}",
                      {{"Cookie", second.cookie}, {"X-CSRF-Token", second.csrf}})
                .status,
            200);
  EXPECT_EQ(sessions().size(), 1u);
  const Json all = sessions(" --all");
  ASSERT_EQ(all.size(), 2u);
  std::vector<std::string> states = {all[0]["state"], all[1]["state"]};
  std::sort(states.begin(), states.end());
  EXPECT_EQ(states, (std::vector<std::string>{"ended: signed out", "live"}));

  // The operator ends the rest: the cookie stops working at once, and the act is audited.
  const auto ended = run("user end-sessions alice");
  ASSERT_EQ(ended.exit_code, 0) << ended.err;
  EXPECT_THAT(ended.out, HasSubstr("ended 1 session(s) of alice"));
  EXPECT_EQ(me_status(first), 401);
  EXPECT_TRUE(sessions().empty());
  EXPECT_THAT(run("user show alice").out, HasSubstr("user.sessions_ended"));
  EXPECT_NE(run("user sessions nobody").exit_code, 0);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(SessionCliTest);

}  // namespace
}  // namespace cp
