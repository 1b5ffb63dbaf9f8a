#include "identity/delegation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/shipped_catalogue.h"

namespace cp::identity {
namespace {

using ::testing::HasSubstr;

const RoleCatalogue& shipped() {
  return shipped_catalogue();
}

Actor admin_of(const std::string& firm) {
  return {"alice", false, {{firm, FirmKind::kBroker, {"firm_admin"}}}};
}

TEST(Delegation, AFirmAdministratorManagesItsOwnFirmsBusinessRoles) {
  EXPECT_TRUE(may_administer(shipped(), admin_of("B001"), "bob", "B001", "maker").ok());
  EXPECT_TRUE(may_administer(shipped(), admin_of("B001"), "bob", "B001", "checker").ok());
}

TEST(Delegation, AFirmAdministratorCannotTouchAnotherFirmAndLearnsNothingAboutIt) {
  auto refused = may_administer(shipped(), admin_of("B001"), "carol", "B002", "maker");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(refused.error().message, "firm B002 not found");
}

TEST(Delegation, AdministratorRolesComeFromTheOperatorOnly) {
  auto refused = may_administer(shipped(), admin_of("B001"), "bob", "B001", "firm_admin");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("granted by the platform operator"));
  const Actor operator_admin{"olga", false, {{"HKSCC", FirmKind::kOperator, {"operator_admin"}}}};
  EXPECT_TRUE(may_administer(shipped(), operator_admin, "bob", "B001", "firm_admin").ok());
  const Actor cli{"", true, {}};
  EXPECT_TRUE(may_administer(shipped(), cli, "bob", "B002", "firm_admin").ok());
}

TEST(Delegation, NobodyChangesTheirOwnRoles) {
  const Actor operator_admin{"olga", false, {{"HKSCC", FirmKind::kOperator, {"operator_admin"}}}};
  auto refused = may_administer(shipped(), operator_admin, "olga", "HKSCC", "operator_processor");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("their own roles"));
  EXPECT_FALSE(may_administer(shipped(), admin_of("B001"), "alice", "B001", "viewer").ok());
}

TEST(Delegation, AUserWithoutAnAdministratorRoleAdministersNothing) {
  const Actor maker{"bob", false, {{"B001", FirmKind::kBroker, {"maker"}}}};
  auto refused = may_administer(shipped(), maker, "dave", "B001", "viewer");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace cp::identity
