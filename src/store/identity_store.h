// Firms, users and roles in the database (migration 0014), and the operations that change
// them: each checks the identity rules (identity/roles.h, identity/delegation.h) against what is
// stored before it writes, inside the caller's transaction (the caller appends the audit entry).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "identity/delegation.h"
#include "identity/roles.h"
#include "store/database.h"

namespace cp::store {

struct Firm {
  std::string firm_id;
  std::string name;
  identity::FirmKind kind = identity::FirmKind::kBroker;
};

struct User {
  std::string user_id;  // the login name
  std::string display_name;
  std::string email;
  std::string status = "active";  // active | locked | disabled
  std::string locked_until;       // UTC, or '' (until unlocked)
  bool has_password = false;
  std::string email_status = "registered";  // registered | pending (AUTH-1: the operator's)
  std::string created_at;                   // UTC; set by add_user
};

Result<void> add_firm(Database& db, const Firm& firm, UtcTime now);
Result<std::optional<Firm>> find_firm(Database& db, const std::string& firm_id);
Result<std::vector<Firm>> list_firms(Database& db);

// Refuses a login name already taken, or one that is not 3–64 of [a-z0-9._-].
Result<void> add_user(Database& db, const User& user, UtcTime now);
Result<std::optional<User>> find_user(Database& db, const std::string& user_id);
// Users with a role in `firm_id`, or every user when it is empty; by login.
Result<std::vector<User>> list_users(Database& db, const std::string& firm_id);

// The user's memberships with their firms' kinds, by firm.
Result<std::vector<identity::Membership>> memberships_of(Database& db, const std::string& user_id);

// Memberships built from rows of (firm id, firm kind, role), in firm-id order: how user_role is
// read both by memberships_of and by the sign-in's one query (store/principal_store.h).
class MembershipRows {
 public:
  // REQUIRES: `firm_kind` is a stored firm kind (the firm table's CHECK constraint).
  void add(const std::string& firm_id, const std::string& firm_kind, const std::string& role);
  std::vector<identity::Membership> take();

 private:
  std::map<std::string, identity::Membership> by_firm_;
};

// Grants `role` in `firm_id` after checking that `actor` may (delegation) and that the user's
// roles in that firm with it still form an allowed set (conflicts, maker-checker). Granting a
// role already held changes nothing and returns false.
Result<bool> grant_role(Database& db, const identity::RoleCatalogue& catalogue,
                        const identity::Actor& actor, const std::string& user_id,
                        const std::string& firm_id, const std::string& role, UtcTime now);
// Revokes it (delegation checked); returns false if the user did not hold it.
Result<bool> revoke_role(Database& db, const identity::RoleCatalogue& catalogue,
                         const identity::Actor& actor, const std::string& user_id,
                         const std::string& firm_id, const std::string& role);

// Registers `email` as the user's designated 2FA address (SPEC AUTH-1), `pending` until the
// operator approves it, or registered at once.
Result<void> set_email(Database& db, const std::string& user_id, const std::string& email,
                       bool pending);
// The operator approves a pending address; refuses when none is pending.
Result<void> approve_email(Database& db, const std::string& user_id);
// Whether the user holds an administrator role (users:admin) in any firm.
Result<bool> is_administrator(Database& db, const identity::RoleCatalogue& catalogue,
                              const std::string& user_id);

Result<void> set_password_hash(Database& db, const std::string& user_id,
                               const std::string& password_hash);
// The stored Argon2id hash ('' if none was set). Kept out of User so that no listing, JSON or
// log ever carries it.
Result<std::string> password_hash_of(Database& db, const std::string& user_id);
// Locks until `until` (or until unlocked, when empty), or unlocks with status active.
Result<void> set_lock(Database& db, const std::string& user_id, bool locked,
                      const std::string& until_utc);

}  // namespace cp::store
