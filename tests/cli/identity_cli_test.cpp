// The operator's identity commands end to end, on SQLite and PostgreSQL: firms, users with roles
// in two firms, the role rules refusing a conflicting grant with nothing stored, passwords read
// from standard input and never shown, locks, and every change in the audit trail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/operator_test.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

class IdentityCliTest : public testing::OperatorTest {
 protected:
  void ok(const std::string& args, const std::string& input = "") { cli(args, input); }
};

TEST_P(IdentityCliTest, AnOperatorSetsUpFirmsUsersAndRoles) {
  ok("firm add B001 --name 'Alpha Securities' --kind broker");
  ok("firm add B002 --name 'Beta Securities' --kind broker");
  ok("user add alice --name 'Alice Wong' --email alice@alpha.example --firm B001 --role maker");
  ok("user grant alice --firm B002 --role checker");  // PORTAL-3: one user, two firms
  const auto shown = run("user show alice --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const Json alice = Json::parse(shown.out);
  ASSERT_EQ(alice["memberships"].size(), 2u);
  EXPECT_EQ(alice["memberships"][0]["firm"], "B001");
  EXPECT_EQ(alice["memberships"][0]["roles"], Json::array({"maker"}));
  EXPECT_EQ(alice["memberships"][1]["roles"], Json::array({"checker"}));
  EXPECT_EQ(alice["has_password"], false);
  // user.added then role.granted, each by the command line's operator.
  ASSERT_EQ(alice["audit"].size(), 2u);
  EXPECT_EQ(alice["audit"][0]["action"], "user.added");
  EXPECT_EQ(alice["audit"][1]["action"], "role.granted");

  const auto listed = run("user list --firm B002 --json");
  ASSERT_EQ(listed.exit_code, 0);
  EXPECT_EQ(Json::parse(listed.out)["users"].size(), 1u);
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

TEST_P(IdentityCliTest, AConflictingGrantIsRefusedWithNothingStoredOrAudited) {
  ok("firm add B001 --name Alpha --kind broker");
  ok("user add bob --name Bob --firm B001 --role maker");
  const auto refused = run("user grant bob --firm B001 --role checker");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("roles maker and checker conflict"));
  const Json bob = Json::parse(run("user show bob --json").out);
  EXPECT_EQ(bob["memberships"][0]["roles"], Json::array({"maker"}));
  EXPECT_EQ(bob["audit"].size(), 1u);  // user.added only
  // A user added with a conflicting pair is not added at all.
  const auto both = run("user add carol --name Carol --firm B001 --role maker --role checker");
  EXPECT_EQ(both.exit_code, 1);
  EXPECT_EQ(run("user show carol").exit_code, 1);
}

TEST_P(IdentityCliTest, APasswordComesFromStandardInputIsCheckedAndNeverShown) {
  ok("firm add B001 --name Alpha --kind broker");
  ok("user add dave --name Dave --firm B001 --role viewer");
  const auto weak = run("user set-password dave", "Password1234\n");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_THAT(weak.err, HasSubstr("breached passwords"));
  EXPECT_THAT(weak.err + weak.out, Not(HasSubstr("Password1234")));
  ok("user set-password dave", "harbour lanterns at dusk\n");
  const auto shown = run("user show dave --json");
  EXPECT_EQ(Json::parse(shown.out)["has_password"], true);
  EXPECT_THAT(shown.out, Not(HasSubstr("harbour")));
  EXPECT_THAT(shown.out, Not(HasSubstr("argon2")));
  const auto trail = run("audit show --object user:dave --json");
  EXPECT_THAT(trail.out, HasSubstr("user.password_set"));
  EXPECT_THAT(trail.out, Not(HasSubstr("harbour")));
}

TEST_P(IdentityCliTest, LockUnlockAndBadInputs) {
  ok("firm add B001 --name Alpha --kind broker");
  ok("user add erin --name Erin");
  ok("user lock erin");
  EXPECT_EQ(Json::parse(run("user show erin --json").out)["status"], "locked");
  ok("user unlock erin");
  EXPECT_EQ(Json::parse(run("user show erin --json").out)["status"], "active");
  const auto kind = run("firm add X1 --name X --kind bank");
  EXPECT_EQ(kind.exit_code, 2);
  EXPECT_THAT(kind.err, HasSubstr("unknown firm kind 'bank'"));
  const auto login = run("user add 'Erin Lee' --name Erin");
  EXPECT_EQ(login.exit_code, 2);
  const auto nobody = run("user lock nobody");
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_THAT(nobody.err, HasSubstr("user nobody not found"));
  const auto operator_role = run("user grant erin --firm B001 --role operator_admin");
  EXPECT_EQ(operator_role.exit_code, 1);
  EXPECT_THAT(operator_role.err, HasSubstr("not granted in a broker firm"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(IdentityCliTest);

}  // namespace
}  // namespace cp
