#include "identity/roles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "identity/shipped_catalogue.h"

namespace cp::identity {
namespace {

using ::testing::HasSubstr;

const RoleCatalogue& shipped() {
  return shipped_catalogue();
}

std::string refusal(FirmKind kind, const std::set<std::string>& roles) {
  auto checked = shipped().check_role_set(kind, roles);
  return checked.ok() ? "" : checked.error().message;
}

TEST(RoleCatalogue, AllowsTheUsualRoleSets) {
  EXPECT_EQ(refusal(FirmKind::kBroker, {"maker", "viewer"}), "");
  EXPECT_EQ(refusal(FirmKind::kBroker, {"checker"}), "");
  EXPECT_EQ(refusal(FirmKind::kBroker, {"front_office", "viewer"}), "");
  EXPECT_EQ(refusal(FirmKind::kClearingParticipant, {"firm_admin", "viewer"}), "");
  EXPECT_EQ(refusal(FirmKind::kOperator, {"operator_processor"}), "");
  EXPECT_EQ(refusal(FirmKind::kBroker, {}), "");
}

TEST(RoleCatalogue, RefusesMakerAndCheckerTogether) {
  EXPECT_THAT(refusal(FirmKind::kBroker, {"maker", "checker"}),
              HasSubstr("roles maker and checker conflict: one person would both submit and "
                        "approve the same request"));
}

TEST(RoleCatalogue, RefusesFrontAndBackOfficeTogether) {  // SPEC ORG-1
  EXPECT_THAT(refusal(FirmKind::kBroker, {"front_office", "back_office"}),
              HasSubstr("front office and back office are separate"));
}

TEST(RoleCatalogue, RefusesAMakeAndCheckPairThatNoListedConflictNames) {
  // back_office makes settlement requests; checker approves every category's.
  EXPECT_THAT(refusal(FirmKind::kBroker, {"back_office", "checker"}),
              HasSubstr("roles back_office and checker together would let one person both "
                        "submit and approve settlement requests"));
}

TEST(RoleCatalogue, RefusesARoleOutsideItsFirmKindAndAnUnknownRole) {
  EXPECT_THAT(refusal(FirmKind::kBroker, {"operator_admin"}),
              HasSubstr("role operator_admin is not granted in a broker firm"));
  EXPECT_THAT(refusal(FirmKind::kOperator, {"maker"}),
              HasSubstr("role maker is not granted in a operator firm"));
  EXPECT_THAT(refusal(FirmKind::kBroker, {"superuser"}), HasSubstr("unknown role 'superuser'"));
}

TEST(RoleCatalogue, EntitlementsFollowTheRoles) {
  const auto& c = shipped();
  EXPECT_TRUE(c.entitles({"maker"}, "settlement", Level::kMake));
  EXPECT_TRUE(c.entitles({"maker"}, "events", Level::kView));
  EXPECT_FALSE(c.entitles({"maker"}, "settlement", Level::kCheck));
  EXPECT_FALSE(c.entitles({"maker"}, "users", Level::kView));  // "*" leaves users out
  EXPECT_TRUE(c.entitles({"firm_admin"}, "users", Level::kAdmin));
  EXPECT_FALSE(c.entitles({"viewer"}, "settlement", Level::kMake));
  EXPECT_FALSE(c.entitles({}, "documents", Level::kView));  // deny by default
}

TEST(RoleCatalogue, ABadFileIsNamedWithItsLineAndField) {
  const auto dir = std::filesystem::temp_directory_path() / "cp_roles_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "roles.csv") << "role,firm_kinds,entitlements,description,source\n"
                                      "viewer,broker,*:view,Sees,SPEC\n"
                                      "maker,broker,*:write,Makes,SPEC\n";
  std::ofstream(dir / "role_conflicts.csv") << "role_a,role_b,reason,source\n";
  auto loaded = RoleCatalogue::load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error().to_string(),
              HasSubstr("cp_roles_test/roles.csv:3:14: field 'entitlements': entitlement "
                        "'*:write' is not CATEGORY:LEVEL with a known level"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cp::identity
