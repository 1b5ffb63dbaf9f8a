// Who a session cookie signs in, in one query, on both backends: the memberships of a user in
// two firms, a user of no firm, and each way a session stops signing anyone in (the idle and
// absolute limits of docs/identity.md; a locked user).
#include "store/principal_store.h"

#include <gtest/gtest.h>

#include "store/identity_store.h"
#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using identity::FirmKind;

class PrincipalStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
    auto loaded = identity::RoleCatalogue::load(std::filesystem::path(CONNECTPOST_SOURCE_DIR) /
                                                "data" / "identity");
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    const identity::RoleCatalogue catalogue = std::move(loaded).value();
    for (const Firm& firm : {Firm{"B001", "Alpha Securities", FirmKind::kBroker},
                             Firm{"HKSCC", "Clearing house", FirmKind::kOperator}}) {
      ASSERT_TRUE(add_firm(*db_, firm, clock_.now()).ok());
    }
    for (const char* login : {"alice", "carol"}) {
      User user;
      user.user_id = login;
      user.display_name = login;
      ASSERT_TRUE(add_user(*db_, user, clock_.now()).ok());
    }
    const identity::Actor cli{"", true, {}};
    for (auto [firm, role] : {std::pair{"B001", "maker"}, std::pair{"B001", "viewer"},
                              std::pair{"HKSCC", "operator_processor"}}) {
      auto granted = grant_role(*db_, catalogue, cli, "alice", firm, role, clock_.now());
      ASSERT_TRUE(granted.ok()) << granted.error().to_string();
    }
  }

  std::string open(const std::string& user) {
    auto session = create_session(*db_, user, clock_.now(), kAbsoluteMinutes);
    EXPECT_TRUE(session.ok());
    return session->token;
  }

  std::optional<SignedIn> signed_in(const std::string& token, UtcTime at) {
    auto found = find_signed_in(*db_, token, at, kIdleMinutes);
    EXPECT_TRUE(found.ok()) << found.error().to_string();
    return found.ok() ? *found : std::nullopt;
  }

  std::string ended_reason(const std::string& user) {
    auto sessions = list_sessions(*db_, user, true);
    EXPECT_TRUE(sessions.ok());
    return sessions->size() == 1 ? (*sessions)[0].ended_reason : "(not one session)";
  }

  static constexpr int64_t kIdleMinutes = 30;
  static constexpr int64_t kAbsoluteMinutes = 600;
  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("09:00"))};
};

TEST_P(PrincipalStoreTest, AUserInTwoFirmsGetsEachFirmWithItsRoles) {
  const std::string token = open("alice");
  auto in = signed_in(token, clock_.now());
  ASSERT_TRUE(in);
  EXPECT_EQ(in->session.user_id, "alice");
  EXPECT_EQ(in->session.csrf_token.size(), 64u);
  ASSERT_EQ(in->memberships.size(), 2u);  // by firm id: B001, then HKSCC
  EXPECT_EQ(in->memberships[0].firm_id, "B001");
  EXPECT_EQ(in->memberships[0].firm_kind, FirmKind::kBroker);
  EXPECT_EQ(in->memberships[0].roles, (std::set<std::string>{"maker", "viewer"}));
  EXPECT_EQ(in->memberships[1].firm_id, "HKSCC");
  EXPECT_EQ(in->memberships[1].firm_kind, FirmKind::kOperator);
  EXPECT_EQ(in->memberships[1].roles, (std::set<std::string>{"operator_processor"}));
}

TEST_P(PrincipalStoreTest, AUserOfNoFirmIsSignedInWithNoMemberships) {
  auto in = signed_in(open("carol"), clock_.now());
  ASSERT_TRUE(in);
  EXPECT_EQ(in->session.user_id, "carol");
  EXPECT_TRUE(in->memberships.empty());
}

TEST_P(PrincipalStoreTest, AnUnknownOrEndedTokenSignsInNobody) {
  EXPECT_FALSE(signed_in(new_token(), clock_.now()));
  const std::string token = open("alice");
  ASSERT_TRUE(end_session(*db_, token, clock_.now(), "signed_out").ok());
  EXPECT_FALSE(signed_in(token, clock_.now()));
}

TEST_P(PrincipalStoreTest, ThirtyIdleMinutesEndTheSessionAsIdle) {
  const std::string token = open("alice");
  // 29 min 59 s after the last use it still signs in; at 30 min it is idle and is ended.
  EXPECT_TRUE(signed_in(token, clock_.now() + std::chrono::seconds(29 * 60 + 59)));
  EXPECT_FALSE(signed_in(token, clock_.now() + std::chrono::minutes(30)));
  EXPECT_EQ(ended_reason("alice"), "idle");
  // Ended stays ended, even at a time it would have been live.
  EXPECT_FALSE(signed_in(token, clock_.now()));
}

TEST_P(PrincipalStoreTest, TheAbsoluteLimitEndsASessionInUse) {
  const std::string token = open("alice");
  // Used every 20 minutes, so never idle: 10 hours after sign-in it has expired.
  for (int minutes = 20; minutes < kAbsoluteMinutes; minutes += 20) {
    const UtcTime at = clock_.now() + std::chrono::minutes(minutes);
    auto in = signed_in(token, at);
    ASSERT_TRUE(in) << "at +" << minutes << " min";
    ASSERT_TRUE(touch_session(*db_, token, in->session, at).ok());
  }
  EXPECT_FALSE(signed_in(token, clock_.now() + std::chrono::minutes(kAbsoluteMinutes)));
  EXPECT_EQ(ended_reason("alice"), "expired");
}

TEST_P(PrincipalStoreTest, ALockedUserIsNotSignedInAndComesBackWhenUnlocked) {
  const std::string token = open("alice");
  ASSERT_TRUE(set_lock(*db_, "alice", true, "").ok());
  EXPECT_FALSE(signed_in(token, clock_.now()));
  EXPECT_EQ(ended_reason("alice"), "");  // the session itself is not ended
  ASSERT_TRUE(set_lock(*db_, "alice", false, "").ok());
  EXPECT_TRUE(signed_in(token, clock_.now()));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(PrincipalStoreTest);

}  // namespace
}  // namespace cp::store
