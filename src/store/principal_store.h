// Who a session cookie signs in, read in one round trip: the session, its user's status and the
// user's memberships. Every signed-in request starts here, so on PostgreSQL three queries (the
// session, the user, the roles) cost three waits on the server where one join costs one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "identity/delegation.h"
#include "store/database.h"
#include "store/session_store.h"

namespace cp::store {

struct SignedIn {
  Session session;
  std::vector<identity::Membership> memberships;  // by firm id; empty for a user of no firm
};

// The live session for `token` at `now` and its active user, or nullopt: no such session, one
// ended, idle or expired (an idle or expired one is ended now with that reason), or a user who is
// not active (locked or disabled; the session is left as it is).
Result<std::optional<SignedIn>> find_signed_in(Database& db, const std::string& token, UtcTime now,
                                               int64_t idle_minutes);

}  // namespace cp::store
