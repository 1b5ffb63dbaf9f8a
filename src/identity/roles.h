// Firms, roles and entitlements (SPEC PORTAL-3, PORTAL-4, ORG-1, AUTH-1): the role catalogue is
// reference data (data/identity/roles.csv, role_conflicts.csv); a membership's role set is checked
// against it before it is stored, so no one holds two conflicting roles in one firm and no role
// set lets one person both submit and approve the same request.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cp::identity {

enum class FirmKind { kBroker, kClearingParticipant, kDesignatedBank, kOperator };
Result<FirmKind> parse_firm_kind(std::string_view text);
const char* firm_kind_code(FirmKind kind);

// What a role allows on a category of services, from least to most.
enum class Level { kView, kMake, kCheck, kProcess, kAdmin, kApprove };
Result<Level> parse_level(std::string_view text);
const char* level_code(Level level);

struct Entitlement {
  std::string category;  // "settlement", "users"…; "*" = every category but "users"
  Level level = Level::kView;
};

struct RoleDefinition {
  std::string role;
  std::set<FirmKind> firm_kinds;  // where it may be granted
  std::vector<Entitlement> entitlements;
  std::string description;
  std::string source;
};

struct RoleConflict {
  std::string role_a;
  std::string role_b;
  std::string reason;
  std::string source;
};

class RoleCatalogue {
 public:
  // Reads roles.csv and role_conflicts.csv in `dir`; errors name the file, line and field.
  static Result<RoleCatalogue> load(const std::filesystem::path& dir);

  const RoleDefinition* find(std::string_view role) const;
  const std::vector<RoleDefinition>& roles() const { return roles_; }

  // Refuses, naming the roles and the reason, a role set for one membership in a firm of `kind`:
  // an unknown role, a role not granted in such firms, a listed conflict, or both `make` and
  // `check` on one category (the maker-checker rule, whatever the roles are called).
  Result<void> check_role_set(FirmKind kind, const std::set<std::string>& roles) const;

  // Whether the roles together give `level` on `category`.
  bool entitles(const std::set<std::string>& roles, std::string_view category, Level level) const;

 private:
  std::vector<RoleDefinition> roles_;
  std::vector<RoleConflict> conflicts_;
};

}  // namespace cp::identity
