// Firms, users and roles in the database, on both backends: a user in two firms (PORTAL-3),
// the role rules checked against what is stored, and delegated administration kept in its firm.
#include "store/identity_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using identity::Actor;
using identity::FirmKind;
using ::testing::HasSubstr;

User person(const std::string& login, const std::string& name, const std::string& email) {
  User user;
  user.user_id = login;
  user.display_name = name;
  user.email = email;
  return user;
}

class IdentityStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
    auto loaded = identity::RoleCatalogue::load(std::filesystem::path(CONNECTPOST_SOURCE_DIR) /
                                                "data" / "identity");
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    catalogue_ = std::move(loaded).value();
    for (const Firm& firm : {Firm{"B001", "Alpha Securities", FirmKind::kBroker},
                             Firm{"B002", "Beta Securities", FirmKind::kBroker},
                             Firm{"HKSCC", "Clearing house", FirmKind::kOperator}}) {
      ASSERT_TRUE(add_firm(*db_, firm, clock_.now()).ok());
    }
    for (const char* login : {"alice", "bob", "carol"}) {
      ASSERT_TRUE(
          add_user(*db_, person(login, login, std::string(login) + "@example.com"), clock_.now())
              .ok());
    }
  }

  Result<bool> grant(const Actor& actor, const std::string& user, const std::string& firm,
                     const std::string& role) {
    return grant_role(*db_, catalogue_, actor, user, firm, role, clock_.now());
  }

  std::set<std::string> roles_in(const std::string& user, const std::string& firm) {
    auto memberships = memberships_of(*db_, user);
    EXPECT_TRUE(memberships.ok());
    for (const auto& m : *memberships) {
      if (m.firm_id == firm) return m.roles;
    }
    return {};
  }

  const Actor cli_{"", true, {}};
  identity::RoleCatalogue catalogue_;
  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
};

TEST_P(IdentityStoreTest, OneUserActsForTwoFirmsWithRolesInEach) {
  ASSERT_TRUE(*grant(cli_, "alice", "B001", "maker"));
  ASSERT_TRUE(*grant(cli_, "alice", "B002", "checker"));  // another firm: no conflict
  EXPECT_EQ(roles_in("alice", "B001"), (std::set<std::string>{"maker"}));
  EXPECT_EQ(roles_in("alice", "B002"), (std::set<std::string>{"checker"}));
  auto again = grant(cli_, "alice", "B001", "maker");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);  // already held: nothing changes
  auto in_b002 = list_users(*db_, "B002");
  ASSERT_TRUE(in_b002.ok());
  ASSERT_EQ(in_b002->size(), 1u);
  EXPECT_EQ((*in_b002)[0].user_id, "alice");
}

TEST_P(IdentityStoreTest, AConflictingGrantIsRefusedAndNothingIsStored) {
  ASSERT_TRUE(*grant(cli_, "bob", "B001", "maker"));
  auto refused = grant(cli_, "bob", "B001", "checker");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("roles maker and checker conflict"));
  EXPECT_EQ(roles_in("bob", "B001"), (std::set<std::string>{"maker"}));
}

TEST_P(IdentityStoreTest, ADelegatedAdministratorStaysInItsFirm) {
  ASSERT_TRUE(*grant(cli_, "alice", "B001", "firm_admin"));
  auto memberships = memberships_of(*db_, "alice");
  ASSERT_TRUE(memberships.ok());
  const Actor alice{"alice", false, *memberships};
  EXPECT_TRUE(*grant(alice, "bob", "B001", "checker"));
  auto elsewhere = grant(alice, "carol", "B002", "maker");
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(roles_in("carol", "B002").empty());
  auto own = grant(alice, "alice", "B001", "viewer");
  ASSERT_FALSE(own.ok());
  EXPECT_THAT(own.error().message, HasSubstr("their own roles"));
  auto revoked = revoke_role(*db_, catalogue_, alice, "bob", "B001", "checker");
  ASSERT_TRUE(revoked.ok());
  EXPECT_TRUE(*revoked);
  EXPECT_TRUE(roles_in("bob", "B001").empty());
}

TEST_P(IdentityStoreTest, UnknownUsersFirmsAndBadLoginsAreNamed) {
  auto no_firm = grant(cli_, "bob", "B999", "maker");
  ASSERT_FALSE(no_firm.ok());
  EXPECT_EQ(no_firm.error().message, "firm B999 not found");
  auto no_user = grant(cli_, "zed", "B001", "maker");
  ASSERT_FALSE(no_user.ok());
  EXPECT_EQ(no_user.error().message, "user zed not found");
  auto taken = add_user(*db_, person("bob", "Bob again", ""), clock_.now());
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  auto bad = add_user(*db_, person("Bob Chan", "Bob", ""), clock_.now());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "user");
}

TEST_P(IdentityStoreTest, LockAndUnlock) {
  ASSERT_TRUE(set_lock(*db_, "bob", true, "").ok());
  EXPECT_EQ(find_user(*db_, "bob")->value().status, "locked");
  ASSERT_TRUE(set_lock(*db_, "bob", false, "").ok());
  EXPECT_EQ(find_user(*db_, "bob")->value().status, "active");
  EXPECT_EQ(set_lock(*db_, "nobody", true, "").error().code, ErrorCode::kNotFound);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(IdentityStoreTest);

}  // namespace
}  // namespace cp::store
