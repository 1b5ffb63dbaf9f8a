#include "store/principal_store.h"

#include "store/identity_store.h"

namespace cp::store {

Result<std::optional<SignedIn>> find_signed_in(Database& db, const std::string& token, UtcTime now,
                                               int64_t idle_minutes) {
  // One row per role (at least one row: the LEFT JOINs keep a user of no firm).
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.absolute_expiry, "
               "u.status, r.firm_id, f.kind, r.role FROM user_session s "
               "JOIN app_user u ON u.user_id = s.user_id "
               "LEFT JOIN user_role r ON r.user_id = s.user_id "
               "LEFT JOIN firm f ON f.firm_id = r.firm_id "
               "WHERE s.session_hash = ? AND s.ended_at = ''",
               {token_hash(token)}));
  if (rows.rows.empty()) return std::optional<SignedIn>();
  const Row& first = rows.rows[0];
  SignedIn out;
  out.session = {first.text(0), first.text(1), first.text(2), first.text(3), first.text(4)};
  if (const char* reason = session_end_reason(out.session, now, idle_minutes)) {
    CP_RETURN_IF_ERROR(end_session(db, token, now, reason));
    return std::optional<SignedIn>();
  }
  if (first.text(5) != "active") return std::optional<SignedIn>();
  MembershipRows memberships;
  for (const Row& row : rows.rows) {
    if (!row.is_null(6)) memberships.add(row.text(6), row.text(7), row.text(8));
  }
  out.memberships = memberships.take();
  return std::optional<SignedIn>(std::move(out));
}

}  // namespace cp::store
