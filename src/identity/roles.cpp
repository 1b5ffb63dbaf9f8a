#include "identity/roles.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "core/csv.h"

namespace cp::identity {
namespace {

constexpr std::array<std::pair<FirmKind, const char*>, 4> kFirmKinds = {{
    {FirmKind::kBroker, "broker"},
    {FirmKind::kClearingParticipant, "clearing_participant"},
    {FirmKind::kDesignatedBank, "designated_bank"},
    {FirmKind::kOperator, "operator"},
}};

constexpr std::array<std::pair<Level, const char*>, 6> kLevels = {{
    {Level::kView, "view"},
    {Level::kMake, "make"},
    {Level::kCheck, "check"},
    {Level::kProcess, "process"},
    {Level::kAdmin, "admin"},
    {Level::kApprove, "approve"},
}};

constexpr std::string_view kUsers = "users";

// Splits "a|b|c"; an empty text gives no parts.
std::vector<std::string_view> split_bar(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const size_t bar = text.find('|');
    parts.push_back(text.substr(0, bar));
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return parts;
}

bool covers(const Entitlement& entitlement, std::string_view category) {
  return entitlement.category == category || (entitlement.category == "*" && category != kUsers);
}

}  // namespace

Result<FirmKind> parse_firm_kind(std::string_view text) {
  for (const auto& [kind, code] : kFirmKinds) {
    if (text == code) return kind;
  }
  return invalid_input("unknown firm kind '" + std::string(text) +
                           "' (broker, clearing_participant, designated_bank or operator)",
                       "kind");
}

const char* firm_kind_code(FirmKind kind) {
  for (const auto& [k, code] : kFirmKinds) {
    if (k == kind) return code;
  }
  CP_ASSERT(false, "unknown firm kind");
}

Result<Level> parse_level(std::string_view text) {
  for (const auto& [level, code] : kLevels) {
    if (text == code) return level;
  }
  return invalid_input("unknown entitlement level '" + std::string(text) + "'", "entitlements");
}

const char* level_code(Level level) {
  for (const auto& [l, code] : kLevels) {
    if (l == level) return code;
  }
  CP_ASSERT(false, "unknown level");
}

Result<RoleCatalogue> RoleCatalogue::load(const std::filesystem::path& dir) {
  RoleCatalogue catalogue;
  const std::string shown = dir.filename().string() + "/";
  {
    CP_ASSIGN_OR_RETURN(CsvReader reader,
                        CsvReader::open((dir / "roles.csv").string(), shown + "roles.csv"));
    CP_RETURN_IF_ERROR(
        reader.require_columns({"role", "firm_kinds", "entitlements", "description", "source"}));
    const size_t role_col = *reader.column("role");
    const size_t kinds_col = *reader.column("firm_kinds");
    const size_t entitlements_col = *reader.column("entitlements");
    const size_t description_col = *reader.column("description");
    const size_t source_col = *reader.column("source");
    CsvRecord record;
    while (true) {
      CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
      if (!more) break;
      RoleDefinition role;
      role.role = std::string(record[role_col]);
      if (role.role.empty() || catalogue.find(role.role) != nullptr) {
        return reader.field_error(record, role_col, "role empty or listed twice");
      }
      for (std::string_view kind : split_bar(record[kinds_col])) {
        auto parsed = parse_firm_kind(kind);
        if (!parsed.ok()) return reader.field_error(record, kinds_col, parsed.error().message);
        role.firm_kinds.insert(*parsed);
      }
      for (std::string_view item : split_bar(record[entitlements_col])) {
        const size_t colon = item.find(':');
        auto level = colon == std::string_view::npos ? invalid_input("missing ':'")
                                                     : parse_level(item.substr(colon + 1));
        if (!level.ok() || colon == 0) {
          return reader.field_error(
              record, entitlements_col,
              "entitlement '" + std::string(item) + "' is not CATEGORY:LEVEL with a known level");
        }
        role.entitlements.push_back({std::string(item.substr(0, colon)), *level});
      }
      if (role.firm_kinds.empty() || role.entitlements.empty()) {
        return reader.field_error(record, role.firm_kinds.empty() ? kinds_col : entitlements_col,
                                  "a role needs at least one firm kind and one entitlement");
      }
      role.description = std::string(record[description_col]);
      role.source = std::string(record[source_col]);
      if (role.source.empty()) return reader.field_error(record, source_col, "source is required");
      catalogue.roles_.push_back(std::move(role));
    }
  }
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open((dir / "role_conflicts.csv").string(),
                                                        shown + "role_conflicts.csv"));
  CP_RETURN_IF_ERROR(reader.require_columns({"role_a", "role_b", "reason", "source"}));
  const size_t a_col = *reader.column("role_a");
  const size_t b_col = *reader.column("role_b");
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    for (size_t col : {a_col, b_col}) {
      if (catalogue.find(record[col]) == nullptr) {
        return reader.field_error(record, col,
                                  "role '" + std::string(record[col]) + "' is not in roles.csv");
      }
    }
    catalogue.conflicts_.push_back({std::string(record[a_col]), std::string(record[b_col]),
                                    std::string(record[*reader.column("reason")]),
                                    std::string(record[*reader.column("source")])});
  }
  return catalogue;
}

const RoleDefinition* RoleCatalogue::find(std::string_view role) const {
  for (const auto& r : roles_) {
    if (r.role == role) return &r;
  }
  return nullptr;
}

Result<void> RoleCatalogue::check_role_set(FirmKind kind,
                                           const std::set<std::string>& roles) const {
  for (const auto& role : roles) {
    const RoleDefinition* found = find(role);
    if (found == nullptr) return invalid_input("unknown role '" + role + "'", "role");
    if (!found->firm_kinds.count(kind)) {
      return rule_violation(
          "role " + role + " is not granted in a " + firm_kind_code(kind) + " firm", "role");
    }
  }
  for (const auto& conflict : conflicts_) {
    if (roles.count(conflict.role_a) && roles.count(conflict.role_b)) {
      return rule_violation("roles " + conflict.role_a + " and " + conflict.role_b +
                                " conflict: " + conflict.reason + " (" + conflict.source + ")",
                            "role");
    }
  }
  // The maker-checker rule on entitlements, so that no pair missing from the list slips by.
  std::map<std::string, std::pair<std::string, std::string>> makers_checkers;  // category → roles
  for (const auto& role : roles) {
    for (const auto& e : find(role)->entitlements) {
      if (e.level == Level::kMake) makers_checkers[e.category].first = role;
      if (e.level == Level::kCheck) makers_checkers[e.category].second = role;
    }
  }
  for (const auto& [category, pair] : makers_checkers) {
    for (const auto& [other, other_pair] : makers_checkers) {
      const bool overlap = category == other || category == "*" || other == "*";
      if (overlap && other != kUsers && category != kUsers && !pair.first.empty() &&
          !other_pair.second.empty()) {
        return rule_violation("roles " + pair.first + " and " + other_pair.second +
                                  " together would let one person both submit and approve " +
                                  (category == "*" ? other : category) +
                                  " requests (SPEC PORTAL-7)",
                              "role");
      }
    }
  }
  return Ok{};
}

bool RoleCatalogue::entitles(const std::set<std::string>& roles, std::string_view category,
                             Level level) const {
  for (const auto& role : roles) {
    const RoleDefinition* found = find(role);
    if (found == nullptr) continue;
    for (const auto& e : found->entitlements) {
      if (e.level == level && covers(e, category)) return true;
    }
  }
  return false;
}

}  // namespace cp::identity
